package io.ragline.embedding;

import java.util.List;

import io.ragline.ingest.ParsedDocument;

public record EmbeddedDocument(ParsedDocument document, List<EmbeddedChunk> chunks) {
}
