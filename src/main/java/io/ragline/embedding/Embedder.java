package io.ragline.embedding;

import java.util.List;

/** Port to whatever turns text into vectors. Vectors of different models are never comparable. */
public interface Embedder {

    /** The {@link #window()} of a model that reads more of a text than any chunk holds. */
    int UNBOUNDED_WINDOW = Integer.MAX_VALUE;

    /** Name recorded in the index, e.g. {@code local/all-minilm-l6-v2-q}. */
    String modelName();

    int dimension();

    /** One vector per text, in order. */
    List<float[]> embedAll(List<String> texts);

    /**
     * Word-pieces (uncased BERT's) the model reads of a text in one pass, its special tokens included;
     * chunks are cut to fit it. Unbounded for a model whose window is far beyond any chunk.
     */
    default int window() {
        return UNBOUNDED_WINDOW;
    }

    /** Whether calls leave the process (and may be paid for): health checks then make none. */
    default boolean remote() {
        return false;
    }

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** A question's vector, for models that embed questions unlike the passages that answer them. */
    default float[] embedQuestion(String question) {
        return embed(question);
    }
}
