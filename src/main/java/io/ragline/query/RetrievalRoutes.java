package io.ragline.query;

import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.Breakers;
import io.ragline.resilience.ResilienceConfiguration;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.resilience.ResilienceSettings;

/**
 * {@code direct:retrieve}: embed the question, then vector and keyword search side by side, then fuse.
 * Each dependency call goes through its breaker, with the query path's short redelivery policy.
 */
@Component
public class RetrievalRoutes extends RouteBuilder {

    static final String RETRIEVE = "direct:retrieve";
    static final String EMBED_QUERY = "direct:embed-query";
    static final String EMBED_QUERY_ATTEMPT = "direct:embed-query-attempt";
    static final String VECTOR_SEARCH = "direct:vector-search";
    static final String VECTOR_SEARCH_ATTEMPT = "direct:vector-search-attempt";
    static final String KEYWORD_SEARCH = "direct:keyword-search";
    static final String KEYWORD_SEARCH_ATTEMPT = "direct:keyword-search-attempt";

    private final HybridRetrieval retrieval;
    private final ResilienceSettings resilience;

    public RetrievalRoutes(HybridRetrieval retrieval, ResilienceSettings resilience) {
        this.retrieval = retrieval;
        this.resilience = resilience;
    }

    @Override
    public void configure() {
        ExecutorService searchPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "retrieval", 4, 32);

        from(RETRIEVE).routeId("retrieve").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .to(EMBED_QUERY)
                // both searches read the index independently: run them side by side
                .multicast().parallelProcessing().executorService(searchPool).stopOnException()
                    .to(VECTOR_SEARCH, KEYWORD_SEARCH)
                .end()
                .bean(retrieval, "fuse").id("fuse-rankings");

        Breakers.guardedCall(this, EMBED_QUERY, EMBED_QUERY_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.EMBEDDING_BREAKER, resilience.embedding().queryTimeout(), retrieval, "embedQuery");
        Breakers.guardedCall(this, VECTOR_SEARCH, VECTOR_SEARCH_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.VECTORSTORE_BREAKER, resilience.vectorstore().queryTimeout(), retrieval, "vectorSearch");
        Breakers.guardedCall(this, KEYWORD_SEARCH, KEYWORD_SEARCH_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.VECTORSTORE_BREAKER, resilience.vectorstore().queryTimeout(), retrieval, "keywordSearch");
    }
}
