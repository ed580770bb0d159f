package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.cache.CaffeineAnswerCache;

/** A question answered from the index as it was before a document change is not served from the cache after it. */
class CachedAnswersTest {

    private final CaffeineAnswerCache cache = new CaffeineAnswerCache(Duration.ofMinutes(10), 1_000_000);
    private final CachedAnswers cached = new CachedAnswers(cache, new ObjectMapper(), QueryFallbacksTest.SETTINGS, QueryFallbacksTest.METRICS);

    @Test
    void anAnswerDrawnWhileADocumentChangedIsNotCached() {
        QueryContext slow = new QueryContext(new QueryRequest("Where do tapirs live?", "zoo", 5));
        cached.lookup(slow);
        // the answer is drawn from the old index; meanwhile the document changes and is committed
        slow.response(answer(slow, "In forests. [1]"));
        cache.invalidateClient("zoo");
        cache.forgetDocument("zoo", "tapirs");
        cached.remember(slow);

        QueryContext next = new QueryContext(new QueryRequest("Where do tapirs live?", "zoo", 5));
        cached.lookup(next);
        assertThat(next.answered()).as("the old answer is not served").isFalse();

        next.response(answer(next, "In forests and swamps. [1]"));
        cached.remember(next);
        QueryContext third = new QueryContext(new QueryRequest("Where do tapirs live?", "zoo", 5));
        cached.lookup(third);
        assertThat(third.response().answer()).isEqualTo("In forests and swamps. [1]");
        assertThat(third.response().cached()).isTrue();
    }

    private static QueryResponse answer(QueryContext context, String answer) {
        return new QueryResponse(context.request().query(), answer,
                List.of(new QueryResponse.Source("tapirs", "Tapirs", 0, 1.0, "Tapirs live in forests.", null)),
                0.01, true, false, "rag", false, null);
    }
}
