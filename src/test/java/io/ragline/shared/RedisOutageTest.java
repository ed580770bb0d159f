package io.ragline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * Redis killed while questions come in: every question is still answered, without the cache, /health/db
 * says so while /health stays up, a delete made meanwhile still retires its cached answer, and once Redis
 * is back the cache is used again without a restart.
 */
@Tag("slow")
@RequiresServices
class RedisOutageTest {

    @TempDir
    Path work;

    @Test
    void queriesAreAnsweredWithoutTheCacheWhileRedisIsDownAndUseItAgainWhenItReturns() {
        String client = "redis-outage";
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.cache.backend=redis",
                "--spring.data.redis.host=" + TestServices.redisHost(),
                "--spring.data.redis.port=" + TestServices.redisPort())) {
            RaglineHttp http = RaglineApps.http(app);
            http.post("/api/documents", Map.of("client_id", client, "documents", List.of(
                    Map.of("id", "axolotl", "text", "Axolotls regrow lost limbs within weeks."),
                    Map.of("id", "gecko", "text", "Geckos climb glass with millions of tiny hairs."))));
            http.query(client, "What do axolotls regrow?", 3);
            assertThat(http.query(client, "What do axolotls regrow?", 3).get("cached").asBoolean()).isTrue();

            TestServices.killRedis();
            try {
                JsonNode answer = http.query(client, "How do geckos climb glass?", 3);
                assertThat(answer.get("degraded").asBoolean()).isFalse();
                assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("gecko");
                assertThat(http.get("/health/db").status()).isEqualTo(503);
                assertThat(http.get("/health").status()).as("answering without the cache is degraded, not down").isEqualTo(200);
                assertThat(http.get("/health").json().get("status").asText()).isEqualTo("degraded");
                assertThat(http.delete("/api/documents/axolotl?client_id=" + client).status()).isEqualTo(200);
            } finally {
                TestServices.startRedis();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/health/db").status() == 200);
            JsonNode afterDelete = http.query(client, "What do axolotls regrow?", 3);
            assertThat(afterDelete.get("sources").toString()).doesNotContain("axolotl");
            http.query(client, "How do geckos climb glass?", 3);
            assertThat(http.query(client, "How do geckos climb glass?", 3).get("cached").asBoolean())
                    .as("the cache is used again, without a restart").isTrue();
        }
    }
}
