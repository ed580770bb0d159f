package io.ragline.chunking;

import io.ragline.embedding.Embedder;

/**
 * What the embedding model reads of a chunk in one pass, so a chunk never holds more: the model's window
 * in word-pieces (its two special tokens included), less the document title when the model sees each
 * chunk after it. The window is the model's own (LocalOnnxEmbedder reads it from the model's tokenizer),
 * never a second setting that could drift from it.
 *
 * @param wordPieces the model's window; {@link #UNBOUNDED} for a model that reads more than any chunk holds
 * @param titleInWindow the model sees each chunk after its document's title
 */
public record ModelWindow(int wordPieces, boolean titleInWindow) {

    public static final int UNBOUNDED = Embedder.UNBOUNDED_WINDOW;
    /** [CLS] and [SEP]. */
    private static final int SPECIAL_TOKENS = 2;

    /**
     * The most word-pieces a chunk of this document may hold. A title so long it would leave less than
     * half the window keeps half: the encoder then reads the rest of that chunk in a second pass.
     */
    int chunkLimit(int maxTokens, WordPieces counter, String title) {
        if (wordPieces == UNBOUNDED) {
            return maxTokens;
        }
        int header = titleInWindow && title != null && !title.isBlank() ? counter.count(title.strip()) : 0;
        int fits = Math.max(wordPieces - SPECIAL_TOKENS - header, (wordPieces - SPECIAL_TOKENS) / 2);
        return Math.min(maxTokens, fits);
    }
}
