package io.ragline.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.ragline.provider.OpenAiEndpoint;

/**
 * {@code ragline.embedding.*}: which model turns text into vectors; application.yml documents each key.
 *
 * @param batchSize chunks per embedding call, the unit of retry
 * @param titleInVector the document title goes before each chunk's text for the model, not into the store
 * @param titleVector the document title is also embedded on its own, for hybrid search's title signal
 */
@Validated
@ConfigurationProperties("ragline.embedding")
public record EmbeddingSettings(
        @NotNull @DefaultValue("local") Provider provider,
        @Min(1) @Max(2048) @DefaultValue("32") int batchSize,
        @DefaultValue("true") boolean titleInVector,
        @DefaultValue("true") boolean titleVector,
        @Valid @DefaultValue Local local,
        @Valid @DefaultValue @NestedConfigurationProperty OpenAiEndpoint openai) {

    public static final String PROVIDER = "ragline.embedding.provider";

    public EmbeddingSettings {
        openai = openai == null ? null : openai.withDefaultModel("text-embedding-3-small");
    }

    public enum Provider {
        /** In-process ONNX model, no external service. */
        LOCAL,
        /** Any OpenAI-compatible {@code /v1/embeddings}. */
        OPENAI
    }

    /**
     * @param model all-minilm-l6-v2-q, all-minilm-l6-v2 or bge-small-en-v1.5-q
     * @param threads threads embedding in parallel; 0 = one per core
     */
    public record Local(
            @NotNull @DefaultValue("all-minilm-l6-v2-q") String model,
            @Min(0) @DefaultValue("0") int threads,
            @Min(0) @DefaultValue("1") int intraOpThreads) {
    }
}
