package io.ragline.ingest.folder;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

import io.ragline.idempotency.IngestRepository;

/**
 * The error policies of the folder's routes:
 * <ul>
 * <li>{@link #FILE_INGEST}: consume mode; the file moves to {@code .failed/} beside a note with the reason.</li>
 * <li>{@link #MIRROR_INGEST}: mirror mode; the file stays, the note goes to {@code .failed/}, and the
 * failure is handled so the file is not taken again until its content changes.</li>
 * <li>{@link #SWEEP}: the mirror sweep; a failed run is logged and the next one tries again.</li>
 * </ul>
 */
@Component
public class FolderErrorPolicy extends RouteConfigurationBuilder {

    public static final String FILE_INGEST = "file-ingest-errors";
    public static final String MIRROR_INGEST = "mirror-ingest-errors";
    public static final String SWEEP = "sweep-errors";

    private final FailedFileNotes failedFileNotes;
    private final FolderKeys folderKeys;
    private final IngestRepository repository;

    public FolderErrorPolicy(FailedFileNotes failedFileNotes, FolderKeys folderKeys, IngestRepository repository) {
        this.failedFileNotes = failedFileNotes;
        this.folderKeys = folderKeys;
        this.repository = repository;
    }

    @Override
    public void configuration() {
        routeConfiguration(FILE_INGEST)
                .onException(Exception.class)
                    // not handled: the file consumer then moves the file to .failed/
                    .handled(false)
                    .logExhausted(false)
                    .process(failedFileNotes)
                .end();

        routeConfiguration(MIRROR_INGEST)
                .onException(Exception.class)
                    .handled(true)
                    .logExhausted(false)
                    .process(failedFileNotes)
                    .process(exchange -> repository.recordFailure(folderKeys.key(exchange)))
                .end();

        routeConfiguration(SWEEP)
                .onException(Exception.class)
                    .handled(true)
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "${routeId} failed, next run retries: ${exception.message}")
                .end();
    }
}
