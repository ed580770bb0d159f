package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.OpenAiStubTest;

/** 400 and 401 are not transient: one attempt, then the fallback answers. */
@Tag("slow")
class ResilienceNonTransientTest extends OpenAiStubTest {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401})
    void clientErrorsAreNeverRetried(int status) {
        String client = newClient("no-retry");
        ingest(client, "kiwi", "The kiwi is a flightless bird that lives in New Zealand.");
        OPENAI.resetRequests();
        OPENAI.stubFor(embeddings().willReturn(aResponse().withStatus(status).withBody("{\"error\": \"no\"}")));

        JsonNode answer = http.query(client, "Which flightless bird lives in New Zealand?", 3);

        assertThat(embeddingRequests()).isEqualTo(1);
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.get("source").asText()).isEqualTo("keyword");
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("kiwi");
        assertThat(answer.get("error").asText()).contains(String.valueOf(status));
    }
}
