package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

/**
 * A record that fails every attempt fails its batch every attempt too: the batch is then taken apart, the
 * record is dead-lettered with its reason once its own max-attempts are used up, its offset committed,
 * and the other records of the batch, and those behind it, are indexed: it no longer blocks them.
 */
@Tag("slow")
class KafkaRedeliveryExhaustedTest {

    private static final String TOPIC = "ragline.stuck";
    private static final String DLQ = "ragline.stuck.dlq";
    private static final String GROUP = "KafkaRedeliveryExhaustedTest";
    private static final String CLIENT = "stuck";
    private static final int RECORDS = 5;
    private static final int MAX_ATTEMPTS = 3;
    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka(TOPIC, DLQ);

    @TempDir
    Path work;

    @Test
    void aRecordFailingEveryAttemptIsDeadLetteredAndStopsBlockingItsPartition() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.topic=" + TOPIC,
                "--ragline.ingest.kafka.dlq-topic=" + DLQ,
                "--ragline.ingest.kafka.group-id=" + GROUP,
                "--ragline.ingest.kafka.max-attempts=" + MAX_ATTEMPTS,
                "--ragline.ingest.kafka.redelivery-delay=50ms",
                "--ragline.ingest.kafka.brokers=" + kafka.brokers())) {
            AdviceWith.adviceWith(app.getBean(CamelContext.class), "apply-commands", route ->
                    route.weaveById("write-batch").before().process(exchange -> {
                        if (exchange.getProperty(DocumentBatches.COMMANDS, List.class).stream()
                                .anyMatch(command -> ((DocumentCommand) command).documentId().equals("r2"))) {
                            throw new IOException("disk full");
                        }
                    }));
            AdviceWith.adviceWith(app.getBean(CamelContext.class), "kafka-record", route ->
                    route.weaveById("apply-record").before().process(exchange -> {
                        if (exchange.getMessage().getBody(DocumentCommand.class).documentId().equals("r2")) {
                            attempts.incrementAndGet();
                            throw new IOException("disk full");
                        }
                    }));

            try (KafkaProducer<String, String> producer = kafka.producer()) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "stuck:batch",
                            "{\"id\": \"r" + i + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Stuck record " + i + ".\"}"));
                }
            }

            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == RECORDS - 1);
            assertThat(store.contentHash(CLIENT, "r2")).isEmpty();
            assertThat(attempts).hasValue(MAX_ATTEMPTS);

            List<ConsumerRecord<String, String>> dead = kafka.read(DLQ, 1);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).contains("\"id\": \"r2\"");
            assertThat(new String(dead.get(0).headers().lastHeader(QueueErrorPolicy.DEAD_LETTER_REASON).value())).contains("disk full");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers()))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get().values().stream().mapToLong(offset -> offset.offset()).sum() == RECORDS);
            }
        }
    }
}
