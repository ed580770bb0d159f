package io.ragline.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.cache.*}.
 *
 * @param ttl how long a fresh answer is served from the cache
 * @param maxEntries answers kept, fresh and last-good each
 */
@Validated
@ConfigurationProperties("ragline.cache")
public record CacheSettings(
        @NotNull @DefaultValue("10m") Duration ttl,
        @Min(1) @DefaultValue("10000") long maxEntries) {
}
