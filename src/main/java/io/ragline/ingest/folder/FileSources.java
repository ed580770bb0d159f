package io.ragline.ingest.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.file.FileConstants;

import io.ragline.document.DocumentRejectedException;
import io.ragline.ingest.RaglineHeaders;

/**
 * Describes a file from the watched inbox for {@code direct:ingest}, its identity given by {@link FolderFiles}.
 */
public class FileSources {

    private final long maxFileBytes;
    private final Path inbox;
    private final LargeTextFiles largeFiles;

    public FileSources(long maxFileBytes, Path inbox, LargeTextFiles largeFiles) {
        this.maxFileBytes = maxFileBytes;
        this.inbox = inbox.toAbsolutePath();
        this.largeFiles = largeFiles;
    }

    /**
     * Creates the file's folders under {@code .done/} and {@code .failed/} ahead of the move: replicas
     * creating one at the same moment would make each other's move fail, and the file be taken again.
     */
    public void prepareDestinations(@Header(Exchange.FILE_NAME) String relative) throws IOException {
        Path folder = Path.of(relative).getParent();
        for (String destination : List.of(FailedFileNotes.DONE_DIR, FailedFileNotes.FAILED_DIR)) {
            Files.createDirectories(folder == null ? inbox.resolve(destination) : inbox.resolve(destination).resolve(folder));
        }
    }

    public void describe(Exchange exchange) {
        Message message = exchange.getMessage();
        String relative = message.getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        long length = message.getHeader(Exchange.FILE_LENGTH, 0L, Long.class);
        if (FolderFiles.isOutside(inbox, Path.of(message.getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class)))) {
            throw new DocumentRejectedException("links are not followed, and only files inside the inbox are read: " + relative);
        }
        boolean streamed = largeFiles.isLarge(relative, length);
        if (length > maxFileBytes && !streamed) {
            throw new DocumentRejectedException("file too large: " + length + " bytes, the limit is " + maxFileBytes);
        }
        message.setHeader(RaglineHeaders.CLIENT_ID, FolderFiles.clientOf(relative));
        message.setHeader(RaglineHeaders.DOCUMENT_ID, FolderFiles.documentIdOf(relative));
        message.setHeader(RaglineHeaders.SOURCE, FolderFiles.sourceOf(relative));
        message.setHeader(RaglineHeaders.FILE_NAME, FolderFiles.fileNameOf(relative));
        message.setHeader(RaglineHeaders.STREAMED, streamed);
        if (!streamed) {
            // read now, while the read lock holds; a streamed file is read section by section from disk
            message.setBody(message.getBody(byte[].class));
        }
    }
}
