package io.ragline.cache;

import io.ragline.query.QueryContext;

/** Query-route steps around the cache: answer fresh hits at once, remember full answers. */
public class CachedAnswers {

    private final AnswerCache cache;

    public CachedAnswers(AnswerCache cache) {
        this.cache = cache;
    }

    public void lookup(QueryContext context) {
        cache.get(context.request()).ifPresent(hit -> context.response(hit.fromCache(context.elapsedSeconds())));
    }

    public void remember(QueryContext context) {
        if (context.answered() && context.response().success() && !context.response().degraded()) {
            cache.put(context.request(), context.response());
        }
    }
}
