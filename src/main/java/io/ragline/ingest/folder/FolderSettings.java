package io.ragline.ingest.folder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.ingest.folder.*}: the watched inbox; application.yml documents each key.
 *
 * @param streamThresholdBytes text files larger than this are streamed in sections
 */
@Validated
@ConfigurationProperties("ragline.ingest.folder")
public record FolderSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("consume") FolderMode mode,
        @NotNull @DefaultValue("500ms") Duration pollDelay,
        @NotNull @DefaultValue("1s") Duration readLockCheckInterval,
        @NotNull @DefaultValue("2s") Duration readLockMinAge,
        @NotNull @DefaultValue("10s") Duration sweepInterval,
        @Min(1) @DefaultValue("8388608") long streamThresholdBytes,
        @DefaultValue List<String> allowedClients) {

    public enum FolderMode {
        /** Files are ingested once and move to .done/ or .failed/. */
        CONSUME,
        /** The folder is the source of truth: files stay, changes and deletions are followed. */
        MIRROR
    }

    public boolean mirror() {
        return mode == FolderMode.MIRROR;
    }
}
