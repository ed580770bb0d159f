package io.ragline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * Two Ragline processes on one PostgreSQL and one Redis: a document ingested through either is answered
 * by both, the answer cache is shared, and a delete through one is gone from both, cache included.
 */
@Tag("slow")
@RequiresServices
class TwoReplicasShareOneCorpusTest {

    @TempDir
    Path work;

    @Test
    void aDocumentIngestedOrDeletedThroughEitherReplicaIsSeenByBoth() {
        String database = TestServices.newPostgresDatabase("replicas");
        String client = "replicas-" + work.getFileName().toString().replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        try (ConfigurableApplicationContext blue = start("blue", database);
             ConfigurableApplicationContext green = start("green", database)) {
            RaglineHttp first = RaglineApps.http(blue);
            RaglineHttp second = RaglineApps.http(green);

            assertThat(first.post("/api/documents", Map.of("client_id", client, "documents", List.of(
                    Map.of("id", "narwhal", "text", "The narwhal's tusk is a tooth that can grow three metres long."))))
                    .status()).isEqualTo(200);

            JsonNode fromSecond = second.query(client, "How long can a narwhal's tusk grow?", 3);
            assertThat(fromSecond.get("sources").get(0).get("document_id").asText()).isEqualTo("narwhal");
            assertThat(fromSecond.get("cached").asBoolean()).isFalse();
            JsonNode fromFirst = first.query(client, "How long can a narwhal's tusk grow?", 3);
            assertThat(fromFirst.get("cached").asBoolean()).as("the cache is shared").isTrue();

            assertThat(second.delete("/api/documents/narwhal?client_id=" + client).status()).isEqualTo(200);
            JsonNode afterDelete = first.query(client, "How long can a narwhal's tusk grow?", 3);
            assertThat(afterDelete.get("cached").asBoolean()).as("the delete retired the shared answer").isFalse();
            assertThat(afterDelete.get("sources")).isEmpty();
            assertThat(second.get("/health/vector").json().get("backend").asText()).isEqualTo("pgvector");
            assertThat(second.get("/health/db").json().get("backend").asText()).isEqualTo("redis");
        }
    }

    private ConfigurableApplicationContext start(String name, String database) {
        return RaglineApps.start(work.resolve(name),
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.store.backend=pgvector",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + TestServices.postgresUser(),
                "--ragline.cache.backend=redis",
                "--spring.data.redis.host=" + TestServices.redisHost(),
                "--spring.data.redis.port=" + TestServices.redisPort());
    }
}
