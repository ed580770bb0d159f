package io.ragline.query;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiDocs;
import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.ApiPaths;
import io.ragline.api.ApiResponseWriter;
import io.ragline.api.AuthenticatedClient;
import io.ragline.document.LogContext;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.security.ClientRateLimits;

/**
 * POST /api/query: validate, answer from the cache or retrieve and compose, reply. When the full path
 * fails, {@code direct:query-fallback} answers instead: a query always gets a 200.
 */
@Component
public class QueryRoutes extends RouteBuilder {

    static final String QUERY_API = "direct:query-api";
    static final String QUERY = "direct:query";
    static final String FULL_ANSWER = "direct:full-answer";

    private final QueryRequestParser parser;
    private final CachedAnswers cachedAnswers;
    private final ApiResponseWriter responses;
    private final FullPathOrFallback fullPathOrFallback;
    private final RaglineMetrics metrics;
    private final ClientRateLimits rateLimits;

    public QueryRoutes(QueryRequestParser parser, CachedAnswers cachedAnswers, ApiResponseWriter responses,
                       FullPathOrFallback fullPathOrFallback, RaglineMetrics metrics, ClientRateLimits rateLimits) {
        this.parser = parser;
        this.cachedAnswers = cachedAnswers;
        this.responses = responses;
        this.fullPathOrFallback = fullPathOrFallback;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
    }

    @Override
    public void configure() {
        ApiDocs.errors(rest()
                .post(ApiPaths.QUERY).id("rest-query").consumes("application/json").produces("application/json")
                    .description("Answers a question from the client's documents, with its sources")
                    .type(QueryBody.class).outType(QueryResponse.class)
                    .responseMessage().code(200).message("The answer; degraded and source say whether a fallback step produced it")
                        .responseModel(QueryResponse.class).endResponseMessage(), 400, 401, 403, 413, 429)
                    .to(QUERY_API);

        from(QUERY_API).routeId("query-api").routeConfigurationId(ApiErrorPolicy.API)
                .convertBodyTo(String.class)
                .bean(parser, "parse(${body}, ${header." + AuthenticatedClient.HEADER + "})").id("validate-query")
                .process(exchange -> LogContext.client(exchange.getMessage().getBody(QueryRequest.class).clientId()))
                .process(exchange -> rateLimits.checkQuery(exchange.getMessage().getBody(QueryRequest.class).clientId(),
                        exchange.getMessage().getHeader(AuthenticatedClient.HEADER, String.class))).id("rate-limit-query")
                .to(QUERY)
                .process(responses);

        from(QUERY).routeId("query").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(QueryContext.class, "start")
                .bean(cachedAnswers, "lookup").id("cache-lookup")
                .filter(exchange -> !exchange.getMessage().getBody(QueryContext.class).answered())
                    .bean(fullPathOrFallback, "answer").id("full-path-or-fallback")
                .end()
                .process(exchange -> countAnswer(exchange.getMessage().getBody(QueryContext.class))).id("count-answer")
                .transform().body(QueryContext.class, QueryContext::toResponse);

        from(FULL_ANSWER).routeId("full-answer").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .to(RetrievalRoutes.RETRIEVE)
                .to(AnswerRoutes.COMPOSE_ANSWER)
                .bean(cachedAnswers, "remember").id("cache-remember");
    }

    private void countAnswer(QueryContext context) {
        QueryResponse response = context.response();
        metrics.answered(response.source(), response.cached(), context.request().clientId());
    }
}
