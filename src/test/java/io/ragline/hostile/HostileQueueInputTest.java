package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.ingest.queue.QueueErrorPolicy;
import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/**
 * The same hostile documents over Kafka and JMS: each is dead-lettered untouched with a reason naming
 * what is wrong, the good ones around them are indexed, and the process stays healthy.
 */
@Tag("slow")
class HostileQueueInputTest {

    private static final String CLIENT = "hostile-queue";

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void hostileMessagesAreDeadLetteredWithTheirReasonOnEveryQueue() {
        List<String> hostile = List.of(
                "{\"id\": \"deep\", \"text\": \"t\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}",
                "{\"id\": \"forged\\nINFO fake\", \"client_id\": \"" + CLIENT + "\", \"text\": \"t\"}",
                "{\"id\": \"" + "i".repeat(40_000) + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"t\"}",
                "{\"id\": \"nulls\", \"client_id\": \"" + CLIENT + "\", \"text\": \"t\", \"metadata\": {\"a\": null}}",
                "{\"id\": \"title\", \"client_id\": \"" + CLIENT + "\", \"title\": \"" + "T".repeat(400_000) + "\", \"text\": \"t\"}",
                "{\"id\": \"escape\", \"client_id\": \"../etc\", \"text\": \"t\"}");
        List<String> reasons = List.of("ragline.limits.json-depth", "control or invisible", "ragline.limits.id-chars",
                "metadata values must not be null", "ragline.limits.title-chars", "client_id must be");
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=hostile",
                "--ragline.ingest.kafka.brokers=" + kafka.brokers());
             KafkaProducer<String, String> producer = kafka.producer()) {
            CamelContext camel = app.getBean(CamelContext.class);
            ProducerTemplate jms = camel.createProducerTemplate();
            for (String message : hostile) {
                producer.send(new ProducerRecord<>("ragline.documents", CLIENT + ":x", message));
                jms.sendBody("jms:queue:ragline.documents", message);
            }
            producer.send(new ProducerRecord<>("ragline.documents", "../etc:passwd", null));
            producer.send(new ProducerRecord<>("ragline.documents", CLIENT + ":kafka-good",
                    "{\"id\": \"kafka-good\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Moles dig tunnels with their front paws.\"}"));
            producer.flush();
            jms.sendBody("jms:queue:ragline.documents",
                    "{\"id\": \"jms-good\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Hedgehogs eat beetles and worms.\"}");

            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == 2);

            List<ConsumerRecord<String, String>> kafkaDead = kafka.read("ragline.documents.dlq", hostile.size() + 1);
            List<String> kafkaReasons = kafkaDead.stream()
                    .map(record -> new String(record.headers().lastHeader(QueueErrorPolicy.DEAD_LETTER_REASON).value())).toList();
            assertEachReason(kafkaReasons, reasons);
            assertThat(kafkaReasons).filteredOn(reason -> reason.contains("client_id must be")).as("the tombstone too").hasSize(2);
            List<String> jmsReasons = new ArrayList<>();
            ConsumerTemplate dlq = camel.createConsumerTemplate();
            for (int i = 0; i < hostile.size(); i++) {
                Exchange dead = dlq.receive("jms:queue:ragline.documents.dlq", 10_000);
                assertThat(dead).as("dead letter %d", i).isNotNull();
                assertThat(hostile).contains(dead.getMessage().getBody(String.class));
                jmsReasons.add(dead.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_REASON, String.class));
            }
            assertEachReason(jmsReasons, reasons);
            assertThat(RaglineApps.http(app).get("/health").status()).isEqualTo(200);
        }
    }

    /** One dead letter per hostile message, each with its own reason. */
    private static void assertEachReason(List<String> actual, List<String> expected) {
        for (String reason : expected) {
            assertThat(actual).as("a dead letter saying %s", reason).anySatisfy(found -> assertThat(found).contains(reason));
        }
    }
}
