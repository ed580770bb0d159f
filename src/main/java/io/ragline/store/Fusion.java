package io.ragline.store;

/**
 * How a hybrid search fuses its rankings.
 *
 * @param method {@link Method#RELATIVE_SCORE} or {@link Method#RRF}
 * @param rrfK reciprocal rank fusion constant: score = sum of 1 / (rrfK + rank)
 * @param vectorWeight relative-score fusion: the vector ranking's share, the keyword ranking's is the rest
 * @param titleWeight relative-score fusion: what the question's similarity to a candidate's title adds,
 *                    scaled to 0..1 over the candidates as the rankings are; 0 leaves titles out
 * @param exactMatchChunks an identifier of the question ({@link io.ragline.text.Identifiers}) held by at most
 *                         this many of the client's chunks lifts them above every other candidate, whatever
 *                         the method; 0 leaves exact matches to the rankings
 */
public record Fusion(Method method, int rrfK, double vectorWeight, double titleWeight, int exactMatchChunks) {

    public Fusion(Method method, int rrfK, double vectorWeight) {
        this(method, rrfK, vectorWeight, 0, 0);
    }

    public Fusion(Method method, int rrfK, double vectorWeight, double titleWeight) {
        this(method, rrfK, vectorWeight, titleWeight, 0);
    }

    /** Whether the store looks for the question's identifiers among the client's chunks. */
    public boolean liftsExactMatches() {
        return exactMatchChunks > 0;
    }

    /** Whether the store needs the candidates' title similarities. */
    public boolean weighsTitles() {
        return method == Method.RELATIVE_SCORE && titleWeight > 0;
    }

    public enum Method {
        /**
         * Each ranking's scores scaled to 0..1 over its candidates (min-max), then weighed and added: how far
         * ahead a chunk is counts, not only its place.
         */
        RELATIVE_SCORE,
        /** Reciprocal rank fusion of the two searches: places only, blind to score gaps and titles. */
        RRF
    }
}
