package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import io.ragline.store.VectorStore;
import io.ragline.support.ChildApplication;
import io.ragline.support.RaglineApps;

/**
 * 500 messages wait in the embedded broker's persistent journal; the application consuming them runs in
 * a JVM of its own and is killed with SIGKILL about halfway. Restarted on the same journal and index,
 * it ends with every message indexed exactly once: a message is acknowledged only with its store commit.
 */
@Tag("slow")
class JmsAbruptKillTest {

    private static final String CLIENT = "jms-killed";
    private static final int MESSAGES = 500;

    @TempDir
    Path work;

    @Test
    void killedHalfwayAndRestartedEveryMessageIsIndexedExactlyOnce() throws Exception {
        try (ConfigurableApplicationContext producer = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false", "--ragline.ingest.jms.enabled=false")) {
            JmsTemplate jms = producer.getBean(JmsTemplate.class);
            for (int i = 0; i < MESSAGES; i++) {
                jms.convertAndSend("ragline.documents",
                        "{\"id\": \"m" + i + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Message number " + i + " of the bulk load.\"}");
            }
        }

        ChildApplication child = ChildApplication.start(work, "killed-application", "--ragline.ingest.folder.enabled=false");
        long chunksBeforeKill;
        try {
            chunksBeforeKill = child.awaitChunks(MESSAGES / 2);
        } finally {
            child.kill();
        }
        assertThat(chunksBeforeKill).as("the kill came before the end").isLessThan(MESSAGES);

        try (ConfigurableApplicationContext app = RaglineApps.start(work, "--ragline.ingest.folder.enabled=false")) {
            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> store.count(CLIENT) >= MESSAGES);
            assertThat(store.count(CLIENT)).as("chunks, one per message").isEqualTo(MESSAGES);
            assertThat(IntStream.range(0, MESSAGES).filter(i -> store.contentHash(CLIENT, "m" + i).isEmpty()))
                    .as("messages missing").isEmpty();
        }
    }
}
