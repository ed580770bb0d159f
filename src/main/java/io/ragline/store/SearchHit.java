package io.ragline.store;

/** One stored chunk found by a search; the score's meaning depends on the search. */
public record SearchHit(String documentId, String title, int chunkIndex, String text, double score) {

    /** Identity of the chunk, for fusing result lists. */
    public String chunkKey() {
        return documentId + "#" + chunkIndex;
    }
}
