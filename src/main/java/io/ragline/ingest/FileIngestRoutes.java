package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.ErrorPolicy;

/**
 * The watched inbox. The {@code changed} read lock waits until a file has stopped growing and is old
 * enough, so a half-written file is never read. Hidden folders ({@code .done}, {@code .failed}) are skipped.
 */
@Component
public class FileIngestRoutes extends RouteBuilder {

    private final RaglineProperties.Ingest settings;
    private final FileSources fileSources;

    public FileIngestRoutes(RaglineProperties properties, FileSources fileSources) {
        this.settings = properties.getIngest();
        this.fileSources = fileSources;
    }

    @Override
    public void configure() {
        String inbox = settings.getInbox().toAbsolutePath().toString();
        long checkInterval = settings.getReadLockCheckInterval().toMillis();
        long minAge = settings.getReadLockMinAge().toMillis();
        fromF("file:%s?recursive=true&delay=%d&readLock=changed&readLockCheckInterval=%d&readLockMinAge=%d"
                        + "&readLockTimeout=%d&move=%s/%s/${file:name}&moveFailed=%s/%s/${file:name}"
                        + "&antExclude=**/*.tmp,**/*.part,**/*.crdownload,**/*.swp",
                inbox, settings.getPollDelay().toMillis(), checkInterval, minAge,
                // the lock attempt must outlast the minimum age plus a few checks
                minAge + 5 * checkInterval,
                inbox, FailedFileNotes.DONE_DIR, inbox, FailedFileNotes.FAILED_DIR)
                .routeId("file-ingest").routeConfigurationId(ErrorPolicy.FILE_INGEST)
                .autoStartup(settings.isFolderEnabled())
                .bean(fileSources, "describe").id("describe-file")
                .to("direct:ingest").id("ingest-file");
    }
}
