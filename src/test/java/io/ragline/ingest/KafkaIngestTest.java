package io.ragline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.ragline.RaglineApplication;
import io.ragline.resilience.ErrorPolicy;
import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp;

/**
 * Kafka on an embedded KRaft broker: records over three partitions are indexed, poison records go to the
 * dead-letter topic with their reason and origin and do not block the records after them, tombstones
 * delete, and a restart halfway through loses nothing: offsets are committed only after the store commit.
 */
class KafkaIngestTest {

    private static EmbeddedKafkaKraftBroker kafka;

    @TempDir
    Path work;

    @BeforeAll
    static void broker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, "ragline.documents", "ragline.documents.dlq");
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void fiveHundredRecordsSurviveARestartHalfwayEachIndexedOnce() {
        String client = "kafka-bulk";
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < 500; i++) {
                producer.send(new ProducerRecord<>("ragline.documents", client + ":r" + i,
                        "{\"id\": \"r" + i + "\", \"client_id\": \"" + client + "\", \"text\": \"Record number " + i + " of the bulk load.\"}"));
            }
        }
        try (ConfigurableApplicationContext first = start()) {
            VectorStore store = first.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(client) >= 200);
        }
        try (ConfigurableApplicationContext second = start()) {
            VectorStore store = second.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> store.count(client) >= 500);
            // 500 one-chunk documents, each replaced rather than added on redelivery: none lost, none twice
            assertThat(store.count(client)).isEqualTo(500);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RaglineApplication.class).run(
                "--server.port=0",
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"),
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=" + getClass().getSimpleName() + "-" + work.getFileName(),
                "--ragline.ingest.kafka.brokers=" + kafka.getBrokersAsString());
    }

    @Test
    void recordsAreIndexedPoisonIsDeadLetteredAndTombstonesDelete() {
        try (ConfigurableApplicationContext app = start();
             KafkaProducer<String, String> producer = producer()) {
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
            List<ConsumerRecord<String, String>> dead = deadLetters(2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder("{not json",
                    "{\"id\": \"hollow\", \"client_id\": \"" + client + "\"}");
            assertThat(dead).allSatisfy(record -> {
                assertThat(new String(record.headers().lastHeader(ErrorPolicy.DEAD_LETTER_REASON).value())).isNotBlank();
                assertThat(new String(record.headers().lastHeader(ErrorPolicy.DEAD_LETTER_SOURCE).value())).startsWith("ragline.documents/");
            });

            producer.send(new ProducerRecord<>("ragline.documents", client + ":otter", null));
            producer.send(new ProducerRecord<>("ragline.documents", client + ":beaver",
                    "{\"id\": \"beaver\", \"client_id\": \"" + client + "\", \"op\": \"delete\"}"));
            producer.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count(client) == animals.size() - 2);
            RaglineHttp http = new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.query(client, "Where does the otter live?", 10).get("sources"))
                    .noneSatisfy(source -> assertThat(source.get("document_id").asText()).isIn("otter", "beaver"));
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("ragline.documents.dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
