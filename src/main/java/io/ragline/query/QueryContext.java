package io.ragline.query;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.ragline.cache.AnswerCache;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.SearchHit;

/** State of one question as it travels the query routes; steps on other threads (breaker timeouts) fill their own fields. */
public class QueryContext {

    private final QueryRequest request;
    private final long startNanos;
    private volatile float[] queryVector;
    private volatile List<SearchHit> keywordHits = List.of();
    private volatile List<SearchHit> hits = List.of();
    private final AtomicReference<KeywordHeadStart> keywordHeadStart = new AtomicReference<>(KeywordHeadStart.NONE);

    private volatile QueryResponse response;
    private volatile String failure;
    private volatile long cacheGeneration = AnswerCache.NO_GENERATION;

    public QueryContext(QueryRequest request) {
        this.request = request;
        this.startNanos = System.nanoTime();
    }

    public static QueryContext start(QueryRequest request) {
        return new QueryContext(request);
    }

    public QueryRequest request() { return request; }
    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }
    public float[] queryVector() { return queryVector; }
    public void queryVector(float[] vector) { this.queryVector = vector; }
    public List<SearchHit> keywordHits() { return keywordHits; }
    public void keywordHits(List<SearchHit> hits) { this.keywordHits = List.copyOf(hits); }
    public List<SearchHit> hits() { return hits; }
    public void hits(List<SearchHit> hits) { this.hits = List.copyOf(hits); }
    public void keywordHeadStart(KeywordHeadStart started) { keywordHeadStart.getAndSet(started).close(); }
    /** Hands the head start to the search that uses it and closes it; NONE once taken. */
    public KeywordHeadStart takeKeywordHeadStart() { return keywordHeadStart.getAndSet(KeywordHeadStart.NONE); }
    /** Closes a head start that no search took: the question failed before its search. */
    public void abandonKeywordHeadStart() { takeKeywordHeadStart().close(); }
    public QueryResponse response() { return response; }
    public void response(QueryResponse response) { this.response = response; }
    public boolean answered() { return response != null; }
    /** The answer as the reply body. */
    public static Object toResponse(QueryContext context) { return context.response(); }
    /** Why the full answer path failed, for degraded answers. */
    public String failure() { return failure; }
    public void failure(String reason) { this.failure = reason; }
    /** The client's cache generation when the question was looked up: its answer is cached under it. */
    public long cacheGeneration() { return cacheGeneration; }
    public void cacheGeneration(long generation) { this.cacheGeneration = generation; }
}
