package io.ragline.query;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.api.ApiPaths;
import io.ragline.api.BodyLimit;
import io.ragline.api.JsonBodies;
import io.ragline.cache.AnswerCache;
import io.ragline.document.Limits;
import io.ragline.embedding.Embedder;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.provider.OpenAiEndpoint;
import io.ragline.resilience.ResilienceConfiguration;
import io.ragline.resilience.ResilienceSettings;
import io.ragline.store.VectorStore;
import io.ragline.text.TextNormaliser;

/** Questions in, answers out: retrieval, composition (extractive, or an LLM), cache and fallback steps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({QuerySettings.class, LlmSettings.class, FallbackSettings.class})
public class QueryConfiguration {

    /** A question needs kilobytes: its body is never read past them. */
    @Bean
    BodyLimit queryBodyLimit(Limits limits) {
        return BodyLimit.small(limits, HttpMethod.POST, ApiPaths.QUERY);
    }

    @Bean
    QueryRequestParser queryRequestParser(JsonBodies json, QuerySettings settings, Limits limits, TextNormaliser normaliser) {
        return new QueryRequestParser(json, settings, limits, normaliser);
    }

    @Bean
    HybridRetrieval hybridRetrieval(Embedder embedder, VectorStore store,
                                    @Qualifier(ResilienceConfiguration.VECTORSTORE_BREAKER) CircuitBreaker storeBreaker,
                                    QuerySettings settings) {
        return new HybridRetrieval(embedder, store, storeBreaker, settings);
    }

    @Bean
    ExtractiveAnswerer extractiveAnswerer(QuerySettings settings) {
        return new ExtractiveAnswerer(settings.answerSentences());
    }

    @Bean
    AnswerComposer answerComposer(ExtractiveAnswerer extractive) {
        return new AnswerComposer(extractive);
    }

    @Bean
    CachedAnswers cachedAnswers(AnswerCache cache, ObjectMapper json, FallbackSettings fallback, RaglineMetrics metrics) {
        return new CachedAnswers(cache, json, fallback, metrics);
    }

    @Bean
    QueryFallbacks queryFallbacks(ExtractiveAnswerer extractive, CachedAnswers cached, FallbackSettings settings) {
        return new QueryFallbacks(extractive, cached, settings);
    }

    @Bean
    @ConditionalOnProperty(name = LlmSettings.PROVIDER, havingValue = "openai")
    LlmAnswerer llmAnswerer(LlmSettings settings) {
        settings.openai().warnWithoutApiKey("ragline.llm.openai.api-key");
        return new LlmAnswerer(settings);
    }

    /** The endpoint, for the HTTP client's timeouts; only when it is used. */
    @Bean
    @ConditionalOnProperty(name = LlmSettings.PROVIDER, havingValue = "openai")
    OpenAiEndpoint chatEndpoint(LlmSettings settings) {
        return settings.openai();
    }

    @Bean
    @ConditionalOnProperty(name = LlmSettings.PROVIDER, havingValue = "openai")
    OpenAiChatRoutes openAiChatRoutes(LlmSettings settings, RaglineMetrics metrics) {
        return new OpenAiChatRoutes(settings.openai(), metrics);
    }

    /** Extractive answers without an LLM; generated ones, with the extractive answer as their fallback, with one. */
    @Bean
    AnswerRoutes answerRoutes(AnswerComposer composer, ObjectProvider<LlmAnswerer> llm, ResilienceSettings resilience) {
        return new AnswerRoutes(composer, llm.getIfAvailable(), resilience);
    }
}
