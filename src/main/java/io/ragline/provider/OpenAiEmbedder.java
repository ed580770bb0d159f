package io.ragline.provider;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import io.ragline.config.RaglineProperties;
import io.ragline.embedding.Embedder;

/** Embeddings from an OpenAI-compatible {@code /v1/embeddings}, through {@code direct:openai-embeddings}. */
public class OpenAiEmbedder implements Embedder {

    private final ProducerTemplate producer;
    private final RaglineProperties.OpenAi settings;
    private volatile int dimension;

    public OpenAiEmbedder(ProducerTemplate producer, RaglineProperties.OpenAi settings) {
        this.producer = producer;
        this.settings = settings;
        this.dimension = settings.getDimension();
    }

    @Override
    public String modelName() {
        return "openai/" + settings.getModel();
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
        for (int from = 0; from < texts.size(); from += settings.getBatchSize()) {
            List<String> batch = texts.subList(from, Math.min(from + settings.getBatchSize(), texts.size()));
            try {
                vectors.addAll(producer.requestBody(OpenAiRoutes.EMBEDDINGS, new ArrayList<>(batch), List.class));
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
