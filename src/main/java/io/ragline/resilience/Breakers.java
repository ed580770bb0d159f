package io.ragline.resilience;

import java.time.Duration;

import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ProcessorDefinition;

/** The circuitBreaker EIP around one dependency call, with the shared breaker and a per-path timeout. */
public final class Breakers {

    private Breakers() {
    }

    /**
     * Opens a circuitBreaker block on {@code route} using the breaker bean {@code breaker}. A call slower
     * than {@code timeout} fails and counts against the breaker; an open breaker throws at once.
     */
    public static CircuitBreakerDefinition guard(ProcessorDefinition<?> route, String breaker, Duration timeout) {
        return route.circuitBreaker()
                .resilience4jConfiguration()
                    .circuitBreaker(breaker)
                    .throwExceptionWhenHalfOpenOrOpenState(true)
                    .timeoutEnabled(true)
                    .timeoutDuration((int) timeout.toMillis())
                    .timeoutExecutorService(ResilienceConfiguration.TIMED_CALLS)
                .end();
    }
}
