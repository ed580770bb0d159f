package io.ragline.document;

import java.util.List;

public record ChunkedDocument(ParsedDocument document, List<Chunk> chunks) {
}
