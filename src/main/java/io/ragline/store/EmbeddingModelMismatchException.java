package io.ragline.store;

/** The store was built with another embedding model; its vectors cannot be compared with ours. */
public class EmbeddingModelMismatchException extends IllegalStateException {

    public EmbeddingModelMismatchException(String message) {
        super(message);
    }
}
