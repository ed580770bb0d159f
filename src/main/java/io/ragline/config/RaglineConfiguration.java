package io.ragline.config;


import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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
import io.ragline.ingest.DocumentMessages;
import io.ragline.ingest.KafkaRecords;
import io.ragline.ingest.DocumentsRequestParser;
import io.ragline.ingest.FileIngestRoutes;
import io.ragline.ingest.FileSources;
import io.ragline.ingest.LargeTextFiles;
import io.ragline.ingest.TextNormaliser;
import io.ragline.ingest.FolderKeys;
import io.ragline.ingest.FolderMirror;
import io.ragline.idempotency.DirectoryIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import java.time.Clock;
import io.ragline.observability.HealthService;
import io.ragline.provider.OpenAiEmbedder;
import io.ragline.provider.OpenAiRoutes;
import io.ragline.query.AnswerComposer;
import io.ragline.query.ExtractiveAnswerer;
import io.ragline.query.HybridRetrieval;
import io.ragline.query.LlmAnswerer;
import io.ragline.query.QueryFallbacks;
import io.ragline.resilience.CircuitBreakers;
import io.ragline.query.QueryRequestParser;
import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;

/** Wires the plain beans from {@link RaglineProperties}; routes only reference them. */
@Configuration(proxyBeanMethods = false)
public class RaglineConfiguration {

    @Bean
    Embedder embedder(RaglineProperties properties, ProducerTemplate producer) {
        RaglineProperties.Embedding embedding = properties.getEmbedding();
        return switch (embedding.getProvider()) {
            case "local" -> new LocalOnnxEmbedder(embedding.getLocal().getModel(), embedding.getLocal().getThreads());
            case "openai" -> new OpenAiEmbedder(producer, embedding.getOpenai());
            default -> throw new IllegalArgumentException("ragline.embedding.provider must be 'local' or 'openai', was '"
                    + embedding.getProvider() + "'");
        };
    }

    /** Only when a provider speaks the OpenAI API: the routes need its base URL. */
    @Bean
    @ConditionalOnExpression("'${ragline.embedding.provider:local}' == 'openai' or '${ragline.llm.provider:none}' == 'openai'")
    OpenAiRoutes openAiRoutes(RaglineProperties properties) {
        return new OpenAiRoutes(properties);
    }

    /**
     * The provider timeouts bound each HTTP exchange (camel-http sets timeouts per component, not per
     * endpoint); the breakers' own timeouts bound each call as a whole on the query and ingest paths.
     */
    @Bean
    ComponentCustomizer providerHttpTimeouts(RaglineProperties properties) {
        long timeout = Math.max(properties.getEmbedding().getOpenai().getTimeout().toMillis(),
                properties.getLlm().getOpenai().getTimeout().toMillis());
        return ComponentCustomizer.forType(HttpComponent.class, http -> {
            http.setConnectTimeout(Math.min(timeout, 10_000));
            http.setResponseTimeout(timeout);
            http.setSoTimeout(timeout);
        });
    }

