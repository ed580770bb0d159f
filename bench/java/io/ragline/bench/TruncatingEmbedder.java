package io.ragline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import io.ragline.embedding.Embedder;

/**
 * How Ragline embedded before every word-piece was read: LangChain4j's encoder, which drops what lies
 * past the model's window, on a session with Ragline's settings. Only for the models section's before row.
 */
final class TruncatingEmbedder implements Embedder, AutoCloseable {

    private final String model;
    private final ExecutorService executor;
    private final Model delegate;

    private TruncatingEmbedder(String model, ExecutorService executor) throws Exception {
        this.model = model;
        this.executor = executor;
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream onnx = resource(model + ".onnx");
                InputStream tokenizer = resource(model + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.delegate = new Model(executor,
                    new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN));
        }
    }

    static TruncatingEmbedder of(String model) throws Exception {
        return new TruncatingEmbedder(model, Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()));
    }

    private static InputStream resource(String name) throws IOException {
        return TruncatingEmbedder.class.getClassLoader().getResourceAsStream(name);
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public String modelName() {
        return "truncating/" + model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream().map(e -> e.vector()).toList();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
