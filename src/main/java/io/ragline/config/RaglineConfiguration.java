package io.ragline.config;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;

import io.ragline.cache.AnswerCache;
import io.ragline.cache.CachedAnswers;
import io.ragline.cache.CaffeineAnswerCache;
import io.ragline.chunking.TokenAwareChunker;
import io.ragline.embedding.ChunkBatches;
import io.ragline.embedding.Embedder;
import io.ragline.embedding.LocalOnnxEmbedder;
import io.ragline.ingest.DocumentDeletion;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.DocumentsRequestParser;
import io.ragline.ingest.FileSources;
import io.ragline.ingest.TextNormaliser;
import io.ragline.observability.HealthService;
import io.ragline.query.AnswerComposer;
import io.ragline.query.ExtractiveAnswerer;
import io.ragline.query.HybridRetrieval;
import io.ragline.query.QueryRequestParser;
import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;

/** Wires the plain beans from {@link RaglineProperties}; routes only reference them. */
@Configuration(proxyBeanMethods = false)
public class RaglineConfiguration {

    @Bean(destroyMethod = "close")
    LocalOnnxEmbedder embedder(RaglineProperties properties) {
        RaglineProperties.Embedding embedding = properties.getEmbedding();
        if (!"local".equals(embedding.getProvider())) {
            throw new IllegalArgumentException("ragline.embedding.provider must be 'local', was '" + embedding.getProvider() + "'");
        }
        return new LocalOnnxEmbedder(embedding.getLocal().getModel(), embedding.getLocal().getThreads());
    }

    /** Both MiniLM variants use the uncased BERT word-piece vocabulary this estimator loads. */
    @Bean
    TokenCountEstimator tokenCountEstimator() {
        return new HuggingFaceTokenCountEstimator();
    }

    @Bean
    TokenAwareChunker chunker(TokenCountEstimator tokens, RaglineProperties properties) {
        return new TokenAwareChunker(tokens, properties.getChunking().getMaxTokens(), properties.getChunking().getOverlapRatio());
    }

    @Bean
    ChunkBatches chunkBatches(Embedder embedder, RaglineProperties properties) {
        return new ChunkBatches(embedder, properties.getEmbedding().getBatchSize());
    }

    @Bean(destroyMethod = "close")
    LuceneVectorStore vectorStore(Embedder embedder, RaglineProperties properties) {
        RaglineProperties.Store.Lucene lucene = properties.getStore().getLucene();
        return new LuceneVectorStore(lucene.getPath(), embedder.modelName(), embedder.dimension(),
                lucene.getNumCandidates(), lucene.getRamBufferMb());
    }

    @Bean
    AnswerCache answerCache(RaglineProperties properties) {
        RaglineProperties.Cache cache = properties.getCache();
        return new CaffeineAnswerCache(cache.getTtl(), cache.getMaxEntries());
    }

    @Bean
    CachedAnswers cachedAnswers(AnswerCache cache) {
        return new CachedAnswers(cache);
    }

    @Bean
    DocumentIndex documentIndex(VectorStore store, AnswerCache cache) {
        return new DocumentIndex(store, cache);
    }

    @Bean
    DocumentDeletion documentDeletion(DocumentIndex index) {
        return new DocumentDeletion(index);
    }

    @Bean
    FileSources fileSources(RaglineProperties properties) {
        return new FileSources(properties.getIngest().getMaxFileBytes());
    }

    @Bean
    DocumentsRequestParser documentsRequestParser(ObjectMapper json, TextNormaliser normaliser, RaglineProperties properties) {
        return new DocumentsRequestParser(json, normaliser, properties.getIngest().getMaxDocumentsPerRequest());
    }

    @Bean
    QueryRequestParser queryRequestParser(ObjectMapper json, RaglineProperties properties) {
        return new QueryRequestParser(json, properties.getQuery());
    }

    @Bean
    HybridRetrieval hybridRetrieval(Embedder embedder, VectorStore store, RaglineProperties properties) {
        return new HybridRetrieval(embedder, store, properties.getQuery());
    }

    @Bean
    AnswerComposer answerComposer(RaglineProperties properties) {
        return new AnswerComposer(new ExtractiveAnswerer(properties.getQuery().getAnswerSentences()));
    }

    @Bean
    HealthService healthService(VectorStore store, Embedder embedder, AnswerCache cache,
                                ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        return new HealthService(store, embedder, cache, info == null ? "dev" : info.getVersion());
    }
}
