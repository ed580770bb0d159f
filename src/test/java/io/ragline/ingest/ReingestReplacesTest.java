package io.ragline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class ReingestReplacesTest extends RaglineIntegrationTest {

    @Autowired
    VectorStore store;

    @Test
    void reingestingAnIdReplacesItsChunksAndUnchangedContentIsSkipped() {
        String client = newClient("reingest");
        String longText = ("Zeppelins were rigid airships filled with hydrogen that crossed the Atlantic. ".repeat(30) + "\n\n").repeat(4);

        Reply first = ingest(client, "manual", longText);
        int firstChunks = first.json().get("chunk_count").asInt();
        assertThat(firstChunks).isGreaterThan(1);
        assertThat(store.count(client)).isEqualTo(firstChunks);

        Reply second = ingest(client, "manual", "Hovercraft float on a cushion of air blown under a flexible skirt.");
        assertThat(second.json().get("chunk_count").asInt()).isEqualTo(1);
        assertThat(store.count(client)).as("no stale chunk, no duplicate").isEqualTo(1);

        JsonNode answer = http.query(client, "rigid airships filled with hydrogen", 5);
        assertThat(answer.get("sources")).allSatisfy(source -> assertThat(source.get("text").asText()).doesNotContain("Zeppelin"));
        assertThat(http.query(client, "What floats on a cushion of air?", 5).get("sources").get(0).get("text").asText())
                .contains("Hovercraft");

        Reply unchanged = ingest(client, "manual", "Hovercraft float on a cushion of air blown under a flexible skirt.");
        assertThat(unchanged.json().get("unchanged_count").asInt()).isEqualTo(1);
        assertThat(unchanged.json().get("chunk_count").asInt()).isZero();
        assertThat(store.count(client)).isEqualTo(1);
    }

    private Reply ingest(String client, String id, String text) {
        Reply reply = http.post("/api/documents",
                Map.of("client_id", client, "documents", List.of(Map.of("id", id, "title", "Manual", "text", text))));
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }
}
