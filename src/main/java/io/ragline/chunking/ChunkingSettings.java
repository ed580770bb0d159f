package io.ragline.chunking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code ragline.chunking.*}.
 *
 * @param maxTokens chunk size in the embedding model's word-pieces
 * @param overlapRatio overlap between neighbouring chunks, as a share of max-tokens
 */
@Validated
@ConfigurationProperties("ragline.chunking")
public record ChunkingSettings(
        @Min(16) @Max(8192) @DefaultValue("256") int maxTokens,
        @DecimalMin("0.0") @DecimalMax("0.5") @DefaultValue("0.15") double overlapRatio) {
}
