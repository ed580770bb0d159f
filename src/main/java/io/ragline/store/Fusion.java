package io.ragline.store;

/**
 * How a hybrid search fuses its two rankings.
 *
 * @param method {@link Method#RELATIVE_SCORE} or {@link Method#RRF}
 * @param rrfK reciprocal rank fusion constant: score = sum of 1 / (rrfK + rank)
 * @param vectorWeight relative-score fusion: the vector ranking's share, the keyword ranking's is the rest
 */
public record Fusion(Method method, int rrfK, double vectorWeight) {

    public enum Method {
        /**
         * Each ranking's scores scaled to 0..1 over its candidates (min-max), then weighed and added: how far
         * ahead a chunk is counts, not only its place.
         */
        RELATIVE_SCORE,
        /** Reciprocal rank fusion: places only, blind to score gaps. */
        RRF
    }
}
