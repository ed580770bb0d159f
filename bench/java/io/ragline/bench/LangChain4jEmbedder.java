package io.ragline.bench;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.ragline.embedding.Embedder;

/** A MiniLM model as LangChain4j runs it, for the benchmark rows that set Ragline's embedder beside it. */
final class LangChain4jEmbedder implements Embedder, AutoCloseable {

    private static final int DIMENSION = 384;

    private final String name;
    private final ExecutorService executor;
    private final EmbeddingModel delegate;

    private LangChain4jEmbedder(String name, ExecutorService executor, EmbeddingModel delegate) {
        this.name = name;
        this.executor = executor;
        this.delegate = delegate;
    }

    /**
     * LangChain4j's own model class, on the ONNX Runtime session it builds with the runtime's defaults:
     * what Ragline's session settings (LocalOnnxEmbedder) gain over it.
     */
    static LangChain4jEmbedder stock(String model) {
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        return new LangChain4jEmbedder("stock/" + model, executor, model.equals("all-minilm-l6-v2")
                ? new AllMiniLmL6V2EmbeddingModel(executor) : new AllMiniLmL6V2QuantizedEmbeddingModel(executor));
    }

    /**
     * How Ragline embedded before every word-piece was read: LangChain4j's encoder, which drops what lies
     * past the model's window, on a session with Ragline's settings.
     */
    static LangChain4jEmbedder truncating(String model) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        ClassLoader loader = LangChain4jEmbedder.class.getClassLoader();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream onnx = loader.getResourceAsStream(model + ".onnx");
                InputStream tokenizer = loader.getResourceAsStream(model + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
                    tokenizer, PoolingMode.MEAN);
            return new LangChain4jEmbedder("truncating/" + model, executor, new AbstractInProcessEmbeddingModel(executor) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }

                @Override
                protected Integer knownDimension() {
                    return DIMENSION;
                }
            });
        }
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public int dimension() {
        return DIMENSION;
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
