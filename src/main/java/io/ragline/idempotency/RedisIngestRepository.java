package io.ragline.idempotency;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.apache.camel.component.redis.processor.idempotent.SpringRedisStringIdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * The ingest repository in Redis, shared by every replica, on camel-spring-redis: claims lapse after
 * {@code claimTimeout} (their owner crashed), confirmed keys and failures stay. As in the directory
 * repository, only the claim's owner releases it, and a confirmed key counts only while the store
 * holds that content.
 * <p>
 * While Redis is down nothing is claimed or skipped here: every document goes on to the pipeline, whose
 * own check against the store's content hash keeps unchanged content from being embedded again.
 */
public class RedisIngestRepository extends ServiceSupport implements IngestRepository {

    private static final Logger LOG = LoggerFactory.getLogger(RedisIngestRepository.class);
    private static final long WARN_EVERY_MS = 30_000;

    private final SpringRedisStringIdempotentRepository claims;
    private final SpringRedisStringIdempotentRepository done;
    private final SpringRedisStringIdempotentRepository failed;
    private final Predicate<String> stillHeld;
    private final Set<String> ownClaims = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastWarning = new AtomicLong();

    public RedisIngestRepository(RedisTemplate<String, String> redis, Duration claimTimeout, Predicate<String> stillHeld) {
        this.claims = new SpringRedisStringIdempotentRepository(redis, "ragline-ingest-claims");
        this.claims.setExpiry(claimTimeout.toSeconds());
        this.done = new SpringRedisStringIdempotentRepository(redis, "ragline-ingest-done");
        this.failed = new SpringRedisStringIdempotentRepository(redis, "ragline-ingest-failed");
        this.stillHeld = stillHeld;
    }

    @Override
    public boolean add(String key) {
        return orWhenDown(() -> {
            if (isDone(key)) {
                return false;
            }
            boolean claimed = claims.add(key);
            if (claimed) {
                ownClaims.add(key);
            }
            return claimed;
        }, true);
    }

    @Override
    public boolean contains(String key) {
        return orWhenDown(() -> isDone(key) || claims.contains(key), false);
    }

    @Override
    public boolean remove(String key) {
        return orWhenDown(() -> {
            boolean released = ownClaims.remove(key) && claims.remove(key);
            failed.remove(key);
            return done.remove(key) || released;
        }, false);
    }

    @Override
    public boolean confirm(String key) {
        return orWhenDown(() -> {
            done.add(key);
            ownClaims.remove(key);
            claims.remove(key);
            return true;
        }, true);
    }

    @Override
    public void recordFailure(String key) {
        orWhenDown(() -> failed.add(key), false);
    }

    @Override
    public void clear() {
        orWhenDown(() -> {
            claims.clear();
            done.clear();
            failed.clear();
            ownClaims.clear();
            return true;
        }, false);
    }

    /** Confirmed, and the store still holds it (or it failed for good); a record that outlived the store is dropped. */
    private boolean isDone(String key) {
        if (!done.contains(key)) {
            return false;
        }
        if (failed.contains(key) || stillHeld.test(key)) {
            return true;
        }
        LOG.info("Idempotency record outlived the store's copy of that content: indexing it again");
        done.remove(key);
        return false;
    }

    private boolean orWhenDown(BooleanSupplier operation, boolean whenDown) {
        try {
            return operation.getAsBoolean();
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            long last = lastWarning.get();
            if (now - last > WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
                LOG.warn("Redis idempotent repository unavailable; the store's content hashes keep duplicates out: {}", e.getMessage());
            }
            return whenDown;
        }
    }

    @Override
    protected void doStart() {
        // the three camel-spring-redis repositories keep no state of their own to start
    }

    @Override
    public String toString() {
        return "RedisIngestRepository";
    }
}
