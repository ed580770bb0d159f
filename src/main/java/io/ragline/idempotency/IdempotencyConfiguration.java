package io.ragline.idempotency;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.ragline.document.IngestKeys;
import io.ragline.store.VectorStore;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyConfiguration {

    /** Bean name of the repository, for endpoint URIs ({@code idempotentRepository=#ingestRepository}). */
    public static final String REPOSITORY = "ingestRepository";

    /**
     * The ingest idempotent repository, keyed (client, document id, content hash): on the local disk by
     * default, shared by every replica that mounts the same directory.
     */
    @Bean(REPOSITORY)
    @ConditionalOnProperty(name = IdempotencySettings.BACKEND, havingValue = "directory", matchIfMissing = true)
    DirectoryIdempotentRepository ingestRepository(IdempotencySettings settings, VectorStore store) {
        return new DirectoryIdempotentRepository(settings.path(), settings.claimTimeout(), Clock.systemUTC(),
                key -> storeHolds(store, key));
    }

    /** In Redis, shared by every replica without a shared volume. */
    @Bean(REPOSITORY)
    @ConditionalOnProperty(name = IdempotencySettings.BACKEND, havingValue = "redis")
    RedisIngestRepository redisIngestRepository(IdempotencySettings settings, StringRedisTemplate redis, VectorStore store) {
        return new RedisIngestRepository(redis, settings.claimTimeout(), key -> storeHolds(store, key));
    }

    /** Idempotency never outlives the store: a record counts only while the store holds that content. */
    static boolean storeHolds(VectorStore store, String key) {
        return IngestKeys.parse(key)
                .map(parts -> store.contentHash(parts.clientId(), parts.documentId()).map(parts.contentHash()::equals).orElse(false))
                .orElse(false);
    }
}
