package io.ragline.ingest.queue;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.document.SourceDocument;

/**
 * Reads queue messages: {@code {"id", "client_id", "title", "text", "metadata"}}, or
 * {@code {"id", "client_id", "title", "content_base64", "content_type"}} for binary formats, or
 * {@code {"id", "client_id", "op": "delete"}}. Anything else is a poison message.
 */
public class DocumentMessages {

    private final JsonBodies json;
    private final DocumentRules rules;
    private final long maxBytes;

    public DocumentMessages(JsonBodies json, DocumentRules rules, long maxBytes) {
        this.json = json;
        this.rules = rules;
        this.maxBytes = maxBytes;
    }

    public DocumentCommand parse(String body) {
        if (body != null && body.length() > maxBytes * 4 / 3 + 1024) {
            throw new DocumentRejectedException("message too large: " + body.length() + " characters");
        }
        JsonNode message;
        try {
            message = json.readObject(body);
        } catch (InvalidRequestException e) {
            throw new DocumentRejectedException(e.getMessage());
        }
        String id = required(message, "id");
        rules.checkId(id);
        String clientId = ClientIds.resolve(text(message, "client_id"));
        if ("delete".equals(text(message, "op"))) {
            return DocumentCommand.delete(clientId, id);
        }
        String title = text(message, "title");
        String text = text(message, "text");
        if (text != null) {
            return checked(new DocumentCommand(clientId, id, SourceDocument.ofText(clientId, id, title, null, text, metadata(message))));
        }
        String content = text(message, "content_base64");
        if (content == null) {
            throw new DocumentRejectedException("message has neither text nor content_base64");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw new DocumentRejectedException("content_base64 is not valid base64");
        }
        String fileName = "document" + extensionOf(required(message, "content_type"));
        return checked(new DocumentCommand(clientId, id,
                new SourceDocument(clientId, id, title, null, null, bytes, fileName, metadata(message))));
    }

    private DocumentCommand checked(DocumentCommand command) {
        rules.check(command.document());
        return command;
    }

    /** The declared type decides the parser; Tika still checks the bytes match. */
    private static String extensionOf(String contentType) {
        try {
            return MimeTypes.getDefaultMimeTypes().forName(contentType.toLowerCase(Locale.ROOT).strip()).getExtension();
        } catch (MimeTypeException e) {
            throw new DocumentRejectedException("unsupported content type: " + contentType);
        }
    }

    private Map<String, Object> metadata(JsonNode message) {
        JsonNode metadata = message.get("metadata");
        if (metadata == null || metadata.isNull()) {
            return Map.of();
        }
        if (!metadata.isObject()) {
            throw new DocumentRejectedException("metadata must be an object");
        }
        return json.toMap(metadata);
    }

    private static String required(JsonNode message, String field) {
        String value = text(message, field);
        if (value == null || value.isBlank()) {
            throw new DocumentRejectedException(field + " is required");
        }
        return value;
    }

    private static String text(JsonNode message, String field) {
        try {
            return JsonBodies.textOrNull(message, field);
        } catch (InvalidRequestException e) {
            throw new DocumentRejectedException(e.getMessage());
        }
    }
}
