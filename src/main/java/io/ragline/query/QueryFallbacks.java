package io.ragline.query;

import java.util.List;
import java.util.Locale;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ragline.store.SearchHit;

/**
 * The steps of {@code direct:query-fallback}, tried in order until one answers: keyword search, the last
 * good cached answer, FAQ rules, a generic answer. Each answer is degraded and carries why the full path failed.
 */
public class QueryFallbacks {

    public static final String KEYWORD = "keyword";
    public static final String CACHE = "cache";
    public static final String FAQ = "faq";
    public static final String GENERIC = "generic";

    private static final Logger LOG = LoggerFactory.getLogger(QueryFallbacks.class);

    private final ExtractiveAnswerer extractive;
    private final CachedAnswers cache;
    private final FallbackSettings settings;

    public QueryFallbacks(ExtractiveAnswerer extractive, CachedAnswers cache, FallbackSettings settings) {
        this.extractive = extractive;
        this.cache = cache;
        this.settings = settings;
    }

    public void begin(@Body QueryContext context, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
                      @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String failedRoute) {
        String reason = FailureReasons.describe(failure, failedRoute);
        LOG.warn("Full answer path failed for client {} in {}: {}", context.request().clientId(), failedRoute,
                failure == null ? reason : rootMessage(failure));
        context.failure(reason);
        context.response(null);
    }

    /** Step 1: BM25 over the same index, no embedding needed. */
    public void keyword(QueryContext context) {
        List<SearchHit> hits = context.keywordHits().stream().limit(context.request().topK()).toList();
        if (hits.isEmpty()) {
            throw new NoFallbackAnswer("no keyword match");
        }
        QueryRequest request = context.request();
        context.response(new QueryResponse(request.query(), extractive.answer(request.query(), hits),
                QueryResponse.sourcesOf(hits), context.elapsedSeconds(), true, true, KEYWORD, false, context.failure()));
    }

    /** Step 2: the last good answer to the same question, even if stale. */
    public void cache(QueryContext context) {
        QueryResponse last = cache.lastGood(context.request()).orElseThrow(() -> new NoFallbackAnswer("no cached answer"));
        context.response(new QueryResponse(last.query(), last.answer(), last.sources(), context.elapsedSeconds(),
                true, true, CACHE, true, context.failure()));
    }

    /** Step 3: configured FAQ rules. */
    public void faq(QueryContext context) {
        String question = context.request().query().toLowerCase(Locale.ROOT);
        for (FallbackSettings.FaqRule rule : settings.faq()) {
            if (rule.patterns().stream().anyMatch(pattern -> question.contains(pattern.toLowerCase(Locale.ROOT)))) {
                List<QueryResponse.Source> sources = rule.sources().stream()
                        .map(source -> new QueryResponse.Source("faq", source, 0, 1.0, rule.answer()))
                        .toList();
                context.response(new QueryResponse(context.request().query(), rule.answer(), sources,
                        context.elapsedSeconds(), true, true, FAQ, false, context.failure()));
                return;
            }
        }
        throw new NoFallbackAnswer("no FAQ rule matches");
    }

    /** Step 4: cannot fail. */
    public void generic(QueryContext context) {
        context.response(new QueryResponse(context.request().query(), settings.genericAnswer(), List.of(),
                context.elapsedSeconds(), true, true, GENERIC, false, context.failure()));
    }

    public void stepFailed(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
                           @ExchangeProperty(Exchange.FAILURE_ROUTE_ID) String step) {
        LOG.info("Fallback step {} gave no answer: {}", step, failure == null ? "?" : rootMessage(failure));
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == failure ? message : failure.getClass().getSimpleName() + ": " + message;
    }

    /** A fallback step had nothing to offer; the next one is tried. */
    static class NoFallbackAnswer extends RuntimeException {
        NoFallbackAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
