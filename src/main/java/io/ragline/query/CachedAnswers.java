package io.ragline.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.cache.AnswerCache;
import io.ragline.cache.AnswerKey;
import io.ragline.cache.CachedAnswer;
import io.ragline.metrics.RaglineMetrics;

/** Query-route steps around the answer cache: answer fresh hits at once, remember full answers as JSON. */
public class CachedAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(CachedAnswers.class);

    private final AnswerCache cache;
    private final ObjectMapper json;
    private final FallbackSettings fallback;
    private final RaglineMetrics metrics;

    public CachedAnswers(AnswerCache cache, ObjectMapper json, FallbackSettings fallback, RaglineMetrics metrics) {
        this.cache = cache;
        this.json = json;
        this.fallback = fallback;
        this.metrics = metrics;
    }

    public void lookup(QueryContext context) {
        context.cacheGeneration(cache.generation(context.request().clientId()));
        cache.fresh(keyOf(context.request()), context.cacheGeneration()).flatMap(this::read)
                .ifPresent(hit -> context.response(hit.fromCache(context.elapsedSeconds())));
        metrics.cacheLookup(context.answered());
    }

    public void remember(QueryContext context) {
        if (context.answered() && context.response().success() && !context.response().degraded()) {
            try {
                Set<String> cited = context.response().sources().stream().map(QueryResponse.Source::documentId)
                        .collect(Collectors.toSet());
                cache.put(keyOf(context.request()), context.cacheGeneration(),
                        new CachedAnswer(json.writeValueAsString(context.response()), cited), fallback.staleAnswerTtl());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The last good answer to the same question, for the fallback. */
    public Optional<QueryResponse> lastGood(QueryRequest request) {
        return cache.lastGood(keyOf(request)).flatMap(this::read);
    }

    private static AnswerKey keyOf(QueryRequest request) {
        return AnswerKey.of(request.clientId(), request.query(), request.topK(), request.filter().canonical());
    }

    /** An entry that no longer reads (written by another version) is a miss, not a failure. */
    private Optional<QueryResponse> read(String answer) {
        try {
            return Optional.of(json.readValue(answer, QueryResponse.class));
        } catch (IOException e) {
            LOG.warn("Ignoring a cached answer that cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
