package io.ragline.query;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.Breakers;
import io.ragline.resilience.ResilienceConfiguration;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.resilience.ResilienceSettings;

/**
 * {@code direct:retrieve}: embed the question, then the store's hybrid search (vector and keyword rankings
 * fused). The keyword ranking needs no vector: it starts first and runs while the question is embedded.
 * Each dependency call goes through its breaker, with the query path's short redelivery policy.
 * {@code direct:keyword-search} is the keyword ranking alone, for the fallback.
 */
@Component
public class RetrievalRoutes extends RouteBuilder {

    static final String RETRIEVE = "direct:retrieve";
    static final String EMBED_QUERY = "direct:embed-query";
    static final String EMBED_QUERY_ATTEMPT = "direct:embed-query-attempt";
    static final String HYBRID_SEARCH = "direct:hybrid-search";
    static final String HYBRID_SEARCH_ATTEMPT = "direct:hybrid-search-attempt";
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
        from(RETRIEVE).routeId("retrieve").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(retrieval, "startKeywordRanking").id("start-keyword-ranking")
                .to(EMBED_QUERY)
                .to(HYBRID_SEARCH);

        Breakers.guardedCall(this, EMBED_QUERY, EMBED_QUERY_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.EMBEDDING_BREAKER, resilience.embedding().queryTimeout(), retrieval, "embedQuery");
        Breakers.guardedCall(this, HYBRID_SEARCH, HYBRID_SEARCH_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.VECTORSTORE_BREAKER, resilience.vectorstore().queryTimeout(), retrieval, "hybridSearch");
        Breakers.guardedCall(this, KEYWORD_SEARCH, KEYWORD_SEARCH_ATTEMPT, ResiliencePolicies.QUERY_CALLS,
                ResilienceConfiguration.VECTORSTORE_BREAKER, resilience.vectorstore().queryTimeout(), retrieval, "keywordSearch");
    }
}
