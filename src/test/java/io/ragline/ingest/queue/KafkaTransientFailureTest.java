package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/**
 * Batches with manual commit, proven rather than assumed (CAMEL-18985, CAMEL-23997): a batch whose write
 * fails twice with a transient fault is tried again until it succeeds, the records behind it in its
 * partition wait for it instead of overtaking it, and the committed offset ends exactly after the last record.
 */
@Tag("slow")
class KafkaTransientFailureTest {

    private static final String TOPIC = "ragline.flaky";
    private static final String GROUP = "KafkaTransientFailureTest";
    private static final String CLIENT = "flaky";
    private static final int RECORDS = 10;
    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka(TOPIC, "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void aRecordFailingTransientlyIsRetriedInOrderAndNothingIsCommittedPastIt() throws Exception {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        List<String> applied = new CopyOnWriteArrayList<>();
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.topic=" + TOPIC,
                "--ragline.ingest.kafka.group-id=" + GROUP,
                "--ragline.ingest.kafka.brokers=" + kafka.brokers())) {
            AdviceWith.adviceWith(app.getBean(CamelContext.class), "apply-commands", route -> {
                route.weaveById("write-batch").before().process(exchange -> {
                    List<String> ids = documentIds(exchange);
                    ids.forEach(id -> attempts.computeIfAbsent(id, ignored -> new AtomicInteger()).incrementAndGet());
                    if (ids.contains("r3") && attempts.get("r3").get() <= 2) {
                        throw new IOException("store briefly unavailable");
                    }
                });
                route.weaveById("write-batch").after().process(exchange -> applied.addAll(documentIds(exchange)));
            });

            // one key: every record in one partition, in order
            try (KafkaProducer<String, String> producer = kafka.producer()) {
                for (int i = 0; i < RECORDS; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "flaky:batch",
                            "{\"id\": \"r" + i + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Flaky record " + i + ".\"}"));
                }
            }

            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == RECORDS);
            assertThat(attempts.get("r3")).as("attempts at the failing record's batch").hasValue(3);
            assertThat(applied.subList(0, RECORDS)).as("records written, in order, the failing one not overtaken")
                    .containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers()))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> committedOffsets(admin) == RECORDS);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentIds(Exchange batch) {
        return ((List<DocumentCommand>) batch.getProperty(DocumentBatches.COMMANDS, List.class)).stream()
                .map(DocumentCommand::documentId).toList();
    }

    private static long committedOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals(TOPIC))
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }
}
