package io.ragline.document;

import java.util.Map;

/**
 * A document as a source hands it over: either text, or raw content that still needs parsing.
 * Optional fields are null when the source does not know them.
 */
public record SourceDocument(
        String clientId,
        String documentId,
        String title,
        String source,
        String text,
        byte[] content,
        String fileName,
        Map<String, Object> metadata) {

    public SourceDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static SourceDocument ofText(String clientId, String documentId, String title, String source,
                                        String text, Map<String, Object> metadata) {
        return new SourceDocument(clientId, documentId, title, source, text, null, null, metadata);
    }

    public boolean hasText() {
        return text != null;
    }

    /** Hash of the content as handed over (text and title, or the raw bytes): known before any parsing. */
    public String contentHash() {
        return hasText() ? DocumentIds.contentHash(title == null ? "" : title.strip(), text) : DocumentIds.sha256(content);
    }
}
