package io.ragline.embedding;

import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.provider.OpenAiEndpoint;

/** The embedding model: in-process ONNX by default, or an OpenAI-compatible service. Never both. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddingSettings.class)
public class EmbeddingConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = EmbeddingSettings.PROVIDER, havingValue = "local", matchIfMissing = true)
    LocalOnnxEmbedder localEmbedder(EmbeddingSettings settings) {
        return new LocalOnnxEmbedder(settings.local().model(), settings.local().threads(), settings.local().intraOpThreads());
    }

    @Bean
    @ConditionalOnProperty(name = EmbeddingSettings.PROVIDER, havingValue = "openai")
    OpenAiEmbedder openAiEmbedder(ProducerTemplate producer, EmbeddingSettings settings) {
        settings.openai().warnWithoutApiKey("ragline.embedding.openai.api-key");
        return new OpenAiEmbedder(producer, settings.openai());
    }

    /** The endpoint, for the HTTP client's timeouts; only when it is used. */
    @Bean
    @ConditionalOnProperty(name = EmbeddingSettings.PROVIDER, havingValue = "openai")
    OpenAiEndpoint embeddingEndpoint(EmbeddingSettings settings) {
        return settings.openai();
    }

    @Bean
    @ConditionalOnProperty(name = EmbeddingSettings.PROVIDER, havingValue = "openai")
    OpenAiEmbeddingRoutes openAiEmbeddingRoutes(EmbeddingSettings settings) {
        return new OpenAiEmbeddingRoutes(settings.openai());
    }

    /** A provider nobody serves: binding the settings fails the start-up naming the key and the valid values. */
    @Bean
    @ConditionalOnExpression("!'${" + EmbeddingSettings.PROVIDER + ":local}'.equalsIgnoreCase('local')"
            + " and !'${" + EmbeddingSettings.PROVIDER + ":local}'.equalsIgnoreCase('openai')")
    Embedder unknownProvider(EmbeddingSettings settings) {
        throw new IllegalStateException("no embedder serves " + EmbeddingSettings.PROVIDER + "=" + settings.provider());
    }

    @Bean
    ChunkBatches chunkBatches(Embedder embedder, EmbeddingSettings settings) {
        return new ChunkBatches(embedder, settings.batchSize(), settings.titleInVector(), settings.titleVector());
    }
}
