package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.support.OpenAiStubTest;

/** An LLM slower than its timeout: the extractive fallback answers, and the timeout still counts against the breaker. */
@Tag("slow")
class ResilienceSlowLlmTest extends OpenAiStubTest {

    @Test
    void aTimeoutCountsAsAFailureEvenThoughAFallbackAnswers() {
        String client = newClient("slow-llm");
        ingest(client, "axolotl", "Axolotls regrow lost limbs within weeks.");
        OPENAI.stubFor(chat().willReturn(okJson("{\"choices\": [{\"message\": {\"content\": \"late [1]\"}}]}").withFixedDelay(3000)));
        CircuitBreaker llm = breakers.get(CircuitBreakers.LLM);

        JsonNode answer = http.query(client, "What do axolotls regrow?", 3);

        assertThat(answer.get("source").asText()).isEqualTo("extractive");
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("regrow lost limbs");
        assertThat(llm.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(llm.getMetrics().getNumberOfSuccessfulCalls()).isZero();
    }
}
