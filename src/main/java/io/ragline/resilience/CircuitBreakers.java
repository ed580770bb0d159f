package io.ragline.resilience;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.config.RaglineProperties;

/**
 * One breaker per dependency, shared by every route that calls it: ingestion and queries see the same
 * state of the embedding service. Routes reference them by bean name in the circuitBreaker EIP.
 */
public class CircuitBreakers {

    public static final String EMBEDDING = "embedding";
    public static final String VECTORSTORE = "vectorstore";
    public static final String LLM = "llm";

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();

    public CircuitBreakers(RaglineProperties.Resilience settings, MeterRegistry meters) {
        breakers.put(EMBEDDING, create(EMBEDDING, settings.getEmbedding()));
        breakers.put(VECTORSTORE, create(VECTORSTORE, settings.getVectorstore()));
        breakers.put(LLM, create(LLM, settings.getLlm()));
        breakers.values().forEach(breaker -> bindMetrics(breaker, meters));
    }

    private CircuitBreaker create(String name, RaglineProperties.Breaker settings) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.getSlidingWindowSize())
                .minimumNumberOfCalls(settings.getMinimumCalls())
                .failureRateThreshold(settings.getFailureRateThreshold())
                .slowCallRateThreshold(settings.getSlowCallRateThreshold())
                .slowCallDurationThreshold(settings.getSlowCallDuration())
                .waitDurationInOpenState(settings.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.getPermittedCallsInHalfOpenState())
                // recovery is probed without waiting for traffic: paused ingestion needs that
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        return registry.circuitBreaker(name, config);
    }

    private static void bindMetrics(CircuitBreaker breaker, MeterRegistry meters) {
        for (CircuitBreaker.State state : new CircuitBreaker.State[] {
            CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN}) {
            Gauge.builder("ragline.circuit.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                    .tag("name", breaker.getName()).tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .description("1 for the breaker's current state").register(meters);
        }
        Gauge.builder("ragline.circuit.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                .tag("name", breaker.getName()).register(meters);
        Gauge.builder("ragline.circuit.breaker.not.permitted.calls", breaker, b -> b.getMetrics().getNumberOfNotPermittedCalls())
                .tag("name", breaker.getName()).register(meters);
    }

    public CircuitBreaker get(String name) {
        return breakers.get(name);
    }

    /** State and figures for the health endpoints. */
    public Map<String, Object> describe(String name) {
        CircuitBreaker breaker = breakers.get(name);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", breaker.getState().name().toLowerCase(java.util.Locale.ROOT));
        details.put("failure_rate", breaker.getMetrics().getFailureRate());
        details.put("failed_calls", breaker.getMetrics().getNumberOfFailedCalls());
        details.put("not_permitted_calls", breaker.getMetrics().getNumberOfNotPermittedCalls());
        return details;
    }

    public boolean isOpen(String name) {
        return breakers.get(name).getState() == CircuitBreaker.State.OPEN;
    }
}
