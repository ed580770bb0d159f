package io.ragline.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * In-process ONNX sentence embeddings; the model files ship inside the langchain4j jars.
 *
 * <p>LangChain4j runs the model as its own model classes do, but on an ONNX Runtime session of our own:
 * theirs takes the runtime's defaults, a thread per core inside every call, spinning while idle. Texts of
 * a batch already run in parallel on {@code threads}, so on a small machine those inner threads fought
 * them for the cores, and after a question's embedding their spinning took the core the searches and the
 * HTTP answer needed next.
 */
public class LocalOnnxEmbedder implements Embedder, AutoCloseable {

    public static final List<String> MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q");

    private static final int DIMENSION = 384;

    private final String model;
    private final ExecutorService executor;
    private final OrtSession session;
    private final InProcessModel delegate;

    public LocalOnnxEmbedder(String model, int threads, int intraOpThreads) {
        this.model = model.toLowerCase(Locale.ROOT);
        if (!MODELS.contains(this.model)) {
            throw new IllegalArgumentException("ragline.embedding.local.model must be one of " + MODELS + ", was '" + model + "'");
        }
        int poolSize = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.executor = Executors.newFixedThreadPool(poolSize, runnable -> {
            Thread thread = new Thread(runnable, "ragline-embed");
            thread.setDaemon(true);
            return thread;
        });
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            this.session = environment.createSession(resource(this.model + ".onnx"), options);
        } catch (OrtException e) {
            executor.shutdownNow();
            throw new IllegalStateException("the ONNX model " + this.model + " could not be loaded", e);
        }
        try (InputStream tokenizer = resourceStream(this.model + "-tokenizer.json")) {
            this.delegate = new InProcessModel(executor, new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String modelName() {
        return "local/" + model;
    }

    @Override
    public int dimension() {
        return DIMENSION;
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
        try {
            // a text still inside the native session must finish before the session is freed under it
            if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                session.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OrtException e) {
            // closing at shutdown: nothing left to do with a session that would not close
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = LocalOnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the model file " + name + " is not on the classpath (its langchain4j-embeddings jar is missing)");
        }
        return in;
    }

    /** LangChain4j's in-process model (tokenizing, batching over the executor, pooling) on our session. */
    private static final class InProcessModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        InProcessModel(ExecutorService executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
