package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.support.FakeEmbeddings;
import io.ragline.support.OpenAiStubTest;

/**
 * A persistent 500 opens the embedding breaker; while open, queries are answered by the fallback without
 * touching the server; after the open period a healthy server closes it again.
 */
@Tag("slow")
class ResilienceBreakerOpensTest extends OpenAiStubTest {

    @Test
    void persistentServerErrorsOpenTheBreakerAndRecoveryClosesIt() {
        String client = newClient("breaker");
        ingest(client, "lynx", "The Eurasian lynx hunts roe deer in the forests of Europe.");
        OPENAI.resetRequests();
        OPENAI.stubFor(embeddings().willReturn(aResponse().withStatus(500).withBody("{\"error\": \"boom\"}")));
        CircuitBreaker breaker = breakers.get(CircuitBreakers.EMBEDDING);

        int queries = 0;
        while (breaker.getState() != CircuitBreaker.State.OPEN && queries < 10) {
            JsonNode answer = http.query(client, "What does the lynx hunt? " + queries++, 3);
            assertThat(answer.get("degraded").asBoolean()).isTrue();
            assertThat(answer.get("source").asText()).isEqualTo("keyword");
            assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("lynx");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // one successful ingest call, then 2 failed attempts per query: 5 calls at 80% failures open it
        assertThat(queries).isEqualTo(2);
        assertThat(embeddingRequests()).as("every attempt reached the server while closed").isEqualTo(2 * queries);
        assertThat(http.get("/health/ai").status()).isEqualTo(503);
        assertThat(http.get("/health/ai").json().at("/circuit_breakers/embedding/state").asText()).isEqualTo("open");
        assertThat(http.text("/actuator/prometheus"))
                .contains("resilience4j_circuitbreaker_state{name=\"embedding\",state=\"open\"} 1.0");

        int callsWhenOpened = embeddingRequests();
        for (int i = 0; i < 5; i++) {
            JsonNode answer = http.query(client, "Where does the lynx live? " + i, 3);
            assertThat(answer.get("source").asText()).isEqualTo("keyword");
            assertThat(answer.get("error").asText()).contains("OPEN");
        }
        assertThat(embeddingRequests()).as("an open breaker keeps calls away from the server").isEqualTo(callsWhenOpened);

        OPENAI.stubFor(embeddings().willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));
        await().atMost(Duration.ofSeconds(10)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
        JsonNode first = http.query(client, "What does the lynx hunt in Europe?", 3);
        JsonNode second = http.query(client, "Which deer does the lynx hunt?", 3);

        assertThat(first.get("source").asText()).isEqualTo("rag");
        assertThat(second.get("degraded").asBoolean()).isFalse();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(http.get("/health/ai").status()).isEqualTo(200);
    }
}
