package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.support.FakeEmbeddings;
import io.ragline.support.OpenAiStubTest;

/** Answers slower than the timeout: the fallback answers in time, and each timeout counts as a failure. */
@Tag("slow")
class ResilienceSlowEmbeddingTest extends OpenAiStubTest {

    @Test
    void slowEmbeddingTimesOutIntoTheFallbackAndCountsAgainstTheBreaker() {
        String client = newClient("slow");
        ingest(client, "okapi", "The okapi is a forest giraffe of the Congo with zebra-striped legs.");
        OPENAI.stubFor(embeddings().willReturn(aResponse().withFixedDelay(3000).withTransformers(FakeEmbeddings.NAME)));
        CircuitBreaker breaker = breakers.get(CircuitBreakers.EMBEDDING);
        int failuresBefore = breaker.getMetrics().getNumberOfFailedCalls();

        long start = System.nanoTime();
        JsonNode answer = http.query(client, "Which giraffe has zebra stripes?", 3);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(answer.get("source").asText()).isEqualTo("keyword");
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("okapi");
        assertThat(seconds).as("two 1 s attempts, not a 3 s response").isLessThan(2.9);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls() - failuresBefore)
                .as("each timed-out attempt counts as a failure although a fallback answered").isEqualTo(2);
    }
}
