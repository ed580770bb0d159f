package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class ClientIsolationTest extends RaglineIntegrationTest {

    @Test
    void aClientNeverSeesAnotherClientsChunks() {
        String alpha = newClient("alpha");
        String beta = newClient("beta");
        http.post("/api/documents", Map.of("client_id", alpha, "documents",
                List.of(Map.of("id", "secret", "text", "The alpha launch code for project Nightingale is 7741."))));
        http.post("/api/documents", Map.of("client_id", beta, "documents",
                List.of(Map.of("id", "public", "text", "Beta's cafeteria serves soup on Fridays."))));

        JsonNode alphaAnswer = http.query(alpha, "What is the launch code for project Nightingale?", 10);
        JsonNode betaAnswer = http.query(beta, "What is the launch code for project Nightingale?", 10);

        assertThat(alphaAnswer.get("answer").asText()).contains("7741");
        assertThat(betaAnswer.get("answer").asText()).doesNotContain("7741");
        assertThat(betaAnswer.get("sources")).allSatisfy(source -> {
            assertThat(source.get("document_id").asText()).isEqualTo("public");
            assertThat(source.get("text").asText()).doesNotContain("Nightingale");
        });
    }
}
