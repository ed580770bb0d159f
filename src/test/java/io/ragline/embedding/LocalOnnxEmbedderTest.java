package io.ragline.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** Our own ONNX Runtime session changes how the model runs, never what it answers. */
class LocalOnnxEmbedderTest {

    private static final List<String> TEXTS = List.of(
            "How do I decode a base32 string into bytes?",
            "The harbour office opens at seven in the morning and closes at noon.",
            "Spring tides happen when the sun and the moon line up.");

    @Test
    void embedsAsLangChain4jsOwnModelClassDoes() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LocalOnnxEmbedder embedder = new LocalOnnxEmbedder("all-minilm-l6-v2-q", 2, 1)) {
            AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
            List<float[]> ours = embedder.embedAll(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] theirs = stock.embed(TextSegment.from(TEXTS.get(i))).content().vector();
                assertThat(ours.get(i)).hasSize(embedder.dimension());
                for (int d = 0; d < theirs.length; d++) {
                    assertThat(ours.get(i)[d]).as("text %d, dimension %d", i, d).isCloseTo(theirs[d], within(1e-4f));
                }
            }
            assertThat(embedder.embed(TEXTS.get(0))).containsExactly(ours.get(0));
            assertThat(embedder.modelName()).isEqualTo("local/all-minilm-l6-v2-q");
        } finally {
            executor.shutdownNow();
        }
    }

    /** 16 word-pieces. */
    private static final String SENTENCE = "The harbour office keeps the tide tables and the berth register for every vessel.";

    @ParameterizedTest
    @FieldSource("io.ragline.embedding.LocalOnnxEmbedder#MODELS")
    void everyWordPieceOfATextReachesItsVector(String model) {
        try (LocalOnnxEmbedder embedder = new LocalOnnxEmbedder(model, 2, 1)) {
            // shared prose longer than the model's window, so each text's last sentence lies beyond it
            String head = String.join(" ", Collections.nCopies(embedder.window() / 12, SENTENCE));
            String fuel = head + " Fuel is sold on the north quay from a barge.";
            String cranes = head + " Cranes are hired by the hour from the port authority.";
            List<float[]> vectors = embedder.embedAll(List.of(fuel, cranes, "Where is fuel sold?"));

            assertThat(cosine(vectors.get(0), vectors.get(1))).as("two texts differing only past the window").isLessThan(0.9995);
            assertThat(cosine(vectors.get(2), vectors.get(0))).as("the question about the ending")
                    .isGreaterThan(cosine(vectors.get(2), vectors.get(1)));
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
        }
        return dot;
    }

    @Test
    void anUnknownModelIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LocalOnnxEmbedder("bge-small", 0, 1))
                .hasMessageContaining("ragline.embedding.local.model").hasMessageContaining("bge-small");
    }
}
