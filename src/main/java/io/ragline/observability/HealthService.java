package io.ragline.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ragline.api.ApiResponse;
import io.ragline.cache.AnswerCache;
import io.ragline.embedding.Embedder;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.store.StoreHealth;
import io.ragline.store.VectorStore;

/** The health endpoints: each component on its own, and all of them together on {@code /health}. */
public class HealthService {

    private static final String PROBE_TEXT = "health check";

    private final VectorStore store;
    private final Embedder embedder;
    private final AnswerCache cache;
    private final CircuitBreakers breakers;
    private final boolean llmEnabled;
    private final String version;
    private final Instant started = Instant.now();

    public HealthService(VectorStore store, Embedder embedder, AnswerCache cache, CircuitBreakers breakers,
                         boolean llmEnabled, String version) {
        this.store = store;
        this.embedder = embedder;
        this.cache = cache;
        this.breakers = breakers;
        this.llmEnabled = llmEnabled;
        this.version = version;
    }

    public ApiResponse overall() {
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        components.put("vector", vectorDetails());
        components.put("ai", aiDetails());
        components.put("db", dbDetails());
        List<String> failed = new ArrayList<>();
        components.forEach((name, details) -> {
            if (!"healthy".equals(details.get("status"))) {
                failed.add(name);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failed.isEmpty() ? "healthy" : "unhealthy");
        body.put("version", version);
        body.put("uptime", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        if (!failed.isEmpty()) {
            body.put("failed", failed);
        }
        body.put("components", components);
        return new ApiResponse(failed.isEmpty() ? 200 : 503, body);
    }

    public ApiResponse vector() {
        return respond(vectorDetails());
    }

    public ApiResponse ai() {
        return respond(aiDetails());
    }

    public ApiResponse db() {
        return respond(dbDetails());
    }

    private Map<String, Object> vectorDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            StoreHealth health = store.health();
            boolean open = breakers.isOpen(CircuitBreakers.VECTORSTORE);
            details.put("status", health.healthy() && !open ? "healthy" : "unhealthy");
            details.put("backend", health.backend());
            details.putAll(health.details());
            details.put("circuit_breaker", breakers.describe(CircuitBreakers.VECTORSTORE));
        } catch (RuntimeException e) {
            details.put("status", "unhealthy");
            details.put("error", e.getMessage());
        }
        return details;
    }

    /**
     * Embeds a probe text (a loaded model is no proof it works), unless the embedding breaker is open:
     * then the answer is known without adding to the load of a failing service.
     */
    private Map<String, Object> aiDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("embedding_model", embedder.modelName());
        details.put("circuit_breakers", llmEnabled
                ? Map.of("embedding", breakers.describe(CircuitBreakers.EMBEDDING), "llm", breakers.describe(CircuitBreakers.LLM))
                : Map.of("embedding", breakers.describe(CircuitBreakers.EMBEDDING)));
        if (breakers.isOpen(CircuitBreakers.EMBEDDING)) {
            details.put("status", "unhealthy");
            details.put("error", "embedding circuit breaker is open");
            return details;
        }
        try {
            long start = System.nanoTime();
            int dimension = embedder.embed(PROBE_TEXT).length;
            details.put("status", dimension == embedder.dimension() ? "healthy" : "unhealthy");
            details.put("dimension", dimension);
            details.put("probe_ms", (System.nanoTime() - start) / 1_000_000.0);
        } catch (RuntimeException e) {
            details.put("status", "unhealthy");
            details.put("error", e.getMessage());
        }
        return details;
    }

    private Map<String, Object> dbDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            Map<String, Object> health = cache.health();
            details.put("status", Boolean.TRUE.equals(health.get("healthy")) ? "healthy" : "unhealthy");
            details.put("component", "answer-cache");
            details.putAll(health);
            details.remove("healthy");
        } catch (RuntimeException e) {
            details.put("status", "unhealthy");
            details.put("error", e.getMessage());
        }
        return details;
    }

    private static ApiResponse respond(Map<String, Object> details) {
        return new ApiResponse("healthy".equals(details.get("status")) ? 200 : 503, details);
    }
}
