package io.ragline.store;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.embedding.Embedder;

/** The store port; each adapter wires itself when {@code ragline.store.backend} names it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreSettings.class)
public class StoreConfiguration {

    /**
     * The store learns the embedding model once Camel runs (a remote provider tells its dimension through
     * a route). A runner, because its failure stops the start-up: a mismatch must not go unnoticed.
     */
    @Bean
    ApplicationRunner bindStoreToEmbeddingModel(VectorStore store, Embedder embedder) {
        return arguments -> store.bindEmbeddingModel(embedder.modelName(), embedder.dimension());
    }
}
