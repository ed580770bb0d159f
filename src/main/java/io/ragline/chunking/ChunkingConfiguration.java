package io.ragline.chunking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChunkingSettings.class)
public class ChunkingConfiguration {

    /** Both MiniLM variants use the uncased BERT word-piece vocabulary this estimator loads. */
    @Bean
    TokenCountEstimator tokenCountEstimator() {
        return new HuggingFaceTokenCountEstimator();
    }

    @Bean
    TokenAwareChunker chunker(TokenCountEstimator tokens, ChunkingSettings settings) {
        return new TokenAwareChunker(tokens, settings.maxTokens(), settings.overlapRatio());
    }
}
