package io.ragline.ingest.queue;

import org.apache.camel.Body;

import io.ragline.document.IngestKeys;
import io.ragline.document.SourceDocument;

/** A queued instruction: index this document, or delete the document with this id. */
public record DocumentCommand(String clientId, String documentId, SourceDocument document) {

    public static DocumentCommand delete(String clientId, String documentId) {
        return new DocumentCommand(clientId, documentId, null);
    }

    public boolean isDelete() {
        return document == null;
    }

    /** Key of the content this command indexes in the ingest idempotent repository. */
    public static String idempotencyKey(@Body DocumentCommand command) {
        return IngestKeys.of(command.clientId(), command.documentId(), command.document().contentHash());
    }
}
