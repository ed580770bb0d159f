package io.ragline.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies and response parsing of the OpenAI-compatible API, without any transport. */
public final class OpenAiCodec {

    private OpenAiCodec() {
    }

    public static Map<String, Object> embeddingRequest(String model, List<String> texts) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", model);
        request.put("input", texts);
        return request;
    }

    /** Vectors in input order, whatever order the server lists them in. */
    public static List<float[]> embeddings(JsonNode response, int expected) {
        JsonNode data = response.get("data");
        if (data == null || !data.isArray() || data.size() != expected) {
            throw new ProviderResponseException("embedding response has " + (data == null ? "no" : data.size())
                    + " vectors for " + expected + " inputs");
        }
        float[][] vectors = new float[expected][];
        for (JsonNode item : data) {
            int index = item.path("index").asInt(-1);
            JsonNode embedding = item.get("embedding");
            if (index < 0 || index >= expected || embedding == null || !embedding.isArray()) {
                throw new ProviderResponseException("malformed embedding item: " + item.toString().substring(0, Math.min(200, item.toString().length())));
            }
            float[] vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
            vectors[index] = vector;
        }
        return new ArrayList<>(List.of(vectors));
    }

    public static Map<String, Object> chatRequest(String model, String system, String user, int maxTokens) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("model", model);
        request.put("messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
        request.put("max_tokens", maxTokens);
        request.put("temperature", 0);
        return request;
    }

    public static String chatAnswer(JsonNode response) {
        JsonNode content = response.path("choices").path(0).path("message").path("content");
        if (!content.isTextual() || content.asText().isBlank()) {
            throw new ProviderResponseException("chat response has no message content");
        }
        return content.asText().strip();
    }

    /** JSON in, bearer token when a key is configured; the key never reaches a log line. */
    public static void prepareCall(Exchange exchange, String apiKey) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (apiKey != null && !apiKey.isBlank()) {
            exchange.getMessage().setHeader("Authorization", "Bearer " + apiKey);
        }
    }
}
