package io.ragline.ingest;

import io.ragline.document.ParsedDocument;
import io.ragline.metrics.RaglineMetrics;

/** Outcome of one document through {@code direct:ingest}. */
public record IngestResult(String clientId, String documentId, int chunkCount, boolean unchanged) implements RaglineMetrics.Indexed {

    public static IngestResult unchanged(ParsedDocument document) {
        return new IngestResult(document.clientId(), document.documentId(), 0, true);
    }
}
