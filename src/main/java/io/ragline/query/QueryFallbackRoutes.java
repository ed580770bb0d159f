package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:query-fallback}: keyword search, then the cached answer, then FAQ rules, then a generic
 * answer. Every step catches its own failure and leaves the question to the next.
 */
@Component
public class QueryFallbackRoutes extends RouteBuilder {

    static final String QUERY_FALLBACK = "direct:query-fallback";
    static final String FALLBACK_KEYWORD = "direct:fallback-keyword";
    static final String FALLBACK_CACHE = "direct:fallback-cache";
    static final String FALLBACK_FAQ = "direct:fallback-faq";

    private final QueryFallbacks fallbacks;

    public QueryFallbackRoutes(QueryFallbacks fallbacks) {
        this.fallbacks = fallbacks;
    }

    @Override
    public void configure() {
        from(QUERY_FALLBACK).routeId("query-fallback").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(fallbacks, "begin")
                .to(FALLBACK_KEYWORD)
                .filter(QueryFallbackRoutes::unanswered).to(FALLBACK_CACHE).end()
                .filter(QueryFallbackRoutes::unanswered).to(FALLBACK_FAQ).end()
                .filter(QueryFallbackRoutes::unanswered).bean(fallbacks, "generic").id("fallback-generic").end();

        from(FALLBACK_KEYWORD).routeId("fallback-keyword").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .doTry()
                    .to(RetrievalRoutes.KEYWORD_SEARCH).id("fallback-keyword-search")
                    .bean(fallbacks, "keyword")
                .doCatch(Exception.class)
                    .bean(fallbacks, "stepFailed")
                .end();

        from(FALLBACK_CACHE).routeId("fallback-cache").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .doTry()
                    .bean(fallbacks, "cache").id("fallback-cache-lookup")
                .doCatch(Exception.class)
                    .bean(fallbacks, "stepFailed")
                .end();

        from(FALLBACK_FAQ).routeId("fallback-faq").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .doTry()
                    .bean(fallbacks, "faq").id("fallback-faq-rules")
                .doCatch(Exception.class)
                    .bean(fallbacks, "stepFailed")
                .end();
    }

    private static boolean unanswered(Exchange exchange) {
        return !exchange.getMessage().getBody(QueryContext.class).answered();
    }
}
