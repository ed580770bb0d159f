package io.ragline.ingest.http;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.ragline.ingest.IngestResult;

/** Answer of {@code POST /api/documents}: sent once every chunk is searchable. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IngestSummary(boolean success, int processedCount, int chunkCount, int unchangedCount, List<String> documentIds) {

    public static IngestSummary of(Collection<IngestResult> results) {
        return new IngestSummary(true,
                results.size(),
                results.stream().mapToInt(IngestResult::chunkCount).sum(),
                (int) results.stream().filter(IngestResult::unchanged).count(),
                results.stream().map(IngestResult::documentId).toList());
    }
}
