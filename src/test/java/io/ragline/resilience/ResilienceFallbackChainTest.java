package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.OpenAiStubTest;

/** Embedding service and index both down: the cached answer, then FAQ rules, then the generic answer. */
@DirtiesContext
@Tag("slow")
class ResilienceFallbackChainTest extends OpenAiStubTest {

    @Autowired
    CamelContext camel;

    @Test
    void eachFallbackStepAnswersWhenTheOnesBeforeItCannot() throws Exception {
        String client = newClient("chain");
        ingest(client, "tapir", "Tapirs use their short trunk to grab leaves and fruit.");
        JsonNode good = http.query(client, "What do tapirs grab with their trunk?", 3);
        assertThat(good.get("source").asText()).isEqualTo("rag");
        // a new document retires the fresh cached answer; the last good one stays for fallback
        ingest(client, "anteater", "Anteaters have no teeth and catch ants with a sticky tongue.");

        OPENAI.stubFor(embeddings().willReturn(aResponse().withStatus(503)));
        AdviceWith.adviceWith(camel, "keyword-search-attempt",
                route -> route.weaveById("keyword-search-call").replace().throwException(new IOException("index unavailable")));
        AdviceWith.adviceWith(camel, "hybrid-search-attempt",
                route -> route.weaveById("hybrid-search-call").replace().throwException(new IOException("index unavailable")));

        JsonNode cached = http.query(client, "What do tapirs grab with their trunk?", 3);
        assertThat(cached.get("source").asText()).isEqualTo("cache");
        assertThat(cached.get("degraded").asBoolean()).isTrue();
        assertThat(cached.get("answer").asText()).isEqualTo(good.get("answer").asText());
        assertThat(cached.get("error").asText()).contains("503");

        JsonNode faq = http.query(client, "I need help with my account", 3);
        assertThat(faq.get("source").asText()).isEqualTo("faq");
        assertThat(faq.get("answer").asText()).contains("support");
        assertThat(faq.get("sources").get(0).get("title").asText()).isEqualTo("Support client");

        JsonNode generic = http.query(client, "Why is the sky blue?", 3);
        assertThat(generic.get("source").asText()).isEqualTo("generic");
        assertThat(generic.get("degraded").asBoolean()).isTrue();
        assertThat(generic.get("sources")).isEmpty();
        assertThat(generic.get("success").asBoolean()).isTrue();
    }
}
