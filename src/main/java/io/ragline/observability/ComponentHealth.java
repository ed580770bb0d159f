package io.ragline.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ragline.cache.AnswerCache;
import io.ragline.embedding.Embedder;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.store.StoreHealth;
import io.ragline.store.VectorStore;

/** What each dependency's health check finds: the details behind the {@code vector}, {@code ai} and {@code db} health contributors. */
public class ComponentHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentHealth.class);
    private static final String PROBE_TEXT = "health check";
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(30);

    private final VectorStore store;
    private final Embedder embedder;
    private final AnswerCache cache;
    private final CircuitBreakers breakers;
    private final boolean llmEnabled;
    private Map<String, Object> lastProbe;
    private Instant lastProbeAt;

    public ComponentHealth(VectorStore store, Embedder embedder, AnswerCache cache, CircuitBreakers breakers, boolean llmEnabled) {
        this.store = store;
        this.embedder = embedder;
        this.cache = cache;
        this.breakers = breakers;
        this.llmEnabled = llmEnabled;
    }

    Map<String, Object> vectorDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            StoreHealth health = store.health();
            boolean open = breakers.isOpen(CircuitBreakers.VECTORSTORE);
            details.put("status", health.healthy() && !open ? "healthy" : "unhealthy");
            details.put("backend", health.backend());
            details.putAll(health.details());
            details.put("circuit_breaker", breakers.describe(CircuitBreakers.VECTORSTORE));
        } catch (RuntimeException e) {
            LOG.warn("Vector store health check failed", e);
            details.put("status", "unhealthy");
            details.put("error", "the vector store cannot be read");
        }
        return details;
    }

    /**
     * The in-process model embeds a probe text (a loaded model is no proof it works); a remote provider is
     * judged by its breaker. While the breaker is open the answer is known without a call.
     */
    Map<String, Object> aiDetails() {
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
        if (embedder.remote()) {
            // a paid call per probe would bill every health check: the breaker's record of real calls tells instead
            details.put("status", "healthy");
            return details;
        }
        details.putAll(probe());
        return details;
    }

    /** Embeds a probe text with the in-process model, at most once per {@link #PROBE_INTERVAL}. */
    private synchronized Map<String, Object> probe() {
        if (lastProbe != null && Duration.between(lastProbeAt, Instant.now()).compareTo(PROBE_INTERVAL) < 0) {
            return lastProbe;
        }
        Map<String, Object> probe = new LinkedHashMap<>();
        try {
            long start = System.nanoTime();
            int dimension = embedder.embed(PROBE_TEXT).length;
            probe.put("status", dimension == embedder.dimension() ? "healthy" : "unhealthy");
            probe.put("dimension", dimension);
            probe.put("probe_ms", (System.nanoTime() - start) / 1_000_000.0);
        } catch (RuntimeException e) {
            LOG.warn("Embedding probe failed", e);
            probe.put("status", "unhealthy");
            probe.put("error", "the embedding model failed its probe");
        }
        lastProbe = probe;
        lastProbeAt = Instant.now();
        return probe;
    }

    Map<String, Object> dbDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            Map<String, Object> health = cache.health();
            details.put("status", Boolean.TRUE.equals(health.get("healthy")) ? "healthy" : "unhealthy");
            details.put("component", "answer-cache");
            details.putAll(health);
            details.remove("healthy");
        } catch (RuntimeException e) {
            LOG.warn("Answer cache health check failed", e);
            details.put("status", "unhealthy");
            details.put("error", "the answer cache cannot be read");
        }
        return details;
    }
}
