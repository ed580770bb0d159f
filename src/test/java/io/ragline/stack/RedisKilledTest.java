package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RequiresStack;

/** Redis is killed: answers go on, /health says degraded, and all is healthy again once it is back. */
@Tag("stack")
@RequiresStack
class RedisKilledTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void answersContinueAndHealthSaysDegraded() {
        stack.awaitHealthy(Duration.ofMinutes(3));
        assertThat(stack.ingest("redis-tides", "Spring tides happen when the sun and the moon line up.").status()).isEqualTo(200);

        Stack.Run killed = stack.compose("kill", "redis");
        assertThat(killed.exit()).as(killed.output()).isZero();
        try {
            for (int i = 0; i < 10; i++) {
                Stack.Reply answer = stack.query("What causes spring tides? " + i);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("redis-tides");
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(stack.get("/health").json().get("status").asText()).isEqualTo("degraded"));
        } finally {
            stack.compose("start", "redis");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(stack.get("/health").json().get("status").asText()).isEqualTo("healthy"));
        stack.awaitHealthy(Duration.ofMinutes(2));
    }
}
