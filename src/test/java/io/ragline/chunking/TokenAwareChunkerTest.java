package io.ragline.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

import io.ragline.document.Chunk;
import io.ragline.document.ParsedDocument;

class TokenAwareChunkerTest {

    /** The model's own tokenizer, to check the chunks against. */
    static HuggingFaceTokenCountEstimator tokens;
    static WordPieces wordPieces;

    @BeforeAll
    static void tokenizer() {
        tokens = new HuggingFaceTokenCountEstimator();
        wordPieces = new WordPieces();
    }

    @Test
    void chunksStayWithinTheModelsWordPieceLimitAndOverlap() {
        StringBuilder text = new StringBuilder();
        for (int paragraph = 0; paragraph < 12; paragraph++) {
            for (int sentence = 0; sentence < 8; sentence++) {
                text.append("Paragraph ").append(paragraph).append(" sentence ").append(sentence)
                        .append(" discusses electroencephalography and its unexpectedly polysyllabic terminology. ");
            }
            text.append("\n\n");
        }
        TokenAwareChunker chunker = new TokenAwareChunker(wordPieces, 256, 0.15, new ModelWindow(ModelWindow.UNBOUNDED, false));

        List<Chunk> chunks = chunker.chunk(document(text.toString())).chunks();

        assertThat(chunks).hasSizeGreaterThan(5);
        assertThat(chunks).allSatisfy(chunk -> assertThat(tokens.estimateTokenCountInText(chunk.text())).isLessThanOrEqualTo(256));
        assertThat(chunks).extracting(Chunk::index).containsExactlyElementsOf(java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
        // neighbours share whole sentences
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String lastSentence = previous.substring(previous.lastIndexOf("Paragraph"));
            assertThat(chunks.get(i).text()).as("chunk %d starts with the overlap", i).contains(lastSentence.strip());
        }
    }

    @Test
    void sentencesAreNotCutWhenTheyFit() {
        String text = "First sentence is short. Second sentence is also short.\n\nA new paragraph starts here.";
        List<Chunk> chunks = new TokenAwareChunker(wordPieces, 256, 0.15, new ModelWindow(ModelWindow.UNBOUNDED, false)).chunk(document(text)).chunks();

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).text()).isEqualTo(text);
    }

    private static ParsedDocument document(String text) {
        return new ParsedDocument("c", "d", "t", null, text, "h", Map.of());
    }
}
