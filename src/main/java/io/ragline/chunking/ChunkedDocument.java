package io.ragline.chunking;

import java.util.List;

import io.ragline.ingest.ParsedDocument;

public record ChunkedDocument(ParsedDocument document, List<Chunk> chunks) {
}
