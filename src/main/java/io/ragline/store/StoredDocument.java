package io.ragline.store;

/** A document as the store holds it, without its chunks. */
public record StoredDocument(String clientId, String documentId, String source, String contentHash) {
}
