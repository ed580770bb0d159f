package io.ragline.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the cache of full answers. Answers are opaque here (the query feature's JSON), so any backend
 * stores them as they are and the cache needs nothing of the query's types.
 */
public interface AnswerCache {

    /** A fresh answer for exactly this question, if one is cached. */
    Optional<String> fresh(AnswerKey key);

    /** Caches a good answer: fresh for the cache's TTL, and as the last good answer for {@code keepForFallback}. */
    void put(AnswerKey key, CachedAnswer answer, Duration keepForFallback);

    /** The last good answer to this question, even if stale or retired by a document change: fallback only. */
    Optional<String> lastGood(AnswerKey key);

    /** The client's documents changed: its fresh answers may be wrong now. */
    void invalidateClient(String clientId);

    /** A document changed or was deleted: no answer citing it, fresh or last good, is served again. */
    void forgetDocument(String clientId, String documentId);

    /** Backend name, health and figures for {@code /health/db}. */
    Map<String, Object> health();
}
