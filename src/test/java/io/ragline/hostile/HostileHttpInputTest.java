package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.resilience.CircuitBreakers;
import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

/**
 * Every hostile request a client can make over HTTP gets a clear 4xx naming what is wrong, never a 500
 * nor internals; the process stays healthy, no breaker moves, and another client's documents stay
 * searchable and its answers whole, before, during and after.
 */
@Tag("slow")
class HostileHttpInputTest extends RaglineIntegrationTest {

    @Autowired
    CircuitBreakers breakers;

    @Test
    void hostileRequestsAreRefusedClearlyAndHurtNoOne() {
        String victim = newClient("victim");
        assertThat(http.post("/api/documents", Map.of("client_id", victim, "documents", List.of(Map.of("id", "tides",
                "title", "Tides", "text", "Tides are caused by the gravity of the moon and the sun.",
                "metadata", Map.of("lang", "en", "pages", 3)))))).extracting(Reply::status).isEqualTo(200);
        assertAnsweredInFull(victim);

        String attacker = newClient("attacker");
        String words600 = IntStream.range(0, 600).mapToObj(i -> "" + (char) ('a' + i / 26) + (char) ('a' + i % 26))
                .collect(Collectors.joining(" "));
        Map<String, Object> deep = Map.of("query", "q");
        for (int i = 0; i < 100; i++) {
            deep = Map.of("query", "q", "x", deep);
        }

        refused(http.postBytes("/api/documents", new byte[(int) REQUEST_BYTES + 500_000]), 413, "ragline.limits.request-bytes");
        refused(http.postBytes("/api/query", new byte[] {'{', '"', 'q', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, "not valid UTF-8");
        refused(http.post("/api/query", "{\"query\": \"q\"} trailing"), 400, "not valid JSON");
        refused(http.post("/api/query", "{\"query\": \"q\", \"client_id\": \"x\", \"client_id\": \"y\"}"), 400, "Duplicate field 'client_id'");
        // what no route takes is refused in the API's JSON too, whatever the client accepts
        refused(http.send("POST", "/api/query", "{\"query\": \"q\"}", "Content-Type", "text/plain"), 415, "Content-Type: application/json");
        refused(http.send("GET", "/api/query", null), 405, "HTTP method");
        refused(http.send("GET", "/api/nothing-here", null, "Accept", "text/html"), 404, "no such endpoint");
        refused(http.post("/api/query", deep), 400, "ragline.limits.json-depth");
        refused(http.post("/api/query", Map.of("query", "\u200b\u200d\ufeff\u0000\u2060", "client_id", attacker)), 400, "no visible characters");
        refused(http.post("/api/query", Map.of("query", words600, "client_id", attacker)), 400, "ragline.limits.query-terms");
        refused(http.post("/api/query", "{\"query\": \"q\", \"top_k\": 18446744073709551617}"), 400, "top_k");
        refused(documents(attacker, Map.of("id", "t", "title", "T".repeat(500_000), "text", "x")), 400, "ragline.limits.title-chars");
        refused(documents(attacker, Map.of("id", "i".repeat(40_000), "text", "x")), 400, "ragline.limits.id-chars");
        refused(documents(attacker, Map.of("id", "forged\nINFO log line", "text", "x")), 400, "control or invisible");
        refused(http.post("/api/documents", "{\"client_id\": \"" + attacker + "\", \"documents\": [{\"text\": \"x\", \"metadata\": {\"a\": null}}]}"),
                400, "metadata values must not be null");
        refused(documents(attacker, Map.of("id", "a", "text", "x"), Map.of("id", "a", "text", "y")), 400, "appears twice");
        refused(http.post("/api/documents", Map.of("client_id", "../etc", "documents", List.of("x"))), 400, "client_id must be");
        refused(http.delete("/api/documents/..%2F..%2Fetc?client_id=" + attacker), 400, "not accepted");

        assertThat(breakers.describe(CircuitBreakers.EMBEDDING)).containsEntry("state", "closed").containsEntry("failed_calls", 0);
        assertThat(breakers.describe(CircuitBreakers.VECTORSTORE)).containsEntry("state", "closed").containsEntry("failed_calls", 0);
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertAnsweredInFull(victim);
    }

    @Test
    void anIdWithSpacesPercentSlashesOrAccentsCanBeDeletedAsItWasIngested() {
        String client = newClient("odd-ids");
        for (String id : List.of("a b", "100%", "été", "x+y")) {
            assertThat(documents(client, Map.of("id", id, "text", "Document " + id + " about herons.")).status()).isEqualTo(200);
            Reply deleted = http.delete("/api/documents/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
                    + "?client_id=" + client);
            assertThat(deleted.status()).as("delete %s: %s", id, deleted.json()).isEqualTo(200);
            assertThat(deleted.json().get("document_id").asText()).isEqualTo(id);
        }
        // ids no URL path can carry are named as a query parameter
        for (String id : List.of("handbook/leave.md", "..", "a;b", "c:\\docs\\x", "d%2Fe")) {
            assertThat(documents(client, Map.of("id", id, "text", "Document " + id + " about egrets.")).status()).isEqualTo(200);
            Reply deleted = http.delete("/api/documents?document_id=" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&client_id=" + client);
            assertThat(deleted.status()).as("delete %s: %s", id, deleted.json()).isEqualTo(200);
            assertThat(deleted.json().get("document_id").asText()).isEqualTo(id);
            assertThat(deleted.json().get("deleted_chunks").asInt()).isEqualTo(1);
        }
        refused(http.delete("/api/documents?client_id=" + client), 400, "document_id is required");
    }

    private void assertAnsweredInFull(String client) {
        JsonNode answer = http.query(client, "What causes the tides?", 3);
        assertThat(answer.get("degraded").asBoolean()).isFalse();
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("tides");
        assertThat(answer.get("sources").get(0).get("metadata")).as("metadata is stored and returned")
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("lang", "en", "pages", 3)));
    }

    private Reply documents(String client, Map<?, ?>... documents) {
        return http.post("/api/documents", Map.of("client_id", client, "documents", List.of(documents)));
    }

    private static void refused(Reply reply, int status, String reason) {
        assertThat(reply.status()).as("%s", reply.json()).isEqualTo(status);
        assertThat(reply.json().get("success").asBoolean()).isFalse();
        String error = reply.json().get("error").asText();
        assertThat(error).contains(reason).doesNotContain("Exception", "org.apache", "io.ragline", "/tmp/");
    }
}
