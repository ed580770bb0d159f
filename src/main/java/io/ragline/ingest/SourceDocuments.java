package io.ragline.ingest;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.ragline.document.DocumentRejectedException;
import io.ragline.document.SourceDocument;

/**
 * The {@code direct:ingest} contract: the body is a {@link SourceDocument}, or raw content (text or
 * bytes) described by the {@link RaglineHeaders} headers, so YAML routes need no Java types.
 */
public final class SourceDocuments {

    private SourceDocuments() {
    }

    public static SourceDocument fromExchange(Exchange exchange) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof SourceDocument document) {
            return document;
        }
        if (body == null) {
            throw new DocumentRejectedException("message has no body");
        }
        String clientId = message.getHeader(RaglineHeaders.CLIENT_ID, String.class);
        String documentId = message.getHeader(RaglineHeaders.DOCUMENT_ID, String.class);
        String title = message.getHeader(RaglineHeaders.TITLE, String.class);
        String source = message.getHeader(RaglineHeaders.SOURCE, String.class);
        String fileName = message.getHeader(RaglineHeaders.FILE_NAME, String.class);
        if (body instanceof String text && fileName == null) {
            return SourceDocument.ofText(clientId, documentId, title, source, text, Map.of());
        }
        byte[] content = message.getBody(byte[].class);
        return new SourceDocument(clientId, documentId, title, source, null, content, fileName, Map.of());
    }
}
