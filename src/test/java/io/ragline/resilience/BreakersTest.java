package io.ragline.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import io.ragline.support.Settings;

/**
 * The real {@link Breakers#guardedCall} with the real query-call policy: transient faults are redelivered,
 * every attempt is one call the breaker records, an open breaker fails at once, a slow call times out.
 */
class BreakersTest extends CamelTestSupport {

    private static final String CALL = "direct:flaky";
    private static final String CALL_ATTEMPT = "direct:flaky-attempt";

    private final ResilienceSettings settings = Settings.with(ResilienceSettings.class, Map.of(
            "query.max-attempts", "3", "query.initial-delay", "1ms", "query.max-delay", "1ms"));
    private final CircuitBreaker breaker = CircuitBreaker.of("flaky", CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50).build());
    private final ExecutorService timedCalls = Executors.newCachedThreadPool();
    private final FlakyDependency dependency = new FlakyDependency();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("flakyBreaker", breaker);
        registry.bind(ResilienceConfiguration.TIMED_CALLS, ExecutorService.class, timedCalls);
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        RetryDecider queryRetry = new RetryDecider(settings.query());
        return new RoutesBuilder[] {
            new ResiliencePolicies(settings, queryRetry, queryRetry),
            new RouteBuilder() {
                @Override
                public void configure() {
                    Breakers.guardedCall(this, CALL, CALL_ATTEMPT, ResiliencePolicies.QUERY_CALLS, "flakyBreaker",
                            Duration.ofMillis(300), dependency, "call");
                }
            }
        };
    }

    @AfterEach
    void stopTimedCalls() {
        dependency.release.countDown();
        timedCalls.shutdownNow();
    }

    @Test
    void aTransientFaultIsRedeliveredAndEachAttemptIsOneBreakerCall() {
        dependency.failuresLeft.set(2);

        Exchange done = template.send(CALL, exchange -> exchange.getMessage().setBody("question"));

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getBody(String.class)).isEqualTo("answer to question");
        assertThat(dependency.calls.get()).isEqualTo(3);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aDeadDependencyOpensTheBreakerAndLaterAttemptsNeverReachIt() {
        dependency.failuresLeft.set(Integer.MAX_VALUE);

        Exchange first = template.send(CALL, exchange -> exchange.getMessage().setBody("q1"));
        Exchange second = template.send(CALL, exchange -> exchange.getMessage().setBody("q2"));

        assertThat(causes(first.getException())).contains(ConnectException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(dependency.calls.get()).as("three attempts, then the fourth opened the breaker").isEqualTo(4);
        assertThat(causes(second.getException())).contains(CallNotPermittedException.class);
    }

    @Test
    void aCallSlowerThanTheTimeoutFailsAndCountsAgainstTheBreaker() {
        dependency.hangs = true;

        Exchange done = template.send(CALL, exchange -> exchange.getMessage().setBody("slow"));

        assertThat(causes(done.getException())).contains(TimeoutException.class);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    private static List<Class<?>> causes(Throwable failure) {
        List<Class<?>> causes = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            causes.add(t.getClass());
        }
        return causes;
    }

    public static class FlakyDependency {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger failuresLeft = new AtomicInteger();
        /** A hung dependency: calls block until the test ends or the breaker's timeout interrupts them. */
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean hangs;

        public String call(String question) throws Exception {
            calls.incrementAndGet();
            if (hangs) {
                release.await();
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new ConnectException("connection refused");
            }
            return "answer to " + question;
        }
    }
}
