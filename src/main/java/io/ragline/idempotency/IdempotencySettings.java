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
 * @param backend where the keys are kept
 * @param path directory backend: one small file per key; replicas sharing the directory share the repository
 * @param claimTimeout a claim its owner never confirmed lapses after this long
 */
@Validated
@ConfigurationProperties("ragline.ingest.idempotency")
public record IdempotencySettings(
        @NotNull @DefaultValue("directory") Backend backend,
        @NotNull @DefaultValue("data/idempotency") Path path,
        @NotNull @DefaultValue("10m") Duration claimTimeout) {

    public static final String BACKEND = "ragline.ingest.idempotency.backend";

    public enum Backend {
        /** One small file per key under {@code path}; replicas share it through a shared volume. */
        DIRECTORY,
        /** Redis (spring.data.redis.*), shared by every replica. */
        REDIS
    }
}
