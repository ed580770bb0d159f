package io.ragline.ingest.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.SourceDocument;
import io.ragline.ingest.TextNormaliser;

/**
 * Reads {@code {"client_id": ..., "documents": [...]}}, each document a string or
 * {@code {"id", "title", "text", "metadata"}}. Every document is checked before any is ingested,
 * so a bad request changes nothing.
 */
public class DocumentsRequestParser {

    private final ObjectMapper json;
    private final TextNormaliser normaliser;
    private final int maxDocuments;

    public DocumentsRequestParser(ObjectMapper json, TextNormaliser normaliser, int maxDocuments) {
        this.json = json;
        this.normaliser = normaliser;
        this.maxDocuments = maxDocuments;
    }

    public List<SourceDocument> parse(String body) {
        JsonNode root = JsonBodies.readObject(json, body);
        String clientId = ClientIds.resolve(JsonBodies.textOrNull(root, "client_id"));
        JsonNode documents = root.get("documents");
        if (documents == null || !documents.isArray() || documents.isEmpty()) {
            throw new InvalidRequestException("documents must be a non-empty array");
        }
        if (documents.size() > maxDocuments) {
            throw new InvalidRequestException("at most " + maxDocuments + " documents per request, got " + documents.size());
        }
        List<SourceDocument> parsed = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            parsed.add(document(clientId, documents.get(i), "documents[" + i + "]"));
        }
        return parsed;
    }

    private SourceDocument document(String clientId, JsonNode node, String path) {
        if (node.isTextual()) {
            return SourceDocument.ofText(clientId, null, null, null, checkedText(node.asText(), path), Map.of());
        }
        if (!node.isObject()) {
            throw new InvalidRequestException(path + " must be a string or an object");
        }
        String text = field(node, "text", path);
        if (text == null) {
            throw new InvalidRequestException(path + ".text is required");
        }
        JsonNode metadata = node.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new InvalidRequestException(path + ".metadata must be an object");
        }
        Map<String, Object> meta = metadata == null || metadata.isNull()
                ? Map.of()
                : json.convertValue(metadata, LinkedHashMap.class);
        return SourceDocument.ofText(clientId, field(node, "id", path), field(node, "title", path), null,
                checkedText(text, path), meta);
    }

    private String checkedText(String text, String path) {
        try {
            normaliser.normalise(text);
        } catch (DocumentRejectedException e) {
            throw new InvalidRequestException(path + ": " + e.getMessage());
        }
        return text;
    }

    private static String field(JsonNode node, String name, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidRequestException(path + "." + name + " must be a string");
        }
        return value.asText();
    }
}
