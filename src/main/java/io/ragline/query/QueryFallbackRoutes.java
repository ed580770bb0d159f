package io.ragline.query;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.resilience.ErrorPolicy;

/**
 * {@code direct:query-fallback}: keyword search, then the cached answer, then FAQ rules, then a generic
 * answer. Every step catches its own failure and leaves the question to the next.
 */
@Component
public class QueryFallbackRoutes extends RouteBuilder {

    private final QueryFallbacks fallbacks;

    public QueryFallbackRoutes(QueryFallbacks fallbacks) {
        this.fallbacks = fallbacks;
    }

    @Override
    public void configure() {
        from("direct:query-fallback").routeId("query-fallback").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(fallbacks, "begin")
                .to("direct:fallback-keyword")
                .filter(QueryFallbackRoutes::unanswered).to("direct:fallback-cache").end()
                .filter(QueryFallbackRoutes::unanswered).to("direct:fallback-faq").end()
                .filter(QueryFallbackRoutes::unanswered).bean(fallbacks, "generic").id("fallback-generic").end();

        from("direct:fallback-keyword").routeId("fallback-keyword").routeConfigurationId(ErrorPolicy.INTERNAL)
                .doTry()
                    .to("direct:keyword-search").id("fallback-keyword-search")
                    .bean(fallbacks, "keyword")
                .doCatch(Exception.class)
                    .bean(fallbacks, "stepFailed")
                .end();

        from("direct:fallback-cache").routeId("fallback-cache").routeConfigurationId(ErrorPolicy.INTERNAL)
                .doTry()
                    .bean(fallbacks, "cache").id("fallback-cache-lookup")
                .doCatch(Exception.class)
                    .bean(fallbacks, "stepFailed")
                .end();

        from("direct:fallback-faq").routeId("fallback-faq").routeConfigurationId(ErrorPolicy.INTERNAL)
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
