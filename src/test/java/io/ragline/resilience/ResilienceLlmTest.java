package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.OpenAiStubTest;

/** With an LLM the answer is generated from the sources; when the LLM fails, the extractive answer, degraded. */
@Tag("slow")
class ResilienceLlmTest extends OpenAiStubTest {

    @Test
    void generatedAnswerWhenTheLlmWorksAndExtractiveWhenItFails() {
        String client = newClient("llm");
        ingest(client, "quokka", "Quokkas live on Rottnest Island and are known as the happiest animals.");
        OPENAI.stubFor(chat().withRequestBody(containing("Rottnest Island"))
                .willReturn(okJson("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"Quokkas live on Rottnest Island [1].\"}}]}")));

        JsonNode generated = http.query(client, "Where do quokkas live?", 3);
        assertThat(generated.get("answer").asText()).isEqualTo("Quokkas live on Rottnest Island [1].");
        assertThat(generated.get("source").asText()).isEqualTo("rag");
        assertThat(generated.get("degraded").asBoolean()).isFalse();

        OPENAI.stubFor(chat().willReturn(aResponse().withStatus(500)));
        JsonNode extractive = http.query(client, "Which animals are the happiest?", 3);
        assertThat(extractive.get("source").asText()).isEqualTo("extractive");
        assertThat(extractive.get("degraded").asBoolean()).isTrue();
        assertThat(extractive.get("answer").asText()).contains("happiest animals").contains("[1]");
        assertThat(extractive.get("error").asText()).contains("500");
    }
}
