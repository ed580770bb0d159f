package io.ragline.resilience;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponse;
import io.ragline.api.ApiResponseWriter;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.NotFoundException;
import io.ragline.config.RaglineProperties;
import io.ragline.ingest.DocumentRejectedException;
import io.ragline.ingest.FailedFileNotes;
import io.ragline.ingest.KafkaRecords;

/**
 * Every error policy, in one place. Routes opt in by id:
 * <ul>
 * <li>{@link #API}: HTTP entry routes; bad input is a 4xx with an {@code error} field, anything else a 500.</li>
 * <li>{@link #FILE_INGEST}: the folder consumer; the file moves to {@code .failed/} beside a note with the reason.</li>
 * <li>{@link #MIRROR_INGEST}: the folder consumer in mirror mode; the file stays, the note goes to {@code .failed/},
 * and the failure is handled so the file is not taken again until its content changes.</li>
 * <li>{@link #QUEUE_INGEST}: queue consumers; poison messages to the dead-letter queue with the reason,
 * other failures roll back for the broker to redeliver.</li>
 * <li>{@link #SWEEP}: periodic housekeeping; a failed run is logged and the next one tries again.</li>
 * <li>{@link #INTERNAL}: {@code direct:} stages; failures go back to the entry route that owns the policy.</li>
 * <li>{@link #INGEST_CALLS} and {@link #QUERY_CALLS}: routes that call a dependency through its breaker.
 * Transient faults are redelivered with exponential backoff and jitter, honouring a 429's Retry-After.
 * Redelivery runs <em>outside</em> the breaker: the policy's route re-sends to a route holding the
 * circuitBreaker EIP (see {@link Breakers#guardedCall}), so every attempt is one call the breaker records, so a dead dependency opens it within a few attempts, and
 * attempts against an open breaker fail at once instead of reaching the dependency.</li>
 * </ul>
 */
@Component
public class ErrorPolicy extends RouteConfigurationBuilder {

    public static final String API = "api-errors";
    public static final String FILE_INGEST = "file-ingest-errors";
    public static final String MIRROR_INGEST = "mirror-ingest-errors";
    public static final String SWEEP = "sweep-errors";
    public static final String INTERNAL = "internal-errors";
    public static final String INGEST_CALLS = "ingest-calls";
    public static final String QUEUE_INGEST = "queue-ingest-errors";
    public static final String KAFKA_INGEST = "kafka-ingest-errors";
    public static final String DEAD_LETTER_REASON = "RaglineDeadLetterReason";
    public static final String DEAD_LETTER_SOURCE = "RaglineDeadLetterSource";
    public static final String QUERY_CALLS = "query-calls";
    private static final long KAFKA_MAX_REDELIVERY_DELAY_MS = 30_000;

    private final ApiResponseWriter responses;
    private final FailedFileNotes failedFileNotes;
    private final RaglineProperties.Resilience resilience;
    private final RaglineProperties.Jms jms;
    private final RaglineProperties.Kafka kafka;
    private final RetryDecider ingestRetry;
    private final RetryDecider queryRetry;

    public ErrorPolicy(ApiResponseWriter responses, FailedFileNotes failedFileNotes, RaglineProperties properties,
                       RetryDecider ingestRetry, RetryDecider queryRetry) {
        this.responses = responses;
        this.failedFileNotes = failedFileNotes;
        this.resilience = properties.getResilience();
        this.jms = properties.getIngest().getJms();
        this.kafka = properties.getIngest().getKafka();
        this.ingestRetry = ingestRetry;
        this.queryRetry = queryRetry;
    }