    /**
     * The index learns the embedding model once Camel runs (a remote provider tells its dimension through
     * a route). A runner, because its failure stops the start-up: a mismatch must not go unnoticed.
     */
    @Bean
    ApplicationRunner bindStoreToEmbeddingModel(VectorStore store, Embedder embedder) {
        return arguments -> store.bindEmbeddingModel(embedder.modelName(), embedder.dimension());
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
    LuceneVectorStore vectorStore(RaglineProperties properties) {
        if (!"lucene".equals(properties.getStore().getBackend())) {
            throw new IllegalArgumentException("ragline.store.backend must be 'lucene', was '" + properties.getStore().getBackend() + "'");
        }
        RaglineProperties.Store.Lucene lucene = properties.getStore().getLucene();
        return new LuceneVectorStore(lucene.getPath(), lucene.getNumCandidates(), lucene.getRamBufferMb(),
                lucene.getHnswMaxConn(), lucene.getHnswBeamWidth());
    }

    @Bean
    AnswerCache answerCache(RaglineProperties properties) {
        RaglineProperties.Cache cache = properties.getCache();
        return new CaffeineAnswerCache(cache.getTtl(), properties.getFallback().getStaleAnswerTtl(), cache.getMaxEntries());
    }

    @Bean
    CachedAnswers cachedAnswers(AnswerCache cache) {
        return new CachedAnswers(cache);
    }

    /**
     * The ingest idempotent repository, keyed (client, document id, content hash): on the local disk by
     * default, shared by every replica that mounts the same directory.
     */
    @Bean(FileIngestRoutes.REPOSITORY)
    IdempotentRepository ingestRepository(RaglineProperties properties) {
        RaglineProperties.Idempotency idempotency = properties.getIngest().getIdempotency();
        return new DirectoryIdempotentRepository(idempotency.getPath(), idempotency.getClaimTimeout(), Clock.systemUTC());
    }

    @Bean
    DocumentIndex documentIndex(VectorStore store, AnswerCache cache, IdempotentRepository ingestRepository) {
        return new DocumentIndex(store, cache, ingestRepository);
    }

    @Bean
    FolderKeys folderKeys() {
        return new FolderKeys();
    }

    @Bean
    FolderMirror folderMirror(RaglineProperties properties, VectorStore store, DocumentIndex index) {
        return new FolderMirror(properties.getIngest().getInbox(), store, index);
    }

    @Bean
    DocumentDeletion documentDeletion(DocumentIndex index) {
        return new DocumentDeletion(index);
    }

    @Bean
    FileSources fileSources(RaglineProperties properties, LargeTextFiles largeTextFiles) {
        return new FileSources(properties.getIngest().getMaxFileBytes(), properties.getIngest().getInbox(), largeTextFiles);
    }

    @Bean
    LargeTextFiles largeTextFiles(RaglineProperties properties, TextNormaliser normaliser, TokenAwareChunker chunker,
                                  FolderKeys folderKeys) {
        return new LargeTextFiles(properties.getIngest().getFolder().getStreamThresholdBytes(), normaliser, chunker, folderKeys);
    }

    @Bean
    DocumentMessages documentMessages(ObjectMapper json, RaglineProperties properties) {
        return new DocumentMessages(json, properties.getIngest().getMaxFileBytes());
    }

    @Bean
    KafkaRecords kafkaRecords(DocumentMessages messages) {
        return new KafkaRecords(messages);
    }

    /**
     * The embedded broker's queues: failing messages are redelivered with a growing delay, then parked in
     * the dead-letter queue, never dropped. An external broker needs the same address settings.
     */
    @Bean
    ArtemisConfigurationCustomizer raglineQueues(RaglineProperties properties) {
        RaglineProperties.Jms jms = properties.getIngest().getJms();
        return configuration -> configuration.addAddressSetting(jms.getQueue(), new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(jms.getDlqQueue()))
                .setMaxDeliveryAttempts(jms.getMaxDeliveryAttempts())
                .setRedeliveryDelay(jms.getRedeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(jms.getRedeliveryDelay().toMillis() * 30));
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
    ExtractiveAnswerer extractiveAnswerer(RaglineProperties properties) {
        return new ExtractiveAnswerer(properties.getQuery().getAnswerSentences());
    }

    @Bean
    AnswerComposer answerComposer(ExtractiveAnswerer extractive) {
        return new AnswerComposer(extractive);
    }

    @Bean
    LlmAnswerer llmAnswerer(ProducerTemplate producer, RaglineProperties properties) {
        return new LlmAnswerer(producer, properties.getLlm());
    }

    @Bean
    QueryFallbacks queryFallbacks(ExtractiveAnswerer extractive, AnswerCache cache, RaglineProperties properties) {
        return new QueryFallbacks(extractive, cache, properties.getFallback());
    }

    @Bean
    HealthService healthService(VectorStore store, Embedder embedder, AnswerCache cache, CircuitBreakers breakers,
                                RaglineProperties properties, ObjectProvider<BuildProperties> build) {
        BuildProperties info = build.getIfAvailable();
        return new HealthService(store, embedder, cache, breakers, "openai".equals(properties.getLlm().getProvider()),
                info == null ? "dev" : info.getVersion());
    }
}
