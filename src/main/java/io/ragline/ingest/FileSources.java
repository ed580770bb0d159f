package io.ragline.ingest;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.ragline.config.RaglineHeaders;

/**
 * Describes a file from the watched inbox for {@code direct:ingest}: {@code <inbox>/<client>/...} belongs
 * to that client, a file at the root to {@code default}.
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
        int slash = relative.indexOf('/');
        message.setHeader(RaglineHeaders.CLIENT_ID, slash > 0 ? relative.substring(0, slash) : null);
        message.setHeader(RaglineHeaders.SOURCE, relative);
        message.setHeader(RaglineHeaders.FILE_NAME, relative.substring(relative.lastIndexOf('/') + 1));
        message.setBody(message.getBody(byte[].class));
    }
}
