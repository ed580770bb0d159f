package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;

import io.ragline.support.OpenAiStubTest;

/** Embedding server unreachable: BM25 over the same index still finds the right document. */
@Tag("slow")
class ResilienceEmbeddingDownTest extends OpenAiStubTest {

    @Test
    void keywordSearchFindsTheRightDocumentWithoutEmbeddings() {
        String client = newClient("embedding-down");
        ingest(client, "narwhal", "The narwhal's tusk is an elongated tooth that can reach three metres.");
        ingest(client, "walrus", "Walruses use their tusks to haul themselves onto the ice.");
        OPENAI.stubFor(embeddings().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode answer = http.query(client, "How long can a narwhal tusk grow?", 3);

        assertThat(answer.get("source").asText()).isEqualTo("keyword");
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("narwhal");
        assertThat(answer.get("answer").asText()).contains("three metres").contains("[1]");
        assertThat(answer.get("error").asText()).isNotBlank();
    }
}