    @Override
    public void configuration() {
        routeConfiguration(API)
                .onException(InvalidRequestException.class, DocumentRejectedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(400, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(CallNotPermittedException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setHeader("Retry-After", constant("30"))
                    .setBody(exchange -> ApiResponse.error(503, "a dependency is unavailable ("
                            + causeMessage(exchange, CallNotPermittedException.class) + "); retry later, a retried document replaces itself"))
                    .process(responses)
                .end()
                .onException(NotFoundException.class)
                    .handled(true)
                    .logExhausted(false)
                    .setBody(exchange -> ApiResponse.error(404, caughtMessage(exchange)))
                    .process(responses)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.ERROR, "Request failed: ${exception.message}")
                    .setBody(exchange -> ApiResponse.error(500, "internal error: " + caughtMessage(exchange)))
                    .process(responses)
                .end();

        routeConfiguration(FILE_INGEST)
                .onException(Exception.class)
                    // not handled: the file consumer then moves the file to .failed/
                    .handled(false)
                    .logExhausted(false)
                    .process(failedFileNotes)
                .end();

        routeConfiguration(MIRROR_INGEST)
                .onException(Exception.class)
                    .handled(true)
                    .logExhausted(false)
                    .process(failedFileNotes)
                .end();

        routeConfiguration(SWEEP)
                .onException(Exception.class)
                    .handled(true)
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "${routeId} failed, next run retries: ${exception.message}")
                .end();

        routeConfiguration(INTERNAL).errorHandler(noErrorHandler());

        // a poison message goes to the dead-letter queue untouched, with the reason; it no longer blocks
        // the queue. Anything else rolls back, and the broker redelivers (then dead-letters) it.
        routeConfiguration(QUEUE_INGEST)
                .onException(DocumentRejectedException.class, InvalidRequestException.class)
                    .handled(true)
                    .useOriginalMessage()
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "Poison message from ${header.JMSDestination} dead-lettered: ${exception.message}")
                    .process(exchange -> {
                        exchange.getMessage().setHeader(DEAD_LETTER_REASON, caughtMessage(exchange));
                        exchange.getMessage().setHeader(DEAD_LETTER_SOURCE, String.valueOf(exchange.getMessage().getHeader("JMSDestination")));
                    })
                    .toF("jms:queue:%s", jms.getDlqQueue())
                .end();

        // the same for Kafka: the original value to the dead-letter topic with where it came from, then
        // its offset is committed so it no longer blocks the partition. Any other failure is tried again
        // in place, the partition waiting, and dead-lettered once the attempts are used up.
        RouteConfigurationDefinition kafkaIngest = routeConfiguration(KAFKA_INGEST);
        deadLetterToKafka(kafkaIngest.onException(DocumentRejectedException.class, InvalidRequestException.class)
                .handled(true).useOriginalMessage().logExhausted(false), "Poison record");
        deadLetterToKafka(kafkaIngest.onException(Exception.class)
                .maximumRedeliveries(kafka.getMaxAttempts() - 1)
                .redeliveryDelay(kafka.getRedeliveryDelay().toMillis())
                .useExponentialBackOff()
                .maximumRedeliveryDelay(KAFKA_MAX_REDELIVERY_DELAY_MS)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true).useOriginalMessage().logExhausted(false), "Record failing after every attempt");

        redelivery(routeConfiguration(INGEST_CALLS).onException(Exception.class), resilience.getIngest(), ingestRetry);
        // Query attempts are few and their delays short (max-delay, or max-retry-after on a 429). They wait
        // on the request's worker thread: the full path is one synchronous call (FullPathOrFallback), so
        // asynchronous delayed redelivery could not hand that thread back anyway.
        redelivery(routeConfiguration(QUERY_CALLS).onException(Exception.class), resilience.getQuery(), queryRetry);
    }

    private void deadLetterToKafka(OnExceptionDefinition onException, String what) {
        onException
                .log(LoggingLevel.WARN, what + " ${header.kafka.TOPIC}/${header.kafka.PARTITION}@${header.kafka.OFFSET}"
                        + " dead-lettered: ${exception.message}")
                .process(exchange -> {
                    exchange.getMessage().setHeader(DEAD_LETTER_REASON, caughtMessage(exchange));
                    exchange.getMessage().setHeader(DEAD_LETTER_SOURCE, exchange.getMessage().getHeader("kafka.TOPIC") + "/"
                            + exchange.getMessage().getHeader("kafka.PARTITION") + "@" + exchange.getMessage().getHeader("kafka.OFFSET"));
                })
                // lazy: the producer connects only when a record is dead-lettered, not in every application
                .toF("kafka:%s?brokers=%s&lazyStartProducer=true", kafka.getDlqTopic(), kafka.getBrokers())
                .bean(KafkaRecords.class, "commit")
                .end();
    }

    private OnExceptionDefinition redelivery(OnExceptionDefinition onException, RaglineProperties.Redelivery policy,
                                             RetryDecider decider) {
        return onException
                .retryWhile(method(decider, "shouldRetry"))
                .maximumRedeliveries(policy.getMaxAttempts() - 1)
                .redeliveryDelay(policy.getInitialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(policy.getMultiplier())
                .maximumRedeliveryDelay(policy.getMaxDelay().toMillis())
                .useCollisionAvoidance()
                .collisionAvoidanceFactor(policy.getJitter())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logExhausted(false)
                .handled(false);
    }

    /** The message of the first {@code type} in the cause chain: wrappers such as the splitter's say little. */
    static String causeMessage(Exchange exchange, Class<? extends Throwable> type) {
        for (Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t.getMessage();
            }
        }
        return caughtMessage(exchange);
    }

    static String caughtMessage(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return caught == null || caught.getMessage() == null ? "unknown error" : caught.getMessage();
    }
}
