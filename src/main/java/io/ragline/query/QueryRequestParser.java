package io.ragline.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.ClientIds;

/** Reads and validates the JSON body of {@code POST /api/query}. */
public class QueryRequestParser {

    private final ObjectMapper json;
    private final QuerySettings limits;

    public QueryRequestParser(ObjectMapper json, QuerySettings limits) {
        this.json = json;
        this.limits = limits;
    }

    public QueryRequest parse(String body) {
        JsonNode root = JsonBodies.readObject(json, body);
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
        if (text.length() > limits.maxQueryLength()) {
            throw new InvalidRequestException("query must be at most " + limits.maxQueryLength() + " characters");
        }
        return new QueryRequest(text, ClientIds.resolve(JsonBodies.textOrNull(root, "client_id")), topK(root.get("top_k")));
    }

    private int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return limits.defaultTopK();
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > limits.maxTopK()) {
            throw new InvalidRequestException("top_k must be an integer between 1 and " + limits.maxTopK());
        }
        return node.asInt();
    }
}
