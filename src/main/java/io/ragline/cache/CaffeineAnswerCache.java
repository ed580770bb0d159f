package io.ragline.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.ragline.query.QueryRequest;
import io.ragline.query.QueryResponse;

/**
 * In-memory answer cache. A per-client generation is part of every key, so a document change retires
 * all of that client's answers at once without scanning the cache.
 */
public class CaffeineAnswerCache implements AnswerCache {

    private final Cache<String, QueryResponse> answers;
    private final Cache<String, QueryResponse> lastGood;
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    public CaffeineAnswerCache(Duration ttl, Duration staleTtl, long maxEntries) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
        this.lastGood = Caffeine.newBuilder().expireAfterWrite(staleTtl).maximumSize(maxEntries).build();
    }

    @Override
    public Optional<QueryResponse> get(QueryRequest request) {
        return Optional.ofNullable(answers.getIfPresent(key(request)));
    }

    @Override
    public void put(QueryRequest request, QueryResponse response) {
        answers.put(key(request), response);
        lastGood.put(staleKey(request), response);
    }

    @Override
    public Optional<QueryResponse> lastGood(QueryRequest request) {
        return Optional.ofNullable(lastGood.getIfPresent(staleKey(request)));
    }

    @Override
    public void invalidateClient(String clientId) {
        generations.merge(clientId, 1L, Long::sum);
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("backend", "caffeine");
        health.put("healthy", true);
        health.put("entries", answers.estimatedSize());
        health.put("hit_rate", answers.stats().hitRate());
        return health;
    }

    private static String staleKey(QueryRequest request) {
        return request.clientId() + '\u001f' + request.topK() + '\u001f' + AnswerCache.normalise(request.query());
    }

    private String key(QueryRequest request) {
        return request.clientId() + '\u001f' + generations.getOrDefault(request.clientId(), 0L) + '\u001f'
                + request.topK() + '\u001f' + AnswerCache.normalise(request.query());
    }
}
