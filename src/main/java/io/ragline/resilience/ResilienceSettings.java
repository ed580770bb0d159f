package io.ragline.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.resilience.*}: redelivery policies and one breaker per dependency; application.yml
 * documents each key and sets the query path's shorter policy.
 *
 * @param outageMaxWait how long a document in flight waits for an open embedding breaker
 */
@Validated
@ConfigurationProperties("ragline.resilience")
public record ResilienceSettings(
        @Valid @DefaultValue Redelivery ingest,
        @Valid @DefaultValue Redelivery query,
        @Valid @DefaultValue Breaker embedding,
        @Valid @DefaultValue Breaker vectorstore,
        @Valid @DefaultValue Breaker llm,
        @NotNull @DefaultValue("30m") Duration outageMaxWait) {

    /**
     * Redelivery of transient faults with exponential backoff and jitter.
     *
     * @param jitter random spread of each delay, as a share of it
     * @param maxRetryAfter upper bound on a server's Retry-After that is honoured
     */
    public record Redelivery(
            @Min(1) @DefaultValue("5") int maxAttempts,
            @NotNull @DefaultValue("1s") Duration initialDelay,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("30s") Duration maxDelay,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.15") double jitter,
            @NotNull @DefaultValue("60s") Duration maxRetryAfter) {
    }

    /**
     * One resilience4j circuit breaker.
     *
     * @param queryTimeout longest a single call may take on the query path before it counts as failed
     * @param ingestTimeout longest a single call may take on the ingest path
     */
    public record Breaker(
            @Min(1) @DefaultValue("10") int slidingWindowSize,
            @Min(1) @DefaultValue("5") int minimumCalls,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("100") float slowCallRateThreshold,
            @NotNull @DefaultValue("10s") Duration slowCallDuration,
            @NotNull @DefaultValue("30s") Duration waitInOpenState,
            @Min(1) @DefaultValue("2") int permittedCallsInHalfOpenState,
            @NotNull @DefaultValue("2s") Duration queryTimeout,
            @NotNull @DefaultValue("60s") Duration ingestTimeout) {
    }
}
