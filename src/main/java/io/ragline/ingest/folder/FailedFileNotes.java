package io.ragline.ingest.folder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ragline.metrics.RaglineMetrics;

/** Writes {@code .failed/<relative path>.error.txt} beside the file the consumer moves to {@code .failed/}. */
public class FailedFileNotes implements Processor {

    public static final String FAILED_DIR = ".failed";
    public static final String DONE_DIR = ".done";
    public static final String NOTE_SUFFIX = ".error.txt";

    private static final Logger LOG = LoggerFactory.getLogger(FailedFileNotes.class);

    private final Path inbox;
    private final RaglineMetrics metrics;

    public FailedFileNotes(Path inbox, RaglineMetrics metrics) {
        this.inbox = inbox.toAbsolutePath();
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            cause = exchange.getException();
        }
        String reason = cause == null ? "unknown error" : cause.getMessage();
        LOG.warn("Rejected {}: {}", relative, reason);
        metrics.deadLettered("folder");
        Path note = inbox.resolve(FAILED_DIR).resolve(relative + NOTE_SUFFIX);
        String text = "file: " + relative + "\n"
                + "failed at: " + Instant.now() + "\n"
                + "error: " + reason + "\n"
                + (cause == null ? "" : "exception: " + cause.getClass().getName() + "\n");
        try {
            Files.createDirectories(note.getParent());
            Files.writeString(note, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Cannot write error note {}", note, e);
        }
    }
}
