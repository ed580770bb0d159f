package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.store.VectorStore;
import io.ragline.support.ChildApplication;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/**
 * The application runs in a JVM of its own and is killed with SIGKILL about halfway through 500 records:
 * no graceful shutdown, no final commit. Restarted on the same index and consumer group, it ends with
 * every record indexed exactly once: offsets were committed only after the store commit, and the records
 * processed but not yet committed at the kill are replaced, not added twice.
 */
@Tag("slow")
class KafkaAbruptKillTest {

    private static final String CLIENT = "killed";
    private static final int RECORDS = 500;
    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void killedHalfwayAndRestartedEveryRecordIsIndexedExactlyOnce() throws Exception {
        kafka.sendDocuments("ragline.documents", CLIENT, RECORDS);

        ChildApplication child = ChildApplication.start(work, "killed-application", kafkaArgs());
        long chunksBeforeKill;
        try {
            chunksBeforeKill = child.awaitChunks(RECORDS / 2);
        } finally {
            child.kill();
        }
        assertThat(chunksBeforeKill).as("the kill came before the end").isLessThan(RECORDS);
        try (ConfigurableApplicationContext app = RaglineApps.start(work, kafkaArgs())) {
            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> store.count(CLIENT) >= RECORDS);
            assertThat(store.count(CLIENT)).as("chunks, one per record").isEqualTo(RECORDS);
            assertThat(IntStream.range(0, RECORDS).filter(i -> store.contentHash(CLIENT, "r" + i).isEmpty()))
                    .as("records missing").isEmpty();
        }
    }

    private String[] kafkaArgs() {
        return new String[] {
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=" + getClass().getSimpleName(),
                "--ragline.ingest.kafka.brokers=" + kafka.brokers()};
    }
}
