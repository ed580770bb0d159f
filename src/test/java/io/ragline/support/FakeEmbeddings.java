package io.ragline.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock plays an OpenAI-compatible embedding server: hashed bag-of-words vectors, so texts sharing
 * words are near each other and retrieval over them means something.
 */
public class FakeEmbeddings implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-embeddings";
    public static final int DIMENSION = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            List<Map<String, Object>> data = new ArrayList<>();
            int index = 0;
            for (JsonNode input : request.get("input")) {
                data.add(Map.of("object", "embedding", "index", index++, "embedding", vector(input.asText())));
            }
            String body = JSON.writeValueAsString(Map.of("object", "list", "data", data, "model", request.path("model").asText()));
            ResponseDefinitionBuilder response = new ResponseDefinitionBuilder().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body);
            Integer delay = serveEvent.getResponseDefinition().getFixedDelayMilliseconds();
            return (delay == null ? response : response.withFixedDelay(delay)).build();
        } catch (Exception e) {
            return new ResponseDefinition(400, e.getMessage());
        }
    }

    static float[] vector(String text) {
        float[] vector = new float[DIMENSION];
        vector[0] = 0.01f; // never the zero vector
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2) {
                CRC32 crc = new CRC32();
                crc.update(word.getBytes(StandardCharsets.UTF_8));
                vector[(int) (crc.getValue() % DIMENSION)] += 1;
            }
        }
        return vector;
    }
}
