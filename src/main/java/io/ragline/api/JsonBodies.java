package io.ragline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading request bodies, with a 400 that says what is wrong. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** Parses a body that must be a JSON object. */
    public static JsonNode readObject(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException("request body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** A string field, null when absent; rejects other JSON types. */
    public static String textOrNull(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return node.asText();
    }
}
