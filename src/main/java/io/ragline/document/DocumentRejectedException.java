package io.ragline.document;

/** The document itself is unusable (type, corruption, no text); retrying cannot help. */
public class DocumentRejectedException extends RuntimeException {

    public DocumentRejectedException(String message) {
        super(message);
    }

    public DocumentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
