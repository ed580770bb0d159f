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
 * @param maxBytes heap each tier (fresh answers, last good answers) may take
 */
@Validated
@ConfigurationProperties("ragline.cache")
public record CacheSettings(
        @NotNull @DefaultValue("10m") Duration ttl,
        @NotNull @DefaultValue("64MB") DataSize maxBytes) {
}
