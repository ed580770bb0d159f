package io.ragline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.resilience.CircuitBreakers;
import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * A database that stops answering without closing its connections (the server frozen, as behind a dead
 * network path): every query still answers, from the fallback, within a bounded time, because the
 * vectorstore breaker's timeout cuts each store call and the open breaker then skips the store; when the
 * database answers again, so does the full path.
 */
@Tag("slow")
@RequiresServices
class FrozenDatabaseTest {

    private static final String CLIENT = "frozen-db";
    private static final Duration QUERY_TIMEOUT = Duration.ofMillis(500);
    private static final int QUERIES = 30;

    @TempDir
    Path work;

    @Test
    void queriesStayBoundedAndAnswerFromTheFallbackWhileTheDatabaseHangs() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.store.backend=pgvector",
                "--spring.datasource.url=" + TestServices.newPostgresDatabase("frozen"),
                "--spring.datasource.username=" + TestServices.postgresUser(),
                "--ragline.resilience.vectorstore.query-timeout=" + QUERY_TIMEOUT.toMillis() + "ms",
                "--ragline.resilience.vectorstore.wait-in-open-state=2s")) {
            RaglineHttp http = RaglineApps.http(app);
            CircuitBreakers breakers = app.getBean(CircuitBreakers.class);
            assertThat(http.post("/api/documents", Map.of("client_id", CLIENT, "documents", List.of(
                    Map.of("id", "tides", "text", "Spring tides happen when the sun and the moon line up."),
                    Map.of("id", "faq", "text", "The harbour office opens at seven in the morning.")))).status()).isEqualTo(200);
            assertThat(http.query(CLIENT, "When do spring tides happen?", 3).get("degraded").asBoolean()).isFalse();

            List<Long> millis = new ArrayList<>();
            TestServices.freezePostgres();
            try {
                for (int i = 0; i < QUERIES; i++) {
                    long start = System.nanoTime();
                    JsonNode answer = http.query(CLIENT, "When do spring tides happen? (" + i + ")", 3);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    assertThat(answer.get("success").asBoolean()).isTrue();
                    assertThat(answer.get("degraded").asBoolean()).as("answer %d while the database hangs", i).isTrue();
                }
                assertThat(breakers.isOpen(CircuitBreakers.VECTORSTORE)).isTrue();
            } finally {
                TestServices.thawPostgres();
            }
            Collections.sort(millis);
            long p95 = millis.get((int) Math.ceil(0.95 * millis.size()) - 1);
            // two query attempts, each cut at the timeout, for the vector search and the keyword step
            assertThat(p95).as("p95 of %s ms", millis).isLessThanOrEqualTo(4 * QUERY_TIMEOUT.toMillis() + 1_000);

            AtomicInteger attempt = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                // a new question each time: a cached answer would not call the store, nor close the breaker
                assertThat(http.query(CLIENT, "When do spring tides happen? [" + attempt.incrementAndGet() + "]", 3)
                        .get("degraded").asBoolean()).isFalse();
                assertThat(breakers.describe(CircuitBreakers.VECTORSTORE)).containsEntry("state", "closed");
            });
        }
    }
}
