package io.ragline.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

import io.ragline.document.Chunk;
import io.ragline.document.ParsedDocument;

/** A chunk and the title the model reads it after fit the model's window together. */
class ChunksFitTheModelWindowTest {

    private static final WordPieces WORD_PIECES = new WordPieces();
    private static final HuggingFaceTokenCountEstimator MODEL_TOKENIZER = new HuggingFaceTokenCountEstimator();
    private static final String TEXT = String.join(" ", Collections.nCopies(60,
            "The harbour office keeps the tide tables and the berth register for every vessel."));

    @Test
    void eachChunkWithItsTitleFitsTheWindow() {
        String title = "Harbour office: tide tables and berth registers";
        TokenAwareChunker chunker = new TokenAwareChunker(WORD_PIECES, 256, 0.15, new ModelWindow(128, true));

        List<Chunk> chunks = chunker.chunk(document(title, TEXT)).chunks();

        assertThat(chunks).hasSizeGreaterThan(5);
        // the model's own count of what it is given (ChunkBatches' header, then the text), special tokens included
        assertThat(chunks).allSatisfy(chunk ->
                assertThat(MODEL_TOKENIZER.estimateTokenCountInText(title + "\n\n" + chunk.text()) + 2).isLessThanOrEqualTo(128));
        assertThat(chunks).anySatisfy(chunk ->
                assertThat(MODEL_TOKENIZER.estimateTokenCountInText(title + "\n\n" + chunk.text()) + 2).isGreaterThan(110));
    }

    @Test
    void withoutTheTitleInTheVectorAChunkTakesTheWholeWindow() {
        int limit = new ModelWindow(128, false).chunkLimit(256, WORD_PIECES, "A title the model never sees");

        assertThat(limit).isEqualTo(126);
    }

    @Test
    void aModelThatReadsMoreThanAnyChunkLeavesTheConfiguredSize() {
        assertThat(new ModelWindow(512, true).chunkLimit(256, WORD_PIECES, "Short title")).isEqualTo(256);
        assertThat(new ModelWindow(ModelWindow.UNBOUNDED, true).chunkLimit(256, WORD_PIECES, "Short title")).isEqualTo(256);
    }

    @Test
    void aTitleLongerThanHalfTheWindowLeavesChunksHalfOfIt() {
        String title = String.join(" ", Collections.nCopies(20, "electroencephalography"));

        assertThat(new ModelWindow(128, true).chunkLimit(256, WORD_PIECES, title)).isEqualTo(63);
    }

    private static ParsedDocument document(String title, String text) {
        return new ParsedDocument("c", "d", title, null, text, "h", Map.of());
    }
}
