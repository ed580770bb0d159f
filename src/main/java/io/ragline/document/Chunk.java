package io.ragline.document;

/** One piece of a document, small enough for the embedding model. */
public record Chunk(int index, String text) {
}
