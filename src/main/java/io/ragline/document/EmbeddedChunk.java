package io.ragline.document;

/** A chunk with its vector. */
public record EmbeddedChunk(int index, String text, float[] vector) {
}
