package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import io.ragline.store.KeywordHeadStart;

/**
 * A question whose full path fails before its search, the embedding service down, still gives back the
 * keyword ranking started for it: {@link FullPathOrFallback} closes it before the fallback answers.
 */
class KeywordHeadStartAbandonedTest extends CamelTestSupport {

    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger closedWhenTheFallbackRan = new AtomicInteger(-1);

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(QueryRoutes.FULL_ANSWER).routeId("full-answer-stub").process(exchange -> {
                    // as direct:retrieve does, then the embedding fails
                    exchange.getMessage().getBody(QueryContext.class).keywordHeadStart(closed::incrementAndGet);
                    throw new ConnectException("Connection refused");
                });
                from(QueryFallbackRoutes.QUERY_FALLBACK).routeId("query-fallback-stub")
                        .process(exchange -> closedWhenTheFallbackRan.set(closed.get()));
            }
        };
    }

    @Test
    void theKeywordRankingStartedForAQuestionThatFailsBeforeItsSearchIsClosed() {
        QueryContext question = new QueryContext(new QueryRequest("What do tapirs grab?", "zoo", 5));

        new FullPathOrFallback(template).answer(question);

        assertThat(closed).hasValue(1);
        assertThat(closedWhenTheFallbackRan).as("closed before the fallback runs").hasValue(1);
        assertThat(question.takeKeywordHeadStart()).isSameAs(KeywordHeadStart.NONE);
    }
}
