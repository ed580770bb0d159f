package io.ragline.document;

import java.util.Optional;

/**
 * Keys of the ingest idempotent repository: one per (client, document id, content hash), so the same
 * content of the same document is embedded once, whichever source or replica hands it over again.
 */
public final class IngestKeys {

    private static final char SEPARATOR = '\u001f';

    private IngestKeys() {
    }

    public static String of(String clientId, String documentId, String contentHash) {
        return clientId + SEPARATOR + documentId + SEPARATOR + contentHash;
    }

    /** The parts of a key made by {@link #of}; empty for anything else. */
    public static Optional<Key> parse(String key) {
        int first = key.indexOf(SEPARATOR);
        int last = key.lastIndexOf(SEPARATOR);
        if (first < 0 || last == first) {
            return Optional.empty();
        }
        return Optional.of(new Key(key.substring(0, first), key.substring(first + 1, last), key.substring(last + 1)));
    }

    public record Key(String clientId, String documentId, String contentHash) {
    }
}
