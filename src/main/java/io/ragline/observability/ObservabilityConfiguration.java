package io.ragline.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.cache.AnswerCache;
import io.ragline.embedding.Embedder;
import io.ragline.query.LlmSettings;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.store.VectorStore;

/**
 * The health contributors {@code vector}, {@code ai} and {@code db} (Actuator names them after these
 * beans), and {@code /health} read from Actuator. Without the answer cache every question is still
 * answered, so a failing {@code db} makes the application degraded (200), not down.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReleaseSettings.class)
public class ObservabilityConfiguration {

    @Bean
    ComponentHealth componentHealth(VectorStore store, Embedder embedder, AnswerCache cache, CircuitBreakers breakers, LlmSettings llm) {
        return new ComponentHealth(store, embedder, cache, breakers, llm.provider() == LlmSettings.Provider.OPENAI);
    }

    @Bean
    HealthIndicator vectorHealthIndicator(ComponentHealth components) {
        return () -> health(components::vectorDetails, Status.DOWN);
    }

    @Bean
    HealthIndicator aiHealthIndicator(ComponentHealth components) {
        return () -> health(components::aiDetails, Status.DOWN);
    }

    @Bean
    HealthIndicator dbHealthIndicator(ComponentHealth components) {
        return () -> health(components::dbDetails, HealthService.DEGRADED);
    }

    @Bean
    HealthService healthService(HealthEndpoint actuator, ObjectProvider<BuildProperties> build, ReleaseSettings release) {
        BuildProperties info = build.getIfAvailable();
        String version = release.version() != null && !release.version().isBlank() ? release.version()
                : info == null ? "dev" : info.getVersion();
        return new HealthService(actuator, version);
    }

    private static Health health(Supplier<Map<String, Object>> check, Status whenFailing) {
        Map<String, Object> details = new LinkedHashMap<>(check.get());
        Object status = details.remove("status");
        return Health.status("healthy".equals(status) ? Status.UP : whenFailing).withDetails(details).build();
    }
}
