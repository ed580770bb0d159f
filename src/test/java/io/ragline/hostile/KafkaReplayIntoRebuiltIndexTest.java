package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/**
 * Records replayed into an index that lost them (wiped, or restored from an older copy) while the
 * idempotency records stayed: every one is indexed again, the latest version last, and only records
 * whose content the store still holds count as skipped duplicates.
 */
@Tag("slow")
class KafkaReplayIntoRebuiltIndexTest {

    private static final String TOPIC = "ragline.documents";
    private static final String CLIENT = "replay-client";

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka(TOPIC, "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void aReplayRewritesWhatTheIndexNoLongerHolds() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=" + getClass().getSimpleName(),
                "--ragline.ingest.kafka.brokers=" + kafka.brokers());
             KafkaProducer<String, String> producer = kafka.producer()) {
            VectorStore store = app.getBean(VectorStore.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);

            send(producer, "heron", "Herons nest in tall trees.");
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == 1);
            // the same record again: the store holds it, so it is a duplicate
            send(producer, "heron", "Herons nest in tall trees.");
            await().atMost(Duration.ofSeconds(30)).until(() -> skipped(meters) == 1);

            // the index loses the document behind the idempotency records' back
            store.deleteDocument(CLIENT, "heron");
            store.commit();
            assertThat(store.count(CLIENT)).isZero();

            // the topic replayed: the record is indexed again, not skipped
            send(producer, "heron", "Herons nest in tall trees.");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count(CLIENT) == 1);
            assertThat(skipped(meters)).isEqualTo(1);

            // a newer version after it replaces the replayed one
            String replayed = store.contentHash(CLIENT, "heron").orElseThrow();
            send(producer, "heron", "Herons nest in tall trees and fish in ponds.");
            await().atMost(Duration.ofSeconds(30)).until(() -> !store.contentHash(CLIENT, "heron").orElseThrow().equals(replayed));
            assertThat(store.count(CLIENT)).isEqualTo(1);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String id, String text) {
        producer.send(new ProducerRecord<>(TOPIC, CLIENT + ":" + id,
                "{\"id\": \"" + id + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"" + text + "\"}"));
        producer.flush();
    }

    private static double skipped(MeterRegistry meters) {
        return meters.get("ragline.ingest.duplicates.skipped").counter().count();
    }
}
