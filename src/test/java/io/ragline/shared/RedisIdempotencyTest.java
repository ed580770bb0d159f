package io.ragline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineApps;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * The ingest idempotent repository in Redis: a duplicated queue message is skipped (and counted); with
 * Redis killed in the middle of ingest, messages keep being indexed, each once, and a duplicate is still
 * not embedded again (the store's content hash); when Redis returns it is used again without a restart.
 */
@Tag("slow")
@RequiresServices
class RedisIdempotencyTest {

    private static final String CLIENT = "redis-idempotency";

    @TempDir
    Path work;

    @Test
    void duplicatesAreSkippedThroughRedisAndNothingIsLostOrEmbeddedTwiceWhileItIsDown() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.idempotency.backend=redis",
                "--spring.data.redis.host=" + TestServices.redisHost(),
                "--spring.data.redis.port=" + TestServices.redisPort())) {
            ProducerTemplate jms = app.getBean(CamelContext.class).createProducerTemplate();
            VectorStore store = app.getBean(VectorStore.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);

            send(jms, "otter", "Otters hold hands while they sleep.");
            send(jms, "otter", "Otters hold hands while they sleep.");
            await().atMost(Duration.ofSeconds(30)).until(() -> skipped(meters) == 1.0);
            assertThat(store.count(CLIENT)).isEqualTo(1);

            TestServices.killRedis();
            try {
                send(jms, "beaver", "Beavers build dams from branches and mud.");
                send(jms, "heron", "Herons stand still in shallow water to fish.");
                send(jms, "beaver", "Beavers build dams from branches and mud.");
                await().atMost(Duration.ofSeconds(30)).until(() -> store.count(CLIENT) == 3);
                assertThat(store.contentHash(CLIENT, "beaver")).isPresent();
            } finally {
                TestServices.startRedis();
            }

            send(jms, "heron", "Herons stand still in shallow water to fish.");
            send(jms, "stoat", "Stoats turn white in winter.");
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count(CLIENT) == 4);
            assertThat(store.count(CLIENT)).as("each document once").isEqualTo(4);
        }
    }

    private static void send(ProducerTemplate jms, String id, String text) {
        jms.sendBody("jms:queue:ragline.documents", "{\"id\": \"" + id + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"" + text + "\"}");
    }

    private static double skipped(MeterRegistry meters) {
        return meters.find("ragline.ingest.duplicates.skipped").counter() == null ? 0
                : meters.find("ragline.ingest.duplicates.skipped").counter().count();
    }
}
