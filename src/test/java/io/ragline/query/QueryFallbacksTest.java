package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.ragline.cache.CaffeineAnswerCache;
import io.ragline.metrics.MetricsSettings;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.store.SearchHit;
import io.ragline.support.Settings;

/** Each fallback step on its own: what it answers with, and when it leaves the question to the next. */
class QueryFallbacksTest {

    static final FallbackSettings SETTINGS = Settings.with(FallbackSettings.class, Map.of(
            "faq[0].patterns[0]", "vat", "faq[0].answer", "The VAT rate is 20%.", "faq[0].sources[0]", "CGI Art. 278",
            "generic-answer", "Please try again later."));

    static final RaglineMetrics METRICS = new RaglineMetrics(new SimpleMeterRegistry(), new MetricsSettings(List.of(), Map.of()));

    private final CachedAnswers cached = new CachedAnswers(new CaffeineAnswerCache(Duration.ofMinutes(1), 1_000_000),
            new ObjectMapper(), SETTINGS, METRICS);
    private final QueryFallbacks fallbacks = new QueryFallbacks(new ExtractiveAnswerer(3), cached, SETTINGS);

    @Test
    void keywordAnswersFromTheKeywordHitsCitingThem() {
        QueryContext context = failed("Where do tapirs live?");
        context.keywordHits(List.of(new SearchHit("tapir", "Tapirs", 0, "Tapirs live in forests of South America.", 3.2)));

        fallbacks.keyword(context);

        assertDegraded(context, QueryFallbacks.KEYWORD);
        assertThat(context.response().answer()).isEqualTo("Tapirs live in forests of South America. [1]");
        assertThat(context.response().sources()).extracting(QueryResponse.Source::documentId).containsExactly("tapir");
    }

    @Test
    void keywordWithoutHitsLeavesTheQuestionToTheNextStep() {
        assertThatThrownBy(() -> fallbacks.keyword(failed("anything"))).hasMessage("no keyword match");
    }

    @Test
    void cacheServesTheLastGoodAnswerToTheSameQuestion() {
        QueryContext earlier = new QueryContext(new QueryRequest("Where do tapirs live?", "zoo", 5));
        cached.lookup(earlier); // as the query route does: the answer is cached under the generation it read
        earlier.response(new QueryResponse(earlier.request().query(), "In forests. [1]", List.of(), 0.01, true, false, "rag", false, null));
        cached.remember(earlier);

        QueryContext context = failed("where do TAPIRS live?");
        fallbacks.cache(context);

        assertDegraded(context, QueryFallbacks.CACHE);
        assertThat(context.response().answer()).isEqualTo("In forests. [1]");
        assertThat(context.response().cached()).isTrue();
        assertThatThrownBy(() -> fallbacks.cache(failed("another question"))).hasMessage("no cached answer");
    }

    @Test
    void faqAnswersAQuestionContainingAPatternInAnyCase() {
        QueryContext context = failed("What is the VAT on books?");
        fallbacks.faq(context);

        assertDegraded(context, QueryFallbacks.FAQ);
        assertThat(context.response().answer()).isEqualTo("The VAT rate is 20%.");
        assertThat(context.response().sources()).extracting(QueryResponse.Source::title).containsExactly("CGI Art. 278");
        assertThatThrownBy(() -> fallbacks.faq(failed("Why is the sky blue?"))).hasMessage("no FAQ rule matches");
    }

    @Test
    void genericAlwaysAnswers() {
        QueryContext context = failed("Why is the sky blue?");
        fallbacks.generic(context);

        assertDegraded(context, QueryFallbacks.GENERIC);
        assertThat(context.response().answer()).isEqualTo("Please try again later.");
        assertThat(context.response().sources()).isEmpty();
    }

    /** A question whose full path failed, as {@code begin} leaves it. */
    private QueryContext failed(String question) {
        QueryContext context = new QueryContext(new QueryRequest(question, "zoo", 5));
        fallbacks.begin(context, new ConnectException("Connection refused: 10.1.2.3:443"), "embed-query");
        return context;
    }

    private static void assertDegraded(QueryContext context, String step) {
        assertThat(context.response().source()).isEqualTo(step);
        assertThat(context.response().degraded()).isTrue();
        assertThat(context.response().success()).isTrue();
        assertThat(context.response().error()).as("which dependency and how, not the exception's own words")
                .isEqualTo("the embedding service is unreachable");
    }
}
