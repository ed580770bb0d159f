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
 * In-memory answer cache, each tier bounded in bytes (one large answer weighs as much as many small
 * ones). A per-client generation is part of every fresh key, so a document change retires all of that
 * client's fresh answers at once without scanning the cache.
 */
public class CaffeineAnswerCache implements AnswerCache {

    private final Cache<FreshKey, CachedAnswer> answers;
    private final Cache<AnswerKey, LastGood> lastGood;
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    public CaffeineAnswerCache(Duration ttl, long maxBytes) {
        // evictions run on the writing thread: the bound holds as soon as put returns
        this.answers = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(ttl).maximumWeight(maxBytes)
                .weigher((FreshKey key, CachedAnswer answer) -> answer.weight()).recordStats().build();
        this.lastGood = Caffeine.newBuilder().executor(Runnable::run).expireAfter(new KeptFor()).maximumWeight(maxBytes)
                .weigher((AnswerKey key, LastGood answer) -> answer.answer().weight()).build();
    }

    @Override
    public long generation(String clientId) {
        return generations.getOrDefault(clientId, 0L);
    }

    @Override
    public Optional<String> fresh(AnswerKey key, long generation) {
        return Optional.ofNullable(answers.getIfPresent(new FreshKey(key, generation))).map(CachedAnswer::json);
    }

    @Override
    public void put(AnswerKey key, long generation, CachedAnswer answer, Duration keepForFallback) {
        if (generation(key.clientId()) != generation) {
            return;
        }
        answers.put(new FreshKey(key, generation), answer);
        lastGood.put(key, new LastGood(answer, keepForFallback));
    }

    @Override
    public Optional<String> lastGood(AnswerKey key) {
        return Optional.ofNullable(lastGood.getIfPresent(key)).map(entry -> entry.answer().json());
    }

    @Override
    public void invalidateClient(String clientId) {
        generations.merge(clientId, 1L, Long::sum);
    }

    /** A scan: deletes and replacements are rare next to queries, and the tiers are bounded. */
    @Override
    public void forgetDocument(String clientId, String documentId) {
        answers.asMap().entrySet().removeIf(entry -> entry.getKey().key().clientId().equals(clientId)
                && entry.getValue().documentIds().contains(documentId));
        lastGood.asMap().entrySet().removeIf(entry -> entry.getKey().clientId().equals(clientId)
                && entry.getValue().answer().documentIds().contains(documentId));
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

    private record FreshKey(AnswerKey key, long generation) {
    }

    private record LastGood(CachedAnswer answer, Duration keepFor) {
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
