package io.ragline.store;

/**
 * One hybrid search: the question as a vector and as words, scoped to one client and a metadata filter.
 *
 * @param candidates chunks each ranking contributes before fusion
 * @param topK fused chunks returned, the only ones read in full
 * @param fusion how the two rankings become one
 * @param minSimilarity vector candidates below this cosine similarity are noise and dropped
 */
public record HybridQuery(String clientId, float[] vector, String text, int candidates, int topK, Fusion fusion, double minSimilarity,
                          MetadataFilter filter) {

    public HybridQuery(String clientId, float[] vector, String text, int candidates, int topK, Fusion fusion, double minSimilarity) {
        this(clientId, vector, text, candidates, topK, fusion, minSimilarity, MetadataFilter.NONE);
    }
}
