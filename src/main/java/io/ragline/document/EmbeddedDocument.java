package io.ragline.document;

import java.util.List;

public record EmbeddedDocument(ParsedDocument document, List<EmbeddedChunk> chunks) {
}
