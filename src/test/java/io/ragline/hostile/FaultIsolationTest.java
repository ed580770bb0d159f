package io.ragline.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.ragline.resilience.CircuitBreakers;
import io.ragline.support.FakeEmbeddings;
import io.ragline.support.OpenAiStubTest;
import io.ragline.support.RaglineHttp.Reply;

/**
 * One client's bad queries and a storm of 429s from the embedding provider leave every breaker closed:
 * bad input is refused before any call, and a request to slow down is honoured, not held against the
 * provider. Another client's answers stay whole throughout.
 */
@Tag("slow")
class FaultIsolationTest extends OpenAiStubTest {

    @Test
    void badQueriesAndRateLimitsOpenNoBreakerAndDegradeNoOtherClient() {
        String victim = newClient("victim");
        ingest(victim, "kiwi", "The kiwi is a flightless bird that lays very large eggs.");
        String attacker = newClient("attacker");
        String manyWords = IntStream.range(0, 600).mapToObj(i -> "" + (char) ('a' + i / 26) + (char) ('a' + i % 26)).collect(Collectors.joining(" "));

        for (int i = 0; i < 10; i++) {
            assertThat(query(attacker, "\u200b\u200c\u200d\ufeff\u0000").status()).isEqualTo(400);
            assertThat(query(attacker, manyWords).status()).isEqualTo(400);
        }
        // three 429s in a row, each asking for a one-second pause, then the provider serves again
        for (int i = 0; i < 3; i++) {
            OPENAI.stubFor(embeddings().inScenario("storm").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "429-" + i)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"error\": \"slow down\"}"))
                    .willSetStateTo("429-" + (i + 1)));
        }
        OPENAI.stubFor(embeddings().inScenario("storm").whenScenarioStateIs("429-3")
                .willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));
        ingest(attacker, "storm", "Rate limits ask a client to slow down, they do not say the service is down.");

        for (String breaker : List.of(CircuitBreakers.EMBEDDING, CircuitBreakers.VECTORSTORE, CircuitBreakers.LLM)) {
            assertThat(breakers.describe(breaker)).as(breaker).containsEntry("state", "closed").containsEntry("failed_calls", 0);
        }
        JsonNode answer = query(victim, "Which bird is flightless?").json();
        assertThat(answer.get("degraded").asBoolean()).isFalse();
        assertThat(answer.get("source").asText()).isEqualTo("rag");
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("kiwi");
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    private Reply query(String client, String question) {
        return http.post("/api/query", Map.of("query", question, "client_id", client, "top_k", 3));
    }
}
