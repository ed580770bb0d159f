package io.ragline.query;

import io.ragline.store.MetadataFilter;

/** A validated question, within a metadata filter ({@link MetadataFilter#NONE} for none). */
public record QueryRequest(String query, String clientId, int topK, MetadataFilter filter) {

    public QueryRequest(String query, String clientId, int topK) {
        this(query, clientId, topK, MetadataFilter.NONE);
    }
}
