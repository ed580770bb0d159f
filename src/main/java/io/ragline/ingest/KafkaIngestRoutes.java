package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.ErrorPolicy;

/**
 * The Kafka topic, at least once: auto-commit is off and a record's offset is committed only after its
 * chunks are committed to the store (or it went to the dead-letter topic, see {@link ErrorPolicy#KAFKA_INGEST}).
 * breakOnFirstError is the safety net: a record whose failure even dead-lettering could not handle is
 * polled again, never skipped.
 */
@Component
public class KafkaIngestRoutes extends RouteBuilder {

    private final RaglineProperties.Kafka settings;
    private final KafkaRecords records;

    public KafkaIngestRoutes(RaglineProperties properties, KafkaRecords records) {
        this.settings = properties.getIngest().getKafka();
        this.records = records;
    }

    @Override
    public void configure() {
        fromF("kafka:%s?brokers=%s&groupId=%s&consumersCount=%d&autoCommitEnable=false&allowManualCommit=true"
                        + "&breakOnFirstError=true&autoOffsetReset=earliest",
                settings.getTopic(), settings.getBrokers(), settings.getGroupId(), settings.getConsumers())
                .routeId("kafka-ingest").routeConfigurationId(ErrorPolicy.KAFKA_INGEST)
                .autoStartup(settings.isEnabled())
                .bean(records, "parse").id("parse-record")
                .to("direct:apply-command").id("apply-record")
                .bean(KafkaRecords.class, "commit").id("commit-offset");
    }
}
