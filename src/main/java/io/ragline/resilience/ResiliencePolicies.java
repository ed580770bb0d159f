package io.ragline.resilience;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.springframework.stereotype.Component;

/**
 * The error policies of routes inside a feature, which routes opt into by id:
 * <ul>
 * <li>{@link #INTERNAL}: {@code direct:} stages; failures go back to the entry route that owns the policy.</li>
 * <li>{@link #INGEST_CALLS} and {@link #QUERY_CALLS}: routes that call a dependency through its breaker.
 * Transient faults are redelivered with exponential backoff and jitter, honouring a 429's Retry-After.
 * Redelivery runs <em>outside</em> the breaker: the policy's route re-sends to a route holding the
 * circuitBreaker EIP (see {@link Breakers#guardedCall}), so every attempt is one call the breaker
 * records, a dead dependency opens it within a few attempts, and attempts against an open breaker fail
 * at once instead of reaching the dependency.</li>
 * </ul>
 * Entry routes take the policy of their own feature (HTTP, folder, queues).
 */
@Component
public class ResiliencePolicies extends RouteConfigurationBuilder {

    public static final String INTERNAL = "internal-errors";
    public static final String INGEST_CALLS = "ingest-calls";
    public static final String QUERY_CALLS = "query-calls";

    private final ResilienceSettings settings;
    private final RetryDecider ingestRetry;
    private final RetryDecider queryRetry;

    public ResiliencePolicies(ResilienceSettings settings, RetryDecider ingestRetry, RetryDecider queryRetry) {
        this.settings = settings;
        this.ingestRetry = ingestRetry;
        this.queryRetry = queryRetry;
    }

    @Override
    public void configuration() {
        routeConfiguration(INTERNAL).errorHandler(noErrorHandler());

        redelivery(routeConfiguration(INGEST_CALLS).onException(Exception.class), settings.ingest(), ingestRetry);
        // Query attempts are few and their delays short (max-delay, or max-retry-after on a 429). They wait
        // on the request's worker thread: the full path is one synchronous call, so asynchronous delayed
        // redelivery could not hand that thread back anyway.
        redelivery(routeConfiguration(QUERY_CALLS).onException(Exception.class), settings.query(), queryRetry);
    }

    private OnExceptionDefinition redelivery(OnExceptionDefinition onException, ResilienceSettings.Redelivery policy,
                                             RetryDecider decider) {
        return onException
                .retryWhile(method(decider, "shouldRetry"))
                .maximumRedeliveries(policy.maxAttempts() - 1)
                .redeliveryDelay(policy.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(policy.multiplier())
                .maximumRedeliveryDelay(policy.maxDelay().toMillis())
                .useCollisionAvoidance()
                .collisionAvoidanceFactor(policy.jitter())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false)
                .handled(false);
    }
}
