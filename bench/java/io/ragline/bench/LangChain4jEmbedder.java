package io.ragline.bench;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.ragline.embedding.Embedder;

/**
 * The same model through LangChain4j's own model class, on the ONNX Runtime session it builds with the
 * runtime's defaults: what Ragline's session settings (LocalOnnxEmbedder) gain over it.
 */
final class StockSession implements Embedder, AutoCloseable {

    private final String model;
    private final ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    private final EmbeddingModel delegate;

    StockSession(String model) {
        this.model = model;
        this.delegate = model.equals("all-minilm-l6-v2") ? new AllMiniLmL6V2EmbeddingModel(executor)
                : new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
    }

    @Override
    public String modelName() {
        return "stock/" + model;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(e -> e.vector()).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
