package io.ragline.idempotency;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.ingest.idempotency.*}: which (client, document id, content hash) have been indexed.
 *
 * @param path one small file per key; replicas sharing the directory share the repository
 * @param claimTimeout a claim its owner never confirmed lapses after this long
 */
@Validated
@ConfigurationProperties("ragline.ingest.idempotency")
public record IdempotencySettings(
        @NotNull @DefaultValue("data/idempotency") Path path,
        @NotNull @DefaultValue("10m") Duration claimTimeout) {
}
