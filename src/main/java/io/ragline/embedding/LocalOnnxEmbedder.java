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

    /** Each bundled model as its model card says to run it: the pooling, and what goes before a question. */
    private static final List<Bundled> BUNDLED = List.of(
            new Bundled("all-minilm-l6-v2", false, ""),
            new Bundled("all-minilm-l6-v2-q", false, ""),
            new Bundled("bge-small-en-v1.5-q", true, "Represent this sentence for searching relevant passages: "));
    public static final List<String> MODELS = BUNDLED.stream().map(Bundled::name).toList();

    private static final int DIMENSION = 384;

    private final String model;
    private final String questionInstruction;
    private final ExecutorService executor;
    private final OrtSession session;
    private final WindowedEncoder encoder;

    public LocalOnnxEmbedder(String model, int threads, int intraOpThreads) {
        this.model = model.toLowerCase(Locale.ROOT);
        Bundled bundled = BUNDLED.stream().filter(candidate -> candidate.name().equals(this.model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ragline.embedding.local.model must be one of " + MODELS + ", was '" + model + "'"));
        this.questionInstruction = bundled.questionInstruction();
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
            this.encoder = new WindowedEncoder(environment, session, tokenizer, bundled.clsPooling());
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
    public float[] embedQuestion(String question) {
        return embed(questionInstruction + question);
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

    /**
     * @param clsPooling the text's vector is its [CLS] token's (BGE), else the mean of its tokens' (MiniLM)
     * @param questionInstruction put before a question, never before a passage (BGE's for short questions)
     */
    private record Bundled(String name, boolean clsPooling, String questionInstruction) {
    }
}
