package io.ragline.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.cache.AnswerCache;
import io.ragline.embedding.Embedder;
import io.ragline.query.LlmSettings;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.store.VectorStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseSettings.class)
public class ObservabilityConfiguration {

    @Bean
    HealthService healthService(VectorStore store, Embedder embedder, AnswerCache cache, CircuitBreakers breakers,
                                LlmSettings llm, ObjectProvider<BuildProperties> build, ReleaseSettings release) {
        BuildProperties info = build.getIfAvailable();
        String version = release.version() != null && !release.version().isBlank() ? release.version()
                : info == null ? "dev" : info.getVersion();
        return new HealthService(store, embedder, cache, breakers, llm.provider() == LlmSettings.Provider.OPENAI,
                version);
    }
}
