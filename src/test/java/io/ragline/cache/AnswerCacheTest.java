package io.ragline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.OpenAiStubTest;

/** A fresh cached answer costs no embedding call; a document change retires it; clients never share entries. */
@Tag("slow")
class AnswerCacheTest extends OpenAiStubTest {

    @Test
    void freshHitsSkipTheEmbeddingServiceAndStayWithinTheClient() {
        String client = newClient("cache");
        ingest(client, "gecko", "Geckos climb glass thanks to millions of tiny hairs on their toes.");
        OPENAI.resetRequests();

        JsonNode first = http.query(client, "How do geckos climb glass?", 3);
        JsonNode second = http.query(client, "  how do GECKOS climb glass? ", 3);

        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(second.get("cached").asBoolean()).isTrue();
        assertThat(second.get("degraded").asBoolean()).isFalse();
        assertThat(second.get("answer").asText()).isEqualTo(first.get("answer").asText());
        assertThat(embeddingRequests()).as("the second answer came from the cache").isEqualTo(1);

        JsonNode otherClient = http.query(newClient("cache-other"), "How do geckos climb glass?", 3);
        assertThat(otherClient.get("cached").asBoolean()).isFalse();
        assertThat(otherClient.get("sources")).isEmpty();

        ingest(client, "anole", "Anoles change colour from green to brown.");
        assertThat(http.query(client, "How do geckos climb glass?", 3).get("cached").asBoolean())
                .as("a document change retires the client's cached answers").isFalse();
    }
}
