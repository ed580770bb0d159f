package io.ragline.ingest.queue;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.InvalidRequestException;
import io.ragline.document.DocumentRejectedException;
import io.ragline.metrics.RaglineMetrics;

/**
 * The error policies of the queue consumers:
 * <ul>
 * <li>{@link #QUEUE_INGEST}: JMS; a poison message goes to the dead-letter queue untouched, with the reason,
 * and no longer blocks the queue. Anything else rolls back, and the broker redelivers (then dead-letters) it.</li>
 * <li>{@link #KAFKA_INGEST}: the same for Kafka: the original value to the dead-letter topic with where it
 * came from, then its offset is committed. Any other failure is tried again in place, the partition
 * waiting, and dead-lettered once the attempts are used up; while the store's database is unreachable
 * the attempts are not used up ({@link KafkaRetry}). This is the policy of a record on its own.</li>
 * <li>{@link #KAFKA_BATCH}: a batch failing for any other reason is tried again like a record; once the
 * attempts are used up (or at once, if a document of it was rejected) its records go one by one, each
 * under {@link #KAFKA_INGEST}, so only the record at fault is dead-lettered.</li>
 * </ul>
 */
@Component
public class QueueErrorPolicy extends RouteConfigurationBuilder {

    public static final String QUEUE_INGEST = "queue-ingest-errors";
    public static final String KAFKA_INGEST = "kafka-ingest-errors";
    public static final String KAFKA_BATCH = "kafka-batch-errors";
    public static final String DEAD_LETTER_REASON = "RaglineDeadLetterReason";
    public static final String DEAD_LETTER_SOURCE = "RaglineDeadLetterSource";
    private static final long KAFKA_MAX_REDELIVERY_DELAY_MS = 30_000;

    private final JmsSettings jms;
    private final KafkaSettings kafka;
    private final KafkaRetry kafkaRetry;
    private final RaglineMetrics metrics;

    public QueueErrorPolicy(JmsSettings jms, KafkaSettings kafka, KafkaRetry kafkaRetry, RaglineMetrics metrics) {
        this.jms = jms;
        this.kafka = kafka;
        this.kafkaRetry = kafkaRetry;
        this.metrics = metrics;
    }

    @Override
    public void configuration() {
        routeConfiguration(QUEUE_INGEST)
                .onException(DocumentRejectedException.class, InvalidRequestException.class)
                    .handled(true)
                    .useOriginalMessage()
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "Poison message from ${header.JMSDestination} dead-lettered: ${exception.message}")
                    .process(exchange -> {
                        exchange.getMessage().setHeader(DEAD_LETTER_REASON, ApiErrorPolicy.caughtMessage(exchange));
                        exchange.getMessage().setHeader(DEAD_LETTER_SOURCE, String.valueOf(exchange.getMessage().getHeader("JMSDestination")));
                    })
                    .toF("jms:queue:%s", jms.dlqQueue())
                    .process(exchange -> metrics.deadLettered("jms"))
                .end();

        RouteConfigurationDefinition kafkaIngest = routeConfiguration(KAFKA_INGEST);
        deadLetterToKafka(kafkaIngest.onException(DocumentRejectedException.class, InvalidRequestException.class)
                .handled(true).useOriginalMessage().logExhausted(false), "Poison record")
                .bean(KafkaRecords.class, "commit").end();
        deadLetterToKafka(retriedInPlace(kafkaIngest.onException(Exception.class))
                .handled(true).useOriginalMessage().logExhausted(false), "Record failing after every attempt")
                .bean(KafkaRecords.class, "commit").end();

        RouteConfigurationDefinition kafkaBatch = routeConfiguration(KAFKA_BATCH);
        oneByOne(kafkaBatch.onException(DocumentRejectedException.class, InvalidRequestException.class));
        oneByOne(retriedInPlace(kafkaBatch.onException(Exception.class)));
    }

    private OnExceptionDefinition retriedInPlace(OnExceptionDefinition onException) {
        return onException
                .retryWhile(method(kafkaRetry, "shouldRetry"))
                .maximumRedeliveries(kafka.maxAttempts() - 1)
                .redeliveryDelay(kafka.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .maximumRedeliveryDelay(KAFKA_MAX_REDELIVERY_DELAY_MS)
                .retryAttemptedLogLevel(LoggingLevel.WARN);
    }

    private void oneByOne(OnExceptionDefinition onException) {
        onException.handled(true).logExhausted(false)
                .log(LoggingLevel.WARN, "A batch of ${exchangeProperty." + KafkaBatches.RECORDS + ".size()} records failed"
                        + " (${exception.message}): its records go one by one")
                .split(method(KafkaBatches.class, "records"))
                    .to(KafkaIngestRoutes.INGEST_RECORD)
                .end()
                .end();
    }

    private OnExceptionDefinition deadLetterToKafka(OnExceptionDefinition onException, String what) {
        return onException.setProperty(KafkaIngestRoutes.DEAD_LETTER_WHAT, constant(what)).to(KafkaIngestRoutes.DEAD_LETTER);
    }
}
