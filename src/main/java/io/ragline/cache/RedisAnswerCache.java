package io.ragline.cache;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnectionCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.ragline.document.DocumentIds;

/**
 * The answer cache in Redis, shared by every replica. Keys carry the client id; every entry has a TTL;
 * an answer larger than {@code maxAnswerBytes} is not cached. The answers citing a document are listed
 * under the document, so a delete through any replica takes them from every replica's view.
 * <p>
 * Redis down is a cache miss, never a failed query: calls fail fast (timeouts in
 * {@code spring.data.redis.*}), retirements that could not be written are kept and written once Redis
 * answers again, and the client reconnects by itself.
 */
public class RedisAnswerCache implements AnswerCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisAnswerCache.class);
    private static final String PREFIX = "ragline:";
    private static final long WARN_EVERY_MS = 30_000;

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final long maxAnswerBytes;
    private final Set<String> pendingClients = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> pendingDocuments = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastWarning = new AtomicLong();

    public RedisAnswerCache(StringRedisTemplate redis, Duration ttl, long maxAnswerBytes) {
        this.redis = redis;
        this.ttl = ttl;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    @Override
    public long generation(String clientId) {
        return call(() -> currentGeneration(clientId), NO_GENERATION);
    }

    @Override
    public Optional<String> fresh(AnswerKey key, long generation) {
        if (generation == NO_GENERATION) {
            return Optional.empty();
        }
        return call(() -> Optional.ofNullable(redis.opsForValue().get(freshKey(key, generation))), Optional.empty());
    }

    @Override
    public void put(AnswerKey key, long generation, CachedAnswer answer, Duration keepForFallback) {
        if (2L * answer.json().length() > maxAnswerBytes || generation == NO_GENERATION) {
            return;
        }
        call(() -> {
            if (currentGeneration(key.clientId()) != generation) {
                return null;
            }
            String fresh = freshKey(key, generation);
            String lastGood = lastGoodKey(key);
            redis.opsForValue().set(fresh, answer.json(), ttl);
            redis.opsForValue().set(lastGood, answer.json(), keepForFallback);
            Duration citationsFor = keepForFallback.compareTo(ttl) > 0 ? keepForFallback : ttl;
            for (String documentId : answer.documentIds()) {
                String citations = citationsKey(key.clientId(), documentId);
                redis.opsForSet().add(citations, fresh, lastGood);
                redis.expire(citations, citationsFor);
            }
            return null;
        }, null);
    }

    @Override
    public Optional<String> lastGood(AnswerKey key) {
        return call(() -> Optional.ofNullable(redis.opsForValue().get(lastGoodKey(key))), Optional.empty());
    }

    @Override
    public void invalidateClient(String clientId) {
        pendingClients.add(clientId);
        call(() -> null, null);
    }

    @Override
    public void forgetDocument(String clientId, String documentId) {
        pendingDocuments.add(List.of(clientId, documentId));
        call(() -> null, null);
    }

    @Override
    public Map<String, Object> health() {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("backend", "redis");
        try {
            redis.execute((RedisCallback<String>) RedisConnectionCommands::ping);
            health.put("healthy", true);
        } catch (RuntimeException e) {
            health.put("healthy", false);
            health.put("error", "Redis cannot be reached: queries are answered without the cache");
        }
        health.put("pending_retirements", pendingClients.size() + pendingDocuments.size());
        return health;
    }

    /** Every call first writes the retirements Redis missed while it was down: no stale answer is read past them. */
    private <T> T call(Supplier<T> operation, T whenDown) {
        try {
            writePendingRetirements();
            return operation.get();
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            long last = lastWarning.get();
            if (now - last > WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
                LOG.warn("Redis answer cache unavailable, answering without it: {}", e.getMessage());
            }
            return whenDown;
        }
    }

    private void writePendingRetirements() {
        for (String clientId : List.copyOf(pendingClients)) {
            redis.opsForValue().increment(generationKey(clientId));
            pendingClients.remove(clientId);
        }
        for (List<String> document : List.copyOf(pendingDocuments)) {
            String citations = citationsKey(document.get(0), document.get(1));
            Set<String> keys = redis.opsForSet().members(citations);
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
            redis.delete(citations);
            pendingDocuments.remove(document);
        }
    }

    private long currentGeneration(String clientId) {
        String generation = redis.opsForValue().get(generationKey(clientId));
        return generation == null ? 0 : Long.parseLong(generation);
    }

    private static String freshKey(AnswerKey key, long generation) {
        return PREFIX + "answer:" + key.clientId() + ':' + generation + ':' + key.topK() + ':' + key.digest();
    }

    private static String lastGoodKey(AnswerKey key) {
        return PREFIX + "last-good:" + key.clientId() + ':' + key.topK() + ':' + key.digest();
    }

    private static String generationKey(String clientId) {
        return PREFIX + "generation:" + clientId;
    }

    private static String citationsKey(String clientId, String documentId) {
        return PREFIX + "cited-by:" + clientId + ':' + DocumentIds.sha256(documentId);
    }
}
