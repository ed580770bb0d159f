package io.ragline.chunking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.embedding.Embedder;
import io.ragline.embedding.EmbeddingSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChunkingSettings.class)
public class ChunkingConfiguration {

    /** Both MiniLM variants use the uncased BERT word-piece vocabulary these are counted in. */
    @Bean
    WordPieces wordPieces() {
        return new WordPieces();
    }

    @Bean
    TokenAwareChunker chunker(WordPieces wordPieces, ChunkingSettings settings, Embedder embedder, EmbeddingSettings embedding) {
        ModelWindow window = new ModelWindow(embedder.window(), embedding.titleInVector());
        return new TokenAwareChunker(wordPieces, settings.maxTokens(), settings.overlapRatio(), window);
    }
}
