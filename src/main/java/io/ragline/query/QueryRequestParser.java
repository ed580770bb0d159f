package io.ragline.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.ClientIds;
import io.ragline.api.InvalidRequestException;
import io.ragline.config.RaglineProperties;

/** Reads and validates the JSON body of {@code POST /api/query}. */
public class QueryRequestParser {

    private final ObjectMapper json;
    private final RaglineProperties.Query limits;

    public QueryRequestParser(ObjectMapper json, RaglineProperties.Query limits) {
        this.json = json;
        this.limits = limits;
    }

    public QueryRequest parse(String body) {
        JsonNode root = readObject(json, body);
        JsonNode query = root.get("query");
        if (query == null || query.isNull()) {
            throw new InvalidRequestException("query is required");
        }
        if (!query.isTextual()) {
            throw new InvalidRequestException("query must be a string");
        }
        String text = query.asText().strip();
        if (text.isEmpty()) {
            throw new InvalidRequestException("query must not be blank");
        }
        if (text.length() > limits.getMaxQueryLength()) {
            throw new InvalidRequestException("query must be at most " + limits.getMaxQueryLength() + " characters");
        }
        return new QueryRequest(text, ClientIds.resolve(textOrNull(root, "client_id")), topK(root.get("top_k")));
    }

    private int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return limits.getDefaultTopK();
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > limits.getMaxTopK()) {
            throw new InvalidRequestException("top_k must be an integer between 1 and " + limits.getMaxTopK());
        }
        return node.asInt();
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
