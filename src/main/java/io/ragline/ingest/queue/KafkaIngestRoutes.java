package io.ragline.ingest.queue;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.EmbeddingOutage;

/**
 * The Kafka topic, at least once: auto-commit is off and a record's offset is committed only after its
 * chunks are committed to the store (or it went to the dead-letter topic, see {@link QueueErrorPolicy#KAFKA_INGEST}).
 * breakOnFirstError is the safety net: a record whose failure even dead-lettering could not handle is
 * polled again, never skipped.
 */
@Component
public class KafkaIngestRoutes extends RouteBuilder {

    private final KafkaSettings settings;
    private final KafkaRecords records;
    private final EmbeddingOutage outage;

    public KafkaIngestRoutes(KafkaSettings settings, KafkaRecords records, EmbeddingOutage outage) {
        this.settings = settings;
        this.records = records;
        this.outage = outage;
    }

    @Override
    public void configure() {
        fromF("kafka:%s?brokers=%s&groupId=%s&consumersCount=%d&autoCommitEnable=false&allowManualCommit=true"
                        + "&breakOnFirstError=true&autoOffsetReset=earliest",
                settings.topic(), settings.brokers(), settings.groupId(), settings.consumers())
                .routeId("kafka-ingest").routeConfigurationId(QueueErrorPolicy.KAFKA_INGEST)
                .routePolicy(outage)
                .autoStartup(settings.enabled())
                .bean(records, "parse").id("parse-record")
                .to(DocumentCommandRoutes.APPLY_COMMAND).id("apply-record")
                .bean(KafkaRecords.class, "commit").id("commit-offset");
    }
}
