package io.ragline.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.ragline.config.RaglineHeaders;

/**
 * Describes a file from the watched inbox for {@code direct:ingest}, its identity given by {@link FolderFiles}.
 */
public class FileSources {

    private final long maxFileBytes;

    public FileSources(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    public void describe(Exchange exchange) {
        Message message = exchange.getMessage();
        String relative = message.getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        Long length = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (length != null && length > maxFileBytes) {
            throw new DocumentRejectedException("file too large: " + length + " bytes, the limit is " + maxFileBytes);
        }
        message.setHeader(RaglineHeaders.CLIENT_ID, FolderFiles.clientOf(relative));
        message.setHeader(RaglineHeaders.DOCUMENT_ID, FolderFiles.documentIdOf(relative));
        message.setHeader(RaglineHeaders.SOURCE, FolderFiles.sourceOf(relative));
        message.setHeader(RaglineHeaders.FILE_NAME, FolderFiles.fileNameOf(relative));
        message.setBody(message.getBody(byte[].class));
    }
}
