package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.ragline.support.FakeEmbeddings;
import io.ragline.support.OpenAiStubTest;

/** A 429 with Retry-After is retried after that delay, and the answer is the right one. */
@Tag("slow")
class ResilienceRetryAfterTest extends OpenAiStubTest {

    @Test
    void rateLimitedEmbeddingIsRetriedAfterTheAnnouncedDelay() {
        String client = newClient("retry-after");
        ingest(client, "saffron", "Saffron is the dried stigma of the crocus flower and the most expensive spice.");
        ingest(client, "pepper", "Black pepper comes from the dried berries of a climbing vine.");
        OPENAI.resetRequests();
        OPENAI.stubFor(embeddings().inScenario("rate limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2").withBody("{\"error\": \"slow down\"}"))
                .willSetStateTo("served"));
        OPENAI.stubFor(embeddings().inScenario("rate limit").whenScenarioStateIs("served")
                .willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));

        JsonNode answer = http.query(client, "Which spice comes from the crocus flower?", 3);

        assertThat(answer.get("source").asText()).isEqualTo("rag");
        assertThat(answer.get("degraded").asBoolean()).isFalse();
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("saffron");
        List<LoggedRequest> calls = OPENAI.findAll(postRequestedFor(urlEqualTo("/v1/embeddings")));
        assertThat(calls).hasSize(2);
        long gap = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertThat(gap).as("waited for Retry-After, not the 10 ms backoff").isGreaterThanOrEqualTo(1900);
    }
}
