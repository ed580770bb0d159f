package io.ragline.store.lucene;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.store.lucene.*}.
 *
 * @param numCandidates candidates explored per vector search
 * @param ramBufferMb indexing buffer before a segment is flushed
 * @param hnswMaxConn neighbours per node in the HNSW graph
 * @param hnswBeamWidth candidates weighed while inserting a vector
 * @param segmentsPerTier segments of about one size the merge policy lets stand before merging them: fewer
 * means fewer segments to search per query, at the cost of more merging while ingesting
 */
@Validated
@ConfigurationProperties("ragline.store.lucene")
public record LuceneSettings(
        @NotNull @DefaultValue("data/index") Path path,
        @Min(1) @Max(10_000) @DefaultValue("100") int numCandidates,
        @Min(1) @DefaultValue("64") int ramBufferMb,
        @Min(2) @Max(512) @DefaultValue("16") int hnswMaxConn,
        @Min(1) @Max(3200) @DefaultValue("100") int hnswBeamWidth,
        @Min(2) @Max(50) @DefaultValue("10") int segmentsPerTier) {
}
