package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineApps;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * Acknowledged means durable: messages taken off the queue into a batch that has not completed yet are
 * in Redis, so an application that stops before the batch completes loses none of them. The next one
 * finds the batch in the repository and indexes it.
 */
@Tag("slow")
@RequiresServices
class JmsBatchSurvivesRestartTest {

    private static final String CLIENT = "jms-batch-restart";
    private static final int MESSAGES = 12;

    @TempDir
    Path work;

    @Test
    void aBatchWaitingInRedisIsIndexedAfterARestart() {
        String queue = "ragline.restart-" + work.getFileName();
        try (ConfigurableApplicationContext first = start(queue)) {
            JmsTemplate jms = first.getBean(JmsTemplate.class);
            for (int i = 0; i < MESSAGES; i++) {
                jms.convertAndSend(queue, "{\"id\": \"m" + i + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Message " + i + " waits in Redis.\"}");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth(jms, queue) == 0);
            assertThat(first.getBean(VectorStore.class).count(CLIENT)).as("nothing indexed before the batch completes").isZero();
        }

        try (ConfigurableApplicationContext second = start(queue)) {
            VectorStore store = second.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == MESSAGES);
        }
    }

    /** A batch waits 15 s: long enough for the first application to stop first; the wait restarts with the next. */
    private ConfigurableApplicationContext start(String queue) {
        return RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.queue=" + queue,
                "--ragline.ingest.jms.batch-size=1000",
                "--ragline.ingest.jms.batch-wait=15s",
                "--spring.data.redis.host=" + TestServices.redisHost(),
                "--spring.data.redis.port=" + TestServices.redisPort());
    }

    private static int queueDepth(JmsTemplate jms, String queue) {
        return jms.browse(queue, (session, browser) -> Collections.list(browser.getEnumeration()).size());
    }
}
