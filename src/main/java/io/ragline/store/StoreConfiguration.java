package io.ragline.store;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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
    /**
     * A backend no adapter serves: binding the settings fails the start-up naming the key and the valid
     * values, instead of a missing bean deep in the wiring.
     */
    @Bean
    @ConditionalOnExpression("!'${" + StoreSettings.BACKEND + ":lucene}'.equalsIgnoreCase('lucene')"
            + " and !'${" + StoreSettings.BACKEND + ":lucene}'.equalsIgnoreCase('pgvector')")
    VectorStore unknownBackend(StoreSettings settings) {
        throw new IllegalStateException("no adapter serves " + StoreSettings.BACKEND + "=" + settings.backend());
    }

    @Bean
    ApplicationRunner bindStoreToEmbeddingModel(VectorStore store, Embedder embedder) {
        return arguments -> store.bindEmbeddingModel(embedder.modelName(), embedder.dimension());
    }
}
