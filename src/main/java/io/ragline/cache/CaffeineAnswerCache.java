package io.ragline.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * In-memory answer cache. A per-client generation is part of every fresh key, so a document change
 * retires all of that client's answers at once without scanning the cache.
 */
public class CaffeineAnswerCache implements AnswerCache {

    private final Cache<String, String> answers;
    private final Cache<AnswerKey, LastGood> lastGood;
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    public CaffeineAnswerCache(Duration ttl, long maxEntries) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).recordStats().build();
        this.lastGood = Caffeine.newBuilder().expireAfter(new KeptFor()).maximumSize(maxEntries).build();
    }

    @Override
    public Optional<String> fresh(AnswerKey key) {
        return Optional.ofNullable(answers.getIfPresent(freshKey(key)));
    }

    @Override
    public void put(AnswerKey key, String answer, Duration keepForFallback) {
        answers.put(freshKey(key), answer);
        lastGood.put(key, new LastGood(answer, keepForFallback));
    }

    @Override
    public Optional<String> lastGood(AnswerKey key) {
        return Optional.ofNullable(lastGood.getIfPresent(key)).map(LastGood::answer);
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

    private String freshKey(AnswerKey key) {
        return key.clientId() + '\u001f' + generations.getOrDefault(key.clientId(), 0L) + '\u001f' + key.topK()
                + '\u001f' + key.question();
    }

    private record LastGood(String answer, Duration keepFor) {
    }

    /** Each last good answer expires after the time its writer asked for. */
    private static final class KeptFor implements Expiry<AnswerKey, LastGood> {

        @Override
        public long expireAfterCreate(AnswerKey key, LastGood value, long currentTime) {
            return value.keepFor().toNanos();
        }

        @Override
        public long expireAfterUpdate(AnswerKey key, LastGood value, long currentTime, long currentDuration) {
            return value.keepFor().toNanos();
        }

        @Override
        public long expireAfterRead(AnswerKey key, LastGood value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
