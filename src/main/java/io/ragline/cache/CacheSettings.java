package io.ragline.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.cache.*}.
 *
 * @param ttl how long a fresh answer is served from the cache
 * @param backend where answers are kept
 * @param maxBytes caffeine: heap each tier (fresh answers, last good answers) may take; redis: 1/256 of it
 * bounds one answer, and the server's maxmemory the whole
 * @param maxEntries the bound before the cache was weighed in bytes: accepted, ignored, and said so at start-up
 */
@Validated
@ConfigurationProperties("ragline.cache")
public record CacheSettings(
        @NotNull @DefaultValue("caffeine") Backend backend,
        @NotNull @DefaultValue("10m") Duration ttl,
        @NotNull @DefaultValue("64MB") DataSize maxBytes,
        Long maxEntries) {

    public static final String BACKEND = "ragline.cache.backend";

    public enum Backend {
        /** In this process's memory. */
        CAFFEINE,
        /** Redis (spring.data.redis.*), shared by every replica. */
        REDIS
    }

    /** Redis: the largest single answer cached, so one answer cannot take a share of the server's memory. */
    public long maxAnswerBytes() {
        return maxBytes.toBytes() / 256;
    }
}
