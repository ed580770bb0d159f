package io.ragline.ingest.queue;

import java.util.ArrayList;

import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.InvalidRequestException;
import io.ragline.document.DocumentRejectedException;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.EmbeddingOutage;
import io.ragline.resilience.ResiliencePolicies;

/**
 * The Kafka topic, at least once and in batches: auto-commit is off, and a polled batch's offsets are
 * committed only after its documents are committed to the store ({@code direct:apply-commands}). A
 * poison record is dead-lettered on its own, its offset committed with the batch's. A batch that keeps
 * failing is taken apart and its records go one by one through {@code direct:kafka-record}
 * ({@link QueueErrorPolicy#KAFKA_BATCH}), so only the record at fault is dead-lettered. breakOnFirstError
 * is the safety net: a batch whose failure even that could not handle is polled again, never skipped.
 */
@Component
public class KafkaIngestRoutes extends RouteBuilder {

    /** One record alone: parse, apply, commit its offset. */
    static final String INGEST_RECORD = "direct:kafka-record";
    static final String PARSE_BATCHED_RECORD = "direct:parse-batched-record";
    /** The caught exception's record to the dead-letter topic, untouched, with the reason and where it came from. */
    static final String DEAD_LETTER = "direct:kafka-dead-letter";
    static final String DEAD_LETTER_WHAT = "raglineDeadLetterWhat";

    private final KafkaSettings settings;
    private final KafkaRecords records;
    private final EmbeddingOutage outage;
    private final RaglineMetrics metrics;

    public KafkaIngestRoutes(KafkaSettings settings, KafkaRecords records, EmbeddingOutage outage, RaglineMetrics metrics) {
        this.settings = settings;
        this.records = records;
        this.outage = outage;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        fromF("kafka:%s?brokers=%s&groupId=%s&consumersCount=%d&autoCommitEnable=false&allowManualCommit=true"
                        + "&breakOnFirstError=true&autoOffsetReset=earliest&batching=true&maxPollRecords=%d&pollTimeoutMs=%d",
                settings.topic(), settings.brokers(), settings.groupId(), settings.consumers(),
                settings.batchSize(), settings.batchWait().toMillis())
                .routeId("kafka-ingest").routeConfigurationId(QueueErrorPolicy.KAFKA_BATCH)
                .routePolicy(outage)
                .autoStartup(settings.enabled())
                .setProperty(RaglineHeaders.INGEST_SOURCE, constant("kafka"))
                .setProperty(KafkaBatches.RECORDS, body())
                .split(method(KafkaBatches.class, "records"), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                    // no stopOnException: it would stop the batch at a poison record even once dead-lettered
                    .to(PARSE_BATCHED_RECORD).id("parse-records")
                .end()
                .to(DocumentCommandRoutes.APPLY_COMMANDS).id("apply-records")
                .bean(KafkaBatches.class, "commitOffsets").id("commit-offsets");

        // doTry, not an error policy: an exception the error handler handled would end the whole batch
        // routing once the split hands the record's exchange back
        from(PARSE_BATCHED_RECORD).routeId("parse-batched-record").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .doTry()
                    .bean(records, "parse").id("parse-batched")
                .doCatch(DocumentRejectedException.class, InvalidRequestException.class)
                    .setProperty(DEAD_LETTER_WHAT, constant("Poison record"))
                    .to(DEAD_LETTER).id("dead-letter-batched")
                .end();

        from(DEAD_LETTER).routeId("kafka-dead-letter").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .log(LoggingLevel.WARN, "${exchangeProperty." + DEAD_LETTER_WHAT + "} ${header.kafka.TOPIC}/${header.kafka.PARTITION}"
                        + "@${header.kafka.OFFSET} dead-lettered: ${exchangeProperty.CamelExceptionCaught.message}")
                .process(exchange -> {
                    Message message = exchange.getMessage();
                    message.setHeader(QueueErrorPolicy.DEAD_LETTER_REASON, ApiErrorPolicy.caughtMessage(exchange));
                    message.setHeader(QueueErrorPolicy.DEAD_LETTER_SOURCE, message.getHeader(KafkaConstants.TOPIC) + "/"
                            + message.getHeader(KafkaConstants.PARTITION) + "@" + message.getHeader(KafkaConstants.OFFSET));
                })
                // lazy: the producer connects only when a record is dead-lettered, not in every application
                .toF("kafka:%s?brokers=%s&lazyStartProducer=true", settings.dlqTopic(), settings.brokers()).id("send-dead-letter")
                .process(exchange -> metrics.deadLettered("kafka"));

        from(INGEST_RECORD).routeId("kafka-record").routeConfigurationId(QueueErrorPolicy.KAFKA_INGEST)
                .bean(records, "parse").id("parse-record")
                .to(DocumentCommandRoutes.APPLY_COMMAND).id("apply-record")
                .bean(KafkaRecords.class, "commit").id("commit-offset");
    }
}
