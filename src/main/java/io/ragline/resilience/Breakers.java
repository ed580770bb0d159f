package io.ragline.resilience;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.util.StringHelper;

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

    /**
     * {@code endpoint} calls {@code bean.method} through the breaker. Its route carries the redelivery
     * {@code policy} and re-sends to {@code attemptEndpoint}, whose route holds the breaker: the
     * circuitBreaker EIP does not inherit the error handler, so a policy on its own route would never
     * redeliver it. Each attempt is one breaker call. Route and node ids follow the endpoint's name:
     * {@code <name>}, {@code <name>-attempt}, {@code <name>-breaker}, {@code <name>-call}.
     */
    public static void guardedCall(RouteBuilder routes, String endpoint, String attemptEndpoint, String policy,
                                   String breaker, Duration timeout, Object bean, String method) {
        String name = StringHelper.after(endpoint, ":");
        routes.from(endpoint).routeId(name).routeConfigurationId(policy)
                .to(attemptEndpoint).id(name + "-send-attempt");
        guard(routes.from(attemptEndpoint).routeId(name + "-attempt").routeConfigurationId(ResiliencePolicies.INTERNAL),
                        breaker, timeout)
                .id(name + "-breaker")
                .bean(bean, method).id(name + "-call")
                .end();
    }
}
