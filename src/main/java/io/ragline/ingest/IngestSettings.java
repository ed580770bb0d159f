package io.ragline.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.ingest.*}: what every source shares; application.yml documents each key.
 *
 * @param inbox the watched folder; {@code <inbox>/<client_id>/...} belongs to that client
 * @param maxFileBytes largest file or queue message content accepted
 * @param maxDocumentsPerRequest largest {@code POST /api/documents}
 * @param concurrency documents of one HTTP request or queue batch parsed and chunked at once
 * @param listLimit documents per page of {@code GET /api/documents} when the request names no limit
 * @param maxListLimit the most a request may ask for
 */
@Validated
@ConfigurationProperties("ragline.ingest")
public record IngestSettings(
        @NotNull @DefaultValue("data/inbox") Path inbox,
        @Min(1) @DefaultValue("52428800") long maxFileBytes,
        @Min(1) @Max(10_000) @DefaultValue("500") int maxDocumentsPerRequest,
        @Min(1) @Max(64) @DefaultValue("4") int concurrency,
        @Min(1) @Max(10_000) @DefaultValue("100") int listLimit,
        @Min(1) @Max(10_000) @DefaultValue("1000") int maxListLimit) {
}
