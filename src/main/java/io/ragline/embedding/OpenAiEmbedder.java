package io.ragline.embedding;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.ragline.provider.OpenAiEndpoint;
import io.ragline.provider.ProviderCallException;

/**
 * Embeddings from an OpenAI-compatible {@code /v1/embeddings}, through {@code direct:openai-embeddings}.
 * A {@link ProducerTemplate} hop, because the {@link Embedder} port is a plain interface that beans call
 * outside any route too (binding the store to the model at start-up, the health probe).
 */
public class OpenAiEmbedder implements Embedder {

    private final ProducerTemplate producer;
    private final OpenAiEndpoint settings;
    private volatile int dimension;

    public OpenAiEmbedder(ProducerTemplate producer, OpenAiEndpoint settings) {
        this.producer = producer;
        this.settings = settings;
        this.dimension = settings.dimension();
    }

    @Override
    public String modelName() {
        return "openai/" + settings.model();
    }

    @Override
    public boolean remote() {
        return true;
    }

    /** The configured dimension, else the provider's, learnt from one probe call. */
    @Override
    public int dimension() {
        if (dimension == 0) {
            dimension = embed("dimension probe").length;
        }
        return dimension;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            List<String> batch = texts.subList(from, Math.min(from + settings.batchSize(), texts.size()));
            try {
                vectors.addAll(producer.requestBody(OpenAiEmbeddingRoutes.EMBEDDINGS, new ArrayList<>(batch), List.class));
            } catch (CamelExecutionException e) {
                throw unwrap(e);
            }
        }
        return vectors;
    }

    /** The route's own failure, so callers classify the HTTP status or timeout, not Camel's wrapper. */
    static RuntimeException unwrap(CamelExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ProviderCallException(cause == null ? e : cause);
    }
}
