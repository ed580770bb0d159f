package io.ragline.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

/** The checks of the production patterns' integration suite, against the running application. */
@Tag("slow")
class SeedIntegrationChecksTest extends RaglineIntegrationTest {

    @Test
    void healthEndpointReportsStatusVersionAndUptime() {
        Reply health = http.get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("healthy");
        assertThat(health.json().get("version").asText()).isNotBlank();
        assertThat(health.json().get("uptime").asDouble()).isGreaterThan(0);
    }

    @Test
    void everyComponentHealthEndpointIsHealthy() {
        for (String component : List.of("vector", "ai", "db")) {
            Reply reply = http.get("/health/" + component);
            assertThat(reply.status()).as(component).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).as(component).isEqualTo("healthy");
        }
        assertThat(http.get("/health/vector").json().get("backend").asText()).isEqualTo("lucene");
        assertThat(http.get("/health/ai").json().get("dimension").asInt()).isEqualTo(384);
        assertThat(http.get("/health/db").json().get("backend").asText()).isEqualTo("caffeine");
    }

    @Test
    void queryAnswersWithAllContractFields() {
        http.post("/api/documents", Map.of("client_id", "test_client", "documents",
                List.of("The standard VAT rate in France is 20 percent.")));

        Reply reply = http.post("/api/query", Map.of("query", "What is the VAT rate in France?", "client_id", "test_client"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("answer").asText()).contains("20 percent");
        assertThat(body.get("sources").isArray()).isTrue();
        assertThat(body.get("processing_time").isNumber()).isTrue();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("degraded").asBoolean()).isFalse();
        assertThat(body.get("source").asText()).isEqualTo("rag");
        assertThat(body.get("query").asText()).isEqualTo("What is the VAT rate in France?");
        JsonNode source = body.get("sources").get(0);
        for (String field : List.of("document_id", "title", "chunk_index", "score", "text")) {
            assertThat(source.has(field)).as(field).isTrue();
        }
    }

    @Test
    void tenConcurrentQueriesAllSucceed() {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Integer>> replies = IntStream.range(0, 10)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.post("/api/query",
                            Map.of("query", "Test query " + i, "client_id", "test_client_" + i)).status(), pool))
                    .toList();
            assertThat(replies).extracting(CompletableFuture::join).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidPayloadIs400WithAnError() {
        Reply reply = http.post("/api/query", Map.of("invalid", "payload"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().has("error")).isTrue();
    }

    @Test
    void nothingIndexedIsSaidPlainly() {
        JsonNode answer = http.query(newClient("empty"), "What is the meaning of life?", 5);

        assertThat(answer.get("sources")).isEmpty();
        assertThat(answer.get("answer").asText()).contains("could not find anything relevant");
        assertThat(answer.get("success").asBoolean()).isTrue();
    }
}
