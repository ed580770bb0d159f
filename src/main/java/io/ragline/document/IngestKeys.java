package io.ragline.document;

/**
 * Keys of the ingest idempotent repository: one per (client, document id, content hash), so the same
 * content of the same document is embedded once, whichever source or replica hands it over again.
 */
public final class IngestKeys {

    private IngestKeys() {
    }

    public static String of(String clientId, String documentId, String contentHash) {
        return clientId + '\u001f' + documentId + '\u001f' + contentHash;
    }
}
