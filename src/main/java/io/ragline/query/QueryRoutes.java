package io.ragline.query;

import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponseWriter;
import io.ragline.cache.CachedAnswers;
import io.ragline.config.RaglineProperties;
import io.ragline.resilience.Breakers;
import io.ragline.resilience.ErrorPolicy;
import io.ragline.resilience.ResilienceConfiguration;

/**
 * POST /api/query: validate, answer from the cache or retrieve and compose, reply. When the full path
 * fails, {@code direct:query-fallback} answers instead: a query always gets a 200.
 */
@Component
public class QueryRoutes extends RouteBuilder {

    private final QueryRequestParser parser;
    private final HybridRetrieval retrieval;
    private final AnswerComposer composer;
    private final CachedAnswers cachedAnswers;
    private final ApiResponseWriter responses;
    private final RaglineProperties.Resilience resilience;
    private final FullPathOrFallback fullPathOrFallback;

    public QueryRoutes(QueryRequestParser parser, HybridRetrieval retrieval, AnswerComposer composer,
                       CachedAnswers cachedAnswers, ApiResponseWriter responses, RaglineProperties properties,
                       FullPathOrFallback fullPathOrFallback) {
        this.fullPathOrFallback = fullPathOrFallback;
        this.parser = parser;
        this.retrieval = retrieval;
        this.composer = composer;
        this.cachedAnswers = cachedAnswers;
        this.responses = responses;
        this.resilience = properties.getResilience();
    }

    @Override
    public void configure() {
        from("direct:query-api").routeId("query-api").routeConfigurationId(ErrorPolicy.API)
                .convertBodyTo(String.class)
                .bean(parser, "parse").id("validate-query")
                .to("direct:query")
                .process(responses);

        from("direct:query").routeId("query").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(QueryContext.class, "start")
                .bean(cachedAnswers, "lookup").id("cache-lookup")
                .filter(exchange -> !exchange.getMessage().getBody(QueryContext.class).answered())
                    .bean(fullPathOrFallback, "answer").id("full-path-or-fallback")
                .end()
                .transform().body(QueryContext.class, QueryContext::toResponse);

        from("direct:full-answer").routeId("full-answer").routeConfigurationId(ErrorPolicy.INTERNAL)
                .to("direct:retrieve")
                .to("direct:compose-answer")
                .bean(cachedAnswers, "remember").id("cache-remember");

        ExecutorService searchPool = getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "retrieval", 4, 32);

        from("direct:retrieve").routeId("retrieve").routeConfigurationId(ErrorPolicy.INTERNAL)
                .to("direct:embed-query")
                // both searches read the index independently: run them side by side
                .multicast().parallelProcessing().executorService(searchPool).stopOnException()
                    .to("direct:vector-search", "direct:keyword-search")
                .end()
                .bean(retrieval, "fuse").id("fuse-rankings");

        Breakers.guardedCall(this, "embed-query", ErrorPolicy.QUERY_CALLS, ResilienceConfiguration.EMBEDDING_BREAKER,
                resilience.getEmbedding().getQueryTimeout(), retrieval, "embedQuery");
        Breakers.guardedCall(this, "vector-search", ErrorPolicy.QUERY_CALLS, ResilienceConfiguration.VECTORSTORE_BREAKER,
                resilience.getVectorstore().getQueryTimeout(), retrieval, "vectorSearch");
        Breakers.guardedCall(this, "keyword-search", ErrorPolicy.QUERY_CALLS, ResilienceConfiguration.VECTORSTORE_BREAKER,
                resilience.getVectorstore().getQueryTimeout(), retrieval, "keywordSearch");
    }
}
