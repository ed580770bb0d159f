package io.ragline.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the cache of full answers. Answers are opaque here (the query feature's JSON), so any backend
 * stores them as they are and the cache needs nothing of the query's types.
 */
public interface AnswerCache {

    /** A generation no answer is put under: the cache could not be read. */
    long NO_GENERATION = -1;

    /**
     * The client's generation, which each change of its documents moves on. A question reads it before it
     * is answered, and its answer is looked up and put under it: an answer drawn from the index before a
     * change is never served after it, however long the answering took.
     */
    long generation(String clientId);

    /** A fresh answer for exactly this question, if one is cached under this generation. */
    Optional<String> fresh(AnswerKey key, long generation);

    /**
     * Caches a good answer drawn at {@code generation}: fresh for the cache's TTL, and as the last good
     * answer for {@code keepForFallback}; not at all when the client's documents changed since, as the
     * answer may cite what changed.
     */
    void put(AnswerKey key, long generation, CachedAnswer answer, Duration keepForFallback);

    /** The last good answer to this question, even if stale or retired by a document change: fallback only. */
    Optional<String> lastGood(AnswerKey key);

    /** The client's documents changed: its fresh answers may be wrong now. */
    void invalidateClient(String clientId);

    /** A document changed or was deleted: no answer citing it, fresh or last good, is served again. */
    void forgetDocument(String clientId, String documentId);

    /** Backend name, health and figures for {@code /health/db}. */
    Map<String, Object> health();
}
