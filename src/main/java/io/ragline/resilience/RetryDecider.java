package io.ragline.resilience;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * The {@code retryWhile} of a redelivery policy: transient faults only, up to the attempt limit. A 429's
 * Retry-After replaces the computed backoff for that attempt (through Camel's redelivery-delay header).
 * <p>
 * Where ingestion pauses during an outage, attempts made while the breaker is not closed do not use up
 * the limit: the document waits for the dependency, for at most {@code maxOutage}, instead of being
 * dead-lettered just as the breaker opens.
 */
public class RetryDecider {

    static final String FIRST_FAILURE_AT = "raglineFirstFailureAt";

    private final ResilienceSettings.Redelivery policy;
    private final BooleanSupplier outage;
    private final Duration maxOutage;

    /** A policy that never waits out an outage: the query path answers from its fallback instead. */
    public RetryDecider(ResilienceSettings.Redelivery policy) {
        this(policy, () -> false, Duration.ZERO);
    }

    public RetryDecider(ResilienceSettings.Redelivery policy, BooleanSupplier outage, Duration maxOutage) {
        this.policy = policy;
        this.outage = outage;
        this.maxOutage = maxOutage;
    }

    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        long firstFailureAt = exchange.getProperty(FIRST_FAILURE_AT, System.currentTimeMillis(), Long.class);
        exchange.setProperty(FIRST_FAILURE_AT, firstFailureAt);
        // Camel has already counted the redelivery it asks about: 1 after the first attempt failed
        int nextRedelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        boolean waitingOutOutage = outage.getAsBoolean()
                && !exchange.getProperty(EmbeddingOutage.FAIL_FAST, false, Boolean.class)
                && System.currentTimeMillis() - firstFailureAt < maxOutage.toMillis();
        boolean retryable = failure != null
                && (TransientFaults.isTransient(failure) || failure instanceof CallNotPermittedException && waitingOutOutage);
        boolean retry = retryable && (nextRedelivery < policy.maxAttempts() || waitingOutOutage);
        long retryAfter = retry ? TransientFaults.retryAfterSeconds(failure) : -1;
        if (retryAfter >= 0) {
            long millis = Math.min(retryAfter * 1000, policy.maxRetryAfter().toMillis());
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, millis);
        } else {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        }
        return retry;
    }
}
