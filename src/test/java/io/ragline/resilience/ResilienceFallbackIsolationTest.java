package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;

import io.ragline.support.OpenAiStubTest;

/**
 * The cache and the degraded paths are per client too: with the embedding service down, another client
 * asking the question the first one asked gets neither its cached answer nor its documents from the
 * keyword search; it falls through to the steps that hold nothing of anyone's.
 */
@Tag("slow")
class ResilienceFallbackIsolationTest extends OpenAiStubTest {

    private static final String QUESTION = "How long can a narwhal tusk grow?";

    @Test
    void theFallbackStepsNeverCrossClients() {
        String owner = newClient("fallback-owner");
        String other = newClient("fallback-other");
        ingest(owner, "narwhal", "The narwhal's tusk is an elongated tooth that can reach three metres.");
        JsonNode full = http.query(owner, QUESTION, 3);
        assertThat(full.get("degraded").asBoolean()).isFalse();

        OPENAI.stubFor(embeddings().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // the owner's own answers: the cached one, and the keyword search over its documents
        assertThat(documentIds(http.query(owner, QUESTION, 3))).contains("narwhal");
        JsonNode ownersKeywords = http.query(owner, "narwhal tusk tooth metres", 3);
        assertThat(ownersKeywords.get("degraded").asBoolean()).isTrue();
        assertThat(documentIds(ownersKeywords)).contains("narwhal");

        JsonNode othersFallback = http.query(other, QUESTION, 3);
        assertThat(othersFallback.get("degraded").asBoolean()).isTrue();
        assertThat(othersFallback.get("source").asText()).isIn("faq", "generic");
        assertThat(documentIds(othersFallback)).isEmpty();
        assertThat(othersFallback.get("answer").asText()).doesNotContain("three metres");
        assertThat(othersFallback.get("cached").asBoolean()).isFalse();
    }

    private static List<String> documentIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("sources").forEach(source -> ids.add(source.get("document_id").asText()));
        return ids;
    }
}
