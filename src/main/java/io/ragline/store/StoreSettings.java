package io.ragline.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** {@code ragline.store.*}: which adapter of {@link VectorStore} holds the chunks; each adapter binds its own keys. */
@Validated
@ConfigurationProperties("ragline.store")
public record StoreSettings(@NotNull @DefaultValue("lucene") Backend backend) {

    public static final String BACKEND = "ragline.store.backend";

    public enum Backend {
        /** On-disk index with HNSW vectors and BM25 text, the embedded default: one process. */
        LUCENE,
        /** PostgreSQL with pgvector, shared by every replica (spring.datasource.*). */
        PGVECTOR
    }
}
