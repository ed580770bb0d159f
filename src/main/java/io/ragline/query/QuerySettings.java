package io.ragline.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.ragline.store.Fusion;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ragline.query.*}; application.yml documents each key.
 *
 * @param minSimilarity vector hits below this cosine similarity are dropped as noise
 * @param fusion how the vector and keyword rankings are fused
 * @param vectorWeight relative-score fusion: the vector ranking's share
 * @param titleWeight relative-score fusion: what closeness to a candidate's document title adds
 * @param rrfK reciprocal rank fusion constant
 * @param candidates hits taken from each ranking before fusion
 * @param exactMatchChunks a question's identifier held by at most this many chunks lifts them above the rest; 0: off
 */
@Validated
@ConfigurationProperties("ragline.query")
public record QuerySettings(
        @Min(1) @Max(50) @DefaultValue("5") int defaultTopK,
        @Min(1) @Max(50) @DefaultValue("50") int maxTopK,
        @Min(1) @DefaultValue("2000") int maxQueryLength,
        @DecimalMin("-1.0") @DecimalMax("1.0") @DefaultValue("0.3") double minSimilarity,
        @DefaultValue("relative-score") Fusion.Method fusion,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.6") double vectorWeight,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.4") double titleWeight,
        @Min(1) @DefaultValue("60") int rrfK,
        @Min(1) @Max(500) @DefaultValue("50") int candidates,
        @Min(1) @Max(20) @DefaultValue("3") int answerSentences,
        @Min(0) @Max(100) @DefaultValue("1") int exactMatchChunks) {

    public Fusion fusionSettings() {
        return new Fusion(fusion, rrfK, vectorWeight, titleWeight, exactMatchChunks);
    }
}
