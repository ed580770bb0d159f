package io.ragline.ingest.queue;

import java.time.Duration;

import org.apache.camel.Exchange;

import io.ragline.resilience.TransientFaults;

/**
 * The {@code retryWhile} of the Kafka consumer: a record that fails is tried again in place up to
 * {@code maxAttempts}, then dead-lettered; but while the store's database cannot be reached the record
 * waits (its partition with it) for at most {@code maxOutage}, so an outage dead-letters nothing.
 */
public class KafkaRetry {

    static final String FIRST_FAILURE_AT = "raglineKafkaFirstFailureAt";

    private final int maxAttempts;
    private final Duration maxOutage;

    public KafkaRetry(int maxAttempts, Duration maxOutage) {
        this.maxAttempts = maxAttempts;
        this.maxOutage = maxOutage;
    }

    public boolean shouldRetry(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        long firstFailureAt = exchange.getProperty(FIRST_FAILURE_AT, System.currentTimeMillis(), Long.class);
        exchange.setProperty(FIRST_FAILURE_AT, firstFailureAt);
        // Camel has already counted the redelivery it asks about: 1 after the first attempt failed
        int nextRedelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        boolean storeDown = TransientFaults.storeUnreachable(failure)
                && System.currentTimeMillis() - firstFailureAt < maxOutage.toMillis();
        return nextRedelivery < maxAttempts || storeDown;
    }
}
