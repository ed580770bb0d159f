package io.ragline.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
/**
 * In-process ONNX sentence embeddings; the model files ship inside the langchain4j jars.
 *
 * <p>Every word-piece of a text reaches its vector ({@link WindowedEncoder}). The model runs on an ONNX
 * Runtime session of our own: LangChain4j's takes the runtime's defaults, a thread per core inside every
 * call, spinning while idle. Texts of a batch already run in parallel on {@code threads}, so on a small
 * machine those inner threads fought them for the cores, and after a question's embedding their spinning
 * took the core the searches and the HTTP answer needed next.
 */
public class LocalOnnxEmbedder implements Embedder, AutoCloseable {

    public static final List<String> MODELS = List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5-q");

    private static final int DIMENSION = 384;
    private static final String BGE_QUESTION_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final String model;
    private final ExecutorService executor;
    private final OrtSession session;
    private final WindowedEncoder encoder;

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
            this.encoder = new WindowedEncoder(environment, session, tokenizer, this.model.startsWith("bge-"));
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

    /** BGE's instruction for short questions over passages, from its model card; MiniLM takes none. */
    @Override
    public float[] embedQuestion(String question) {
        return embed(model.startsWith("bge-") ? BGE_QUESTION_INSTRUCTION + question : question);
    }

    /** The model tokenizer's truncation length; longer texts are read in several passes, averaged. */
    @Override
    public int window() {
        return encoder.window();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.size() == 1) {
            return List.of(encoder.embed(texts.get(0)));
        }
        List<CompletableFuture<float[]>> vectors = texts.stream()
                .map(text -> CompletableFuture.supplyAsync(() -> encoder.embed(text), executor)).toList();
        try {
            return vectors.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            // a text still inside the native session must finish before the session is freed under it
            if (executor.awaitTermination(10, TimeUnit.SECONDS)) {
                encoder.close();
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
}
