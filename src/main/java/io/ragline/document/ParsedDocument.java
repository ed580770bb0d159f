package io.ragline.document;

import java.util.Map;

/** A document with normalised text and every identity field resolved. */
public record ParsedDocument(
        String clientId,
        String documentId,
        String title,
        String source,
        String text,
        String contentHash,
        Map<String, Object> metadata) {
}
