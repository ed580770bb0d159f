package io.ragline.resilience;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One breaker per dependency, shared by every route that calls it: ingestion and queries see the same
 * state of the embedding service. Routes reference them by bean name in the circuitBreaker EIP; their
 * metrics ({@code resilience4j_circuitbreaker_*}) come from resilience4j's own Micrometer binding.
 */
public class CircuitBreakers {

    public static final String EMBEDDING = "embedding";
    public static final String VECTORSTORE = "vectorstore";
    public static final String LLM = "llm";

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    public CircuitBreakers(ResilienceSettings settings, MeterRegistry meters) {
        create(EMBEDDING, settings.embedding());
        create(VECTORSTORE, settings.vectorstore());
        create(LLM, settings.llm());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    private void create(String name, ResilienceSettings.Breaker settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .slowCallRateThreshold(settings.slowCallRateThreshold())
                .slowCallDurationThreshold(settings.slowCallDuration())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                // one client's bad input, or a request to slow down, must not cut every client off
                .ignoreException(TransientFaults::isNotTheDependencysFault)
                // recovery is probed without waiting for traffic: paused ingestion needs that
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        registry.circuitBreaker(name, config);
    }

    public CircuitBreaker get(String name) {
        return registry.circuitBreaker(name);
    }

    /** State and figures for the health endpoints. */
    public Map<String, Object> describe(String name) {
        CircuitBreaker breaker = get(name);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", breaker.getState().name().toLowerCase(Locale.ROOT));
        details.put("failure_rate", breaker.getMetrics().getFailureRate());
        details.put("failed_calls", breaker.getMetrics().getNumberOfFailedCalls());
        details.put("not_permitted_calls", breaker.getMetrics().getNumberOfNotPermittedCalls());
        return details;
    }

    public boolean isOpen(String name) {
        return get(name).getState() == CircuitBreaker.State.OPEN;
    }
}
