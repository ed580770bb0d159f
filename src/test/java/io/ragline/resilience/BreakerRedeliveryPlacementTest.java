package io.ragline.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * How redelivery meets the circuitBreaker EIP, proved rather than assumed: without inheritErrorHandler(true)
 * the route's error handler never retries the guarded call at all; with it, every retry is another call the
 * breaker records. Ragline puts the policy in a calling route (see {@link Breakers#guardedCall}): the same
 * one-attempt-one-call accounting, and each attempt can first wait out an open breaker.
 */
class BreakerRedeliveryPlacementTest {

    @Test
    void redeliveryReachesTheGuardedCallOnlyWithInheritErrorHandler() throws Exception {
        assertThat(attempts(false)).as("calls, breaker failures").containsExactly(1, 1);
        assertThat(attempts(true)).as("calls, breaker failures").containsExactly(3, 3);
    }

    @Test
    void aCallingRouteRedeliversEachAttemptThroughTheBreaker() throws Exception {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("placement");
        AtomicInteger calls = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("placementBreaker", breaker);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").onException(IllegalStateException.class).maximumRedeliveries(2).redeliveryDelay(0).end()
                            .to("direct:attempt");
                    from("direct:attempt").errorHandler(noErrorHandler())
                            .circuitBreaker().resilience4jConfiguration().circuitBreaker("placementBreaker")
                                    .throwExceptionWhenHalfOpenOrOpenState(true).end()
                                .process(exchange -> {
                                    calls.incrementAndGet();
                                    throw new IllegalStateException("down");
                                })
                            .end();
                }
            });
            camel.start();
            camel.createProducerTemplate().send("direct:call", exchange -> { });
        }
        assertThat(calls.get()).isEqualTo(3);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("each attempt recorded").isEqualTo(3);
    }

    /** @return processor invocations and calls recorded by the breaker */
    private static int[] attempts(boolean inheritErrorHandler) throws Exception {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("inherit-" + inheritErrorHandler);
        AtomicInteger calls = new AtomicInteger();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("testBreaker", breaker);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").onException(IllegalStateException.class).maximumRedeliveries(2).redeliveryDelay(0).end()
                            .circuitBreaker().inheritErrorHandler(inheritErrorHandler)
                                .resilience4jConfiguration().circuitBreaker("testBreaker").throwExceptionWhenHalfOpenOrOpenState(true).end()
                                .process(exchange -> {
                                    calls.incrementAndGet();
                                    throw new IllegalStateException("down");
                                })
                            .end();
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            producer.send("direct:start", exchange -> { });
        }
        return new int[] {calls.get(), breaker.getMetrics().getNumberOfFailedCalls()};
    }
}
