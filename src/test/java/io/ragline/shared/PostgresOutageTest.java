package io.ragline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ragline.resilience.CircuitBreakers;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * PostgreSQL stopped for 30 s in the middle of a Kafka stream: queries keep answering from the fallback
 * steps, the vectorstore breaker opens and later closes by itself, and in the end every record is
 * indexed exactly once, none dead-lettered.
 */
@Tag("slow")
@RequiresServices
class PostgresOutageTest {

    private static final String CLIENT = "pg-outage";
    private static final int RECORDS = 120;

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void aDatabaseOutageLosesNothingAndTheBreakerRecoversByItself() {
        String database = TestServices.newPostgresDatabase("outage");
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=pg-outage",
                "--ragline.ingest.kafka.brokers=" + kafka.brokers(),
                "--ragline.ingest.kafka.redelivery-delay=200ms",
                "--ragline.store.backend=pgvector",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestServices.postgresUser(),
                "--ragline.resilience.vectorstore.wait-in-open-state=2s")) {
            RaglineHttp http = RaglineApps.http(app);
            CircuitBreakers breakers = app.getBean(CircuitBreakers.class);
            JdbcTemplate sql = new JdbcTemplate(app.getBean(DataSource.class));

            kafka.sendDocuments("ragline.documents", CLIENT, RECORDS / 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> chunks(sql) >= 10);

            TestServices.stopPostgres();
            try {
                kafka.sendDocuments("ragline.documents", CLIENT, RECORDS / 2, RECORDS / 2);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    var answer = http.query(CLIENT, "What does document 3 say?", 3);
                    assertThat(answer.get("degraded").asBoolean()).isTrue();
                    assertThat(breakers.isOpen(CircuitBreakers.VECTORSTORE)).isTrue();
                });
                // the rest of the 30 s outage; records keep arriving and wait
                await().pollDelay(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(21)).until(() -> true);
            } finally {
                TestServices.startPostgres();
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> chunks(sql) == RECORDS);
            Map<String, Object> counts = sql.queryForMap(
                    "SELECT count(*) AS chunks, count(DISTINCT document_id) AS documents FROM chunks WHERE client_id = ?", CLIENT);
            assertThat(counts).containsEntry("chunks", (long) RECORDS).containsEntry("documents", (long) RECORDS);
            // a new question each time: a cached answer makes no call, and the half-open breaker closes on calls
            AtomicInteger attempt = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(http.query(CLIENT, "What does document 7 say? (" + attempt.incrementAndGet() + ")", 3)
                        .get("degraded").asBoolean()).isFalse();
                assertThat(breakers.describe(CircuitBreakers.VECTORSTORE)).containsEntry("state", "closed");
            });
        }
    }

    private static long chunks(JdbcTemplate sql) {
        try {
            Long count = sql.queryForObject("SELECT count(*) FROM chunks WHERE client_id = ?", Long.class, CLIENT);
            return count == null ? 0 : count;
        } catch (RuntimeException databaseDown) {
            return -1;
        }
    }
}
