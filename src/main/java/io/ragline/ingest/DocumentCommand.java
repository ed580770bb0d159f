package io.ragline.ingest;

/** A queued instruction: index this document, or delete the document with this id. */
public record DocumentCommand(String clientId, String documentId, SourceDocument document) {

    public static DocumentCommand delete(String clientId, String documentId) {
        return new DocumentCommand(clientId, documentId, null);
    }

    public boolean isDelete() {
        return document == null;
    }
}
