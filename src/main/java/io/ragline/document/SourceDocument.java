package io.ragline.document;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
        if (metadata != null && metadata.values().stream().anyMatch(Objects::isNull)) {
            throw new DocumentRejectedException("metadata values must not be null");
        }
        // sorted: the content hash and the stored metadata do not depend on the order a source gave
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    public static SourceDocument ofText(String clientId, String documentId, String title, String source,
                                        String text, Map<String, Object> metadata) {
        return new SourceDocument(clientId, documentId, title, source, text, null, null, metadata);
    }

    public boolean hasText() {
        return text != null;
    }

    /**
     * Hash of the content as handed over (text and title, or the raw bytes, and any metadata): known
     * before any parsing.
     */
    public String contentHash() {
        String hash = hasText() ? DocumentIds.contentHash(title == null ? "" : title.strip(), text) : DocumentIds.sha256(content);
        return metadata.isEmpty() ? hash : DocumentIds.sha256(hash + "\n" + metadata);
    }
}
