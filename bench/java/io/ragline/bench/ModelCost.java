package io.ragline.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.chunking.ModelWindow;
import io.ragline.chunking.TokenAwareChunker;
import io.ragline.chunking.WordPieces;
import io.ragline.document.ChunkedDocument;
import io.ragline.embedding.ChunkBatches;
import io.ragline.embedding.Embedder;
import io.ragline.embedding.LocalOnnxEmbedder;
import io.ragline.ingest.DocumentParser;

/**
 * Section {@code models}: what each bundled model costs per page of real prose (the pydoc pages), with the
 * chunks Ragline cuts for it (each fits the model's window with its title) and every word-piece embedded.
 * Pages per second is what a user waits on; chunks per second differ with the chunk size.
 */
final class ModelCost {

    private static final int MODEL_BATCH = 32;
    private static final int ROUNDS = 3;

    private final RaglineBench bench;

    ModelCost(RaglineBench bench) {
        this.bench = bench;
    }

    void measure(Path work) throws Exception {
        List<Map<String, String>> documents = KnownItemSets.documents(KnownItemSets.pages(work, "pydoc"));
        before(work, documents);
        for (String model : LocalOnnxEmbedder.MODELS) {
            try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("models-" + model),
                    "--logging.level.root=WARN", "--ragline.embedding.local.model=" + model)) {
                DocumentParser parser = app.getBean(DocumentParser.class);
                TokenAwareChunker chunker = app.getBean(TokenAwareChunker.class);
                Embedder embedder = app.getBean(Embedder.class);
                List<ChunkedDocument> chunked = documents.stream()
                        .map(document -> chunker.chunk(IngestCost.parse(parser, "models", document))).toList();
                ModelInputs inputs = ModelInputs.of(app.getBean(ChunkBatches.class), chunked);
                WordPieces wordPieces = app.getBean(WordPieces.class);
                double pieces = inputs.chunkTexts().stream().mapToInt(wordPieces::count).average().orElse(0);
                row("Model " + model + ": raw model on real prose, Ragline's chunks", embedder, inputs, pieces,
                        documents.size(), "window " + embedder.window());
            }
        }
    }

    /**
     * The default model as it ran before: LangChain4j's encoder, reading each 256-piece chunk only up to
     * the window, on chunks cut to 256 whatever the window.
     */
    private void before(Path work, List<Map<String, String>> documents) throws Exception {
        String model = "all-minilm-l6-v2-q";
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("models-before"),
                "--logging.level.root=WARN", "--ragline.embedding.local.model=" + model);
                LangChain4jEmbedder truncating = LangChain4jEmbedder.truncating(model)) {
            DocumentParser parser = app.getBean(DocumentParser.class);
            WordPieces wordPieces = app.getBean(WordPieces.class);
            TokenAwareChunker chunker = new TokenAwareChunker(wordPieces, 256, 0.15, new ModelWindow(ModelWindow.UNBOUNDED, true));
            List<ChunkedDocument> chunked = documents.stream()
                    .map(document -> chunker.chunk(IngestCost.parse(parser, "models", document))).toList();
            ModelInputs inputs = ModelInputs.of(app.getBean(ChunkBatches.class), chunked);
            double pieces = inputs.chunkTexts().stream().mapToInt(wordPieces::count).average().orElse(0);
            row("Model " + model + " before: 256-piece chunks read up to the window", truncating, inputs, pieces,
                    documents.size(), "the rest dropped");
        }
    }

    private void row(String label, Embedder embedder, ModelInputs inputs, double pieces, int pages, String window) {
        embedder.embedAll(inputs.texts().subList(0, 64));
        double[] pagesPerSecond = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            pagesPerSecond[round] = RaglineBench.rawRate(embedder, inputs.texts(), MODEL_BATCH) * pages / inputs.items().size();
        }
        bench.row(label, RaglineBench.fmt("%.1f pages/s, median of %d (%d pages: %d chunks of %.0f word-pieces with the title,"
                + " %s, and %d titles)", Stats.of(pagesPerSecond).p50(), ROUNDS, pages, inputs.chunkTexts().size(), pieces,
                window, inputs.titles()), "");
    }
}
