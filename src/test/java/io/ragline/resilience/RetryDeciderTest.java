package io.ragline.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.api.InvalidRequestException;
import io.ragline.support.Settings;

class RetryDeciderTest {

    private final ResilienceSettings.Redelivery policy = Settings.defaults(ResilienceSettings.class).ingest();

    @Test
    void transientFaultsAreRetriedUpToTheAttemptLimit() {
        RetryDecider decider = new RetryDecider(policy);
        for (Exception transientFault : new Exception[] {http(429, Map.of()), http(503, Map.of()), new TimeoutException("slow"),
                new RuntimeException(new ConnectException("refused"))}) {
            assertThat(decider.shouldRetry(failed(transientFault, 1))).as(transientFault.toString()).isTrue();
            assertThat(decider.shouldRetry(failed(transientFault, policy.maxAttempts()))).isFalse();
        }
    }

    @Test
    void clientErrorsAndBadInputAreNeverRetried() {
        RetryDecider decider = new RetryDecider(policy);
        assertThat(decider.shouldRetry(failed(http(400, Map.of()), 1))).isFalse();
        assertThat(decider.shouldRetry(failed(http(401, Map.of()), 1))).isFalse();
        assertThat(decider.shouldRetry(failed(new InvalidRequestException("bad"), 1))).isFalse();
    }

    @Test
    void retryAfterBecomesTheRedeliveryDelayWithinItsCap() {
        RetryDecider decider = new RetryDecider(policy);
        Exchange announced = failed(http(429, Map.of("Retry-After", "7")), 1);
        assertThat(decider.shouldRetry(announced)).isTrue();
        assertThat(announced.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(7000L);

        Exchange excessive = failed(http(429, Map.of("Retry-After", "3600")), 1);
        decider.shouldRetry(excessive);
        assertThat(excessive.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class)).isEqualTo(policy.maxRetryAfter().toMillis());

        Exchange plain = failed(http(503, Map.of()), 1);
        plain.getIn().setHeader(Exchange.REDELIVERY_DELAY, 5000L);
        decider.shouldRetry(plain);
        assertThat(plain.getIn().getHeaders()).as("our own backoff applies").doesNotContainKey(Exchange.REDELIVERY_DELAY);
    }

    @Test
    void duringAnOutageAttemptsDoNotRunOutUntilTheOutageLimit() {
        AtomicBoolean outage = new AtomicBoolean(true);
        RetryDecider decider = new RetryDecider(policy, outage::get, Duration.ofMinutes(5));
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x"));

        assertThat(decider.shouldRetry(failed(http(500, Map.of()), policy.maxAttempts() + 10))).isTrue();
        assertThat(decider.shouldRetry(failed(open, policy.maxAttempts() + 10))).isTrue();

        Exchange longAgo = failed(open, 1);
        longAgo.setProperty(RetryDecider.FIRST_FAILURE_AT, System.currentTimeMillis() - Duration.ofMinutes(6).toMillis());
        assertThat(decider.shouldRetry(longAgo)).as("past the outage limit").isFalse();

        outage.set(false);
        assertThat(decider.shouldRetry(failed(open, 1))).as("an open breaker is not transient by itself").isFalse();
    }

    private static HttpOperationFailedException http(int status, Map<String, String> headers) {
        return new HttpOperationFailedException("http://provider/v1/embeddings", status, "status " + status, null, headers, "{}");
    }

    private static Exchange failed(Exception failure, int nextRedelivery) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        exchange.getIn().setHeader(Exchange.REDELIVERY_COUNTER, nextRedelivery);
        return exchange;
    }
}
