package io.ragline.query;

import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponseWriter;
import io.ragline.cache.CachedAnswers;
import io.ragline.resilience.ErrorPolicy;

/** POST /api/query: validate, answer from the cache or retrieve and compose, reply. */
@Component
public class QueryRoutes extends RouteBuilder {

    private final QueryRequestParser parser;
    private final HybridRetrieval retrieval;
    private final AnswerComposer composer;
    private final CachedAnswers cachedAnswers;
    private final ApiResponseWriter responses;

    public QueryRoutes(QueryRequestParser parser, HybridRetrieval retrieval, AnswerComposer composer,
                       CachedAnswers cachedAnswers, ApiResponseWriter responses) {
        this.parser = parser;
        this.retrieval = retrieval;
        this.composer = composer;
        this.cachedAnswers = cachedAnswers;
        this.responses = responses;
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
                    .to("direct:retrieve")
                    .bean(composer, "compose").id("compose-answer")
                    .bean(cachedAnswers, "remember").id("cache-remember")
                .end()
                .transform().body(QueryContext.class, (QueryContext context) -> context.response());

        ExecutorService searchPool = getCamelContext().getExecutorServiceManager()
                .newThreadPool(this, "retrieval", 4, 32);

        from("direct:retrieve").routeId("retrieve").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(retrieval, "embedQuery").id("embed-query")
                // both searches read the index independently: run them side by side
                .multicast().parallelProcessing().executorService(searchPool)
                    .to("direct:vector-search", "direct:keyword-search")
                .end()
                .bean(retrieval, "fuse").id("fuse-rankings");

        from("direct:vector-search").routeId("vector-search").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(retrieval, "vectorSearch").id("vector-search-call");

        from("direct:keyword-search").routeId("keyword-search").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(retrieval, "keywordSearch").id("keyword-search-call");
    }
}
