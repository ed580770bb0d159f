package io.ragline.embedding;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** In-process ONNX sentence embeddings; the model files ship inside the langchain4j jars. */
public class LocalOnnxEmbedder implements Embedder, AutoCloseable {

    public static final List<String> MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q");

    private final String model;
    private final EmbeddingModel delegate;
    private final ExecutorService executor;

    public LocalOnnxEmbedder(String model, int threads) {
        this.model = model.toLowerCase(Locale.ROOT);
        int poolSize = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.executor = Executors.newFixedThreadPool(poolSize, runnable -> {
            Thread thread = new Thread(runnable, "ragline-embed");
            thread.setDaemon(true);
            return thread;
        });
        this.delegate = switch (this.model) {
            case "all-minilm-l6-v2" -> new AllMiniLmL6V2EmbeddingModel((Executor) executor);
            case "all-minilm-l6-v2-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel((Executor) executor);
            default -> throw new IllegalArgumentException("ragline.embedding.local.model must be one of "
                    + MODELS + ", was '" + model + "'");
        };
    }

    @Override
    public String modelName() {
        return "local/" + model;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = delegate.embedAll(segments).content();
        return embeddings.stream().map(Embedding::vector).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
