package io.ragline.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.document.Limits;
import io.ragline.support.Settings;

class JsonBodiesTest {

    private final JsonBodies bodies = new JsonBodies(new ObjectMapper(), Settings.with(Limits.class, Map.of()));

    @Test
    void aKeyGivenTwiceIsRefusedByName() {
        assertThatThrownBy(() -> bodies.readObject("{\"client_id\": \"acme\", \"query\": \"a\", \"client_id\": \"globex\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Duplicate field 'client_id'");
    }

    @Test
    void twoValuesAreRefusedInTheApisOwnWords() {
        assertThatThrownBy(() -> bodies.readObject("{\"query\": \"a\"} {\"query\": \"b\"}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("request body holds more than one JSON value");
        assertThatThrownBy(() -> bodies.readObject("{\"query\": \"a\"} [1]"))
                .hasMessage("request body holds more than one JSON value");
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        assertThat(bodies.readObject("\uFEFF{\"query\": \"a\"}").get("query").asText()).isEqualTo("a");
        assertThatThrownBy(() -> bodies.readObject("\uFEFF")).hasMessage("request body must be a JSON object");
    }

    @Test
    void aBodyBuiltToAmplifyStopsAtTheTokenLimitBeforeItsTreeGrows() {
        JsonBodies small = new JsonBodies(new ObjectMapper(), Settings.with(Limits.class, Map.of("json-tokens", "1000")));
        String padding = "{\"query\": \"q\", \"x\": [" + "{},".repeat(1_000_000) + "{}]}";

        assertThatThrownBy(() -> small.readObject(padding)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("request body holds more than 1000 JSON tokens (ragline.limits.json-tokens)");
        assertThat(small.readObject("{\"query\": \"q\", \"x\": [" + "{},".repeat(100) + "{}]}").get("x").size()).isEqualTo(101);
    }

    @Test
    void aStringLongerThanADocumentMayBeIsRefusedWhileItIsRead() {
        JsonBodies small = new JsonBodies(new ObjectMapper(), Settings.with(Limits.class, Map.of("document-chars", "1000")));

        assertThatThrownBy(() -> small.readObject("{\"text\": \"" + "a".repeat(5000) + "\"}")).isInstanceOf(InvalidRequestException.class)
                .hasMessage("request body holds a string longer than 1000 characters (ragline.limits.document-chars)");
    }

    @Test
    void theOriginalMapperIsLeftAsItWas() throws Exception {
        ObjectMapper shared = new ObjectMapper();
        new JsonBodies(shared, Settings.with(Limits.class, Map.of()));
        assertThat(shared.readTree("{\"a\": 1, \"a\": 2}").get("a").asInt()).isEqualTo(2);
    }
}
