package io.ragline.store.pgvector;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ragline.store.pgvector.*}; the connection itself is Spring Boot's {@code spring.datasource.*}.
 *
 * @param dimension vector size of the chunks table, fixed when Flyway creates it: the embedding model's
 * @param efSearch candidates explored per vector search (hnsw.ef_search)
 * @param hnswM neighbours per node of the HNSW index, fixed when Flyway creates it
 * @param hnswEfConstruction candidates weighed while building the HNSW index, fixed when Flyway creates it
 * @param keywordCandidates when no chunk holds all of a question's words, at most this many chunks holding
 *        any of them are ranked (PostgreSQL ranks every match it is given)
 * @param keywordSearchesAhead keyword rankings run at once ahead of their question's vector, each on a
 *        pooled connection of its own; 0 ranks keywords only after the vector search
 */
@Validated
@ConfigurationProperties("ragline.store.pgvector")
public record PgVectorSettings(
        @Min(1) @Max(16_000) @DefaultValue("384") int dimension,
        @Min(1) @Max(1000) @DefaultValue("100") int efSearch,
        @Min(2) @Max(100) @DefaultValue("16") int hnswM,
        @Min(4) @Max(1000) @DefaultValue("64") int hnswEfConstruction,
        @Min(10) @DefaultValue("2000") int keywordCandidates,
        @Min(0) @Max(64) @DefaultValue("4") int keywordSearchesAhead) {
}
