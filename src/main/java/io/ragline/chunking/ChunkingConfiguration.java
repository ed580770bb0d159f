package io.ragline.chunking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChunkingSettings.class)
public class ChunkingConfiguration {

    /** Both MiniLM variants use the uncased BERT word-piece vocabulary these are counted in. */
    @Bean
    WordPieces wordPieces() {
        return new WordPieces();
    }

    @Bean
    TokenAwareChunker chunker(WordPieces wordPieces, ChunkingSettings settings) {
        return new TokenAwareChunker(wordPieces, settings.maxTokens(), settings.overlapRatio());
    }
}
