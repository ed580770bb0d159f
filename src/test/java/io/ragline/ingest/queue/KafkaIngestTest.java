package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;

/**
 * Kafka on an embedded KRaft broker: records over three partitions are indexed, poison records go to the
 * dead-letter topic with their reason and origin and do not block the records after them, tombstones
 * delete.
 */
@Tag("slow")
class KafkaIngestTest {

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    private ConfigurableApplicationContext start() {
        return RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=" + getClass().getSimpleName() + "-" + work.getFileName(),
                "--ragline.ingest.kafka.brokers=" + kafka.brokers());
    }

    @Test
    void recordsAreIndexedPoisonIsDeadLetteredAndTombstonesDelete() {
        try (ConfigurableApplicationContext app = start();
             KafkaProducer<String, String> producer = kafka.producer()) {
            VectorStore store = app.getBean(VectorStore.class);
            String client = "kafka-client";
            // the topic also holds other tests' records: this group reads it from the start
            List<String> animals = List.of("otter", "beaver", "heron", "badger", "stoat", "vole");
            for (int i = 0; i < animals.size(); i++) {
                String animal = animals.get(i);
                if (i == 2) {
                    producer.send(new ProducerRecord<>("ragline.documents", client + ":broken", "{not json"));
                    producer.send(new ProducerRecord<>("ragline.documents", client + ":hollow", "{\"id\": \"hollow\", \"client_id\": \"" + client + "\"}"));
                }
                producer.send(new ProducerRecord<>("ragline.documents", client + ":" + animal,
                        "{\"id\": \"" + animal + "\", \"client_id\": \"" + client + "\", \"text\": \"The " + animal + " lives by the river.\"}"));
            }
            producer.flush();

            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(client) == animals.size());
            List<ConsumerRecord<String, String>> dead = kafka.read("ragline.documents.dlq", 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{not json",
                    "{\"id\": \"hollow\", \"client_id\": \"" + client + "\"}");
            assertThat(dead).allSatisfy(record -> {
                assertThat(new String(record.headers().lastHeader(QueueErrorPolicy.DEAD_LETTER_REASON).value())).isNotBlank();
                assertThat(new String(record.headers().lastHeader(QueueErrorPolicy.DEAD_LETTER_SOURCE).value())).startsWith("ragline.documents/");
            });

            producer.send(new ProducerRecord<>("ragline.documents", client + ":otter", null));
            producer.send(new ProducerRecord<>("ragline.documents", client + ":beaver",
                    "{\"id\": \"beaver\", \"client_id\": \"" + client + "\", \"op\": \"delete\"}"));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count(client) == animals.size() - 2);
            RaglineHttp http = RaglineApps.http(app);
            assertThat(http.query(client, "Where does the otter live?", 10).get("sources"))
                    .noneSatisfy(source -> assertThat(source.get("document_id").asText()).isIn("otter", "beaver"));
        }
    }
}
