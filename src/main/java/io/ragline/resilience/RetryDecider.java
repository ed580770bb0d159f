package io.ragline.resilience;

import org.apache.camel.Exchange;

import io.ragline.config.RaglineProperties;

/**
 * The {@code retryWhile} of a redelivery policy: transient faults only, up to the attempt limit. A 429's
 * Retry-After replaces the computed backoff for that attempt (through Camel's redelivery-delay header).
 */
public class RetryDecider {

    private final RaglineProperties.Redelivery policy;

    public RetryDecider(RaglineProperties.Redelivery policy) {
        this.policy = policy;
    }

    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        // Camel has already counted the redelivery it asks about: 1 after the first attempt failed
        int nextRedelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        boolean retry = failure != null && TransientFaults.isTransient(failure) && nextRedelivery < policy.getMaxAttempts();
        long retryAfter = retry ? TransientFaults.retryAfterSeconds(failure) : -1;
        if (retryAfter >= 0) {
            long millis = Math.min(retryAfter * 1000, policy.getMaxRetryAfter().toMillis());
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, millis);
        } else {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        }
        return retry;
    }
}
