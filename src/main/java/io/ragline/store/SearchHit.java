package io.ragline.store;

import java.util.Map;

/** One stored chunk found by a search; the score's meaning depends on the search. */
public record SearchHit(String documentId, String title, int chunkIndex, String text, double score, Map<String, Object> metadata) {

    public SearchHit {
        metadata = metadata == null ? Map.of() : metadata;
    }

    public SearchHit(String documentId, String title, int chunkIndex, String text, double score) {
        this(documentId, title, chunkIndex, text, score, Map.of());
    }

    /** Identity of the chunk, for fusing result lists. */
    public String chunkKey() {
        return documentId + "#" + chunkIndex;
    }

    public SearchHit withScore(double newScore) {
        return new SearchHit(documentId, title, chunkIndex, text, newScore, metadata);
    }
}
