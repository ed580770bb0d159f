package io.ragline.document;

import java.util.List;

/**
 * A document's chunks with their vectors.
 *
 * @param titleVector the title embedded on its own, for the title signal of hybrid search; null when the
 *                    document has no title or title vectors are off
 */
public record EmbeddedDocument(ParsedDocument document, List<EmbeddedChunk> chunks, float[] titleVector) {

    public EmbeddedDocument(ParsedDocument document, List<EmbeddedChunk> chunks) {
        this(document, chunks, null);
    }
}
