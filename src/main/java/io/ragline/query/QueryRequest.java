package io.ragline.query;

/** A validated question. */
public record QueryRequest(String query, String clientId, int topK) {
}
