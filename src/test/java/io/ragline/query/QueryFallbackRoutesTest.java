package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.cache.CaffeineAnswerCache;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.store.SearchHit;

/**
 * {@code direct:query-fallback} with the keyword search stubbed: each step answers when the ones before
 * it cannot, and a step that fails leaves the question to the next instead of failing the answer.
 */
class QueryFallbackRoutesTest extends CamelTestSupport {

    /** What the stubbed keyword search finds; null: the index is down. */
    private final AtomicReference<List<SearchHit>> keywordHits = new AtomicReference<>();
    private final CachedAnswers cached = new CachedAnswers(new CaffeineAnswerCache(Duration.ofMinutes(1), 1_000_000),
            new ObjectMapper(), QueryFallbacksTest.SETTINGS, QueryFallbacksTest.METRICS);

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] {
            new RouteConfigurationBuilder() {
                @Override
                public void configuration() {
                    routeConfiguration(ResiliencePolicies.INTERNAL).errorHandler(noErrorHandler());
                }
            },
            new QueryFallbackRoutes(new QueryFallbacks(new ExtractiveAnswerer(3), cached, QueryFallbacksTest.SETTINGS)),
            new RouteBuilder() {
                @Override
                public void configure() {
                    from(RetrievalRoutes.KEYWORD_SEARCH).routeId("keyword-search-stub").process(exchange -> {
                        List<SearchHit> hits = keywordHits.get();
                        if (hits == null) {
                            throw new IOException("index unavailable");
                        }
                        exchange.getMessage().getBody(QueryContext.class).keywordHits(hits);
                    });
                }
            }
        };
    }

    @Test
    void eachStepAnswersWhenTheOnesBeforeItCannot() {
        keywordHits.set(List.of(new SearchHit("tapir", "Tapirs", 0, "Tapirs grab leaves with their trunk.", 2.0)));
        assertThat(fallback("What do tapirs grab?").source()).isEqualTo(QueryFallbacks.KEYWORD);

        keywordHits.set(null);
        QueryContext earlier = new QueryContext(new QueryRequest("What do tapirs grab?", "zoo", 5));
        cached.lookup(earlier); // as the query route does: the answer is cached under the generation it read
        earlier.response(new QueryResponse("What do tapirs grab?", "Leaves. [1]", List.of(), 0.01, true, false, "rag", false, null));
        cached.remember(earlier);
        assertThat(fallback("What do tapirs grab?").source()).as("index down: the cached answer").isEqualTo(QueryFallbacks.CACHE);

        assertThat(fallback("Is VAT due on books?").source()).as("nothing cached: FAQ").isEqualTo(QueryFallbacks.FAQ);

        keywordHits.set(List.of());
        QueryResponse generic = fallback("Why is the sky blue?");
        assertThat(generic.source()).isEqualTo(QueryFallbacks.GENERIC);
        assertThat(generic.degraded()).isTrue();
        assertThat(generic.error()).isEqualTo("the embedding service is unreachable");
    }

    private QueryResponse fallback(String question) {
        QueryContext context = new QueryContext(new QueryRequest(question, "zoo", 5));
        Exchange done = template.send(QueryFallbackRoutes.QUERY_FALLBACK, exchange -> {
            exchange.getMessage().setBody(context);
            exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ConnectException("Connection refused"));
            exchange.setProperty(Exchange.FAILURE_ROUTE_ID, "embed-query");
        });
        assertThat(done.getException()).isNull();
        return context.response();
    }
}
