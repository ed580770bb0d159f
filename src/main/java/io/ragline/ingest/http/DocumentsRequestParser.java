package io.ragline.ingest.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.api.AuthenticatedClient;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.document.SourceDocument;
import io.ragline.text.TextNormaliser;

/**
 * Reads {@code {"client_id": ..., "documents": [...]}}, each document a string or
 * {@code {"id", "title", "text", "metadata"}}. Every document is checked against the limits before any
 * is ingested, so a bad request changes nothing.
 */
public class DocumentsRequestParser {

    private static final String CLIENT_ID = "client_id";
    private static final String DOCUMENTS = "documents";
    private static final List<String> FIELDS = List.of(CLIENT_ID, DOCUMENTS);
    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String TEXT = "text";
    private static final String METADATA = "metadata";
    private static final List<String> DOCUMENT_FIELDS = List.of(ID, TITLE, TEXT, METADATA);

    private final JsonBodies json;
    private final TextNormaliser normaliser;
    private final DocumentRules rules;
    private final int maxDocuments;

    public DocumentsRequestParser(JsonBodies json, TextNormaliser normaliser, DocumentRules rules, int maxDocuments) {
        this.json = json;
        this.normaliser = normaliser;
        this.rules = rules;
        this.maxDocuments = maxDocuments;
    }

    public List<SourceDocument> parse(String body) {
        return parse(body, null);
    }

    /** @param authenticated the client of the request's API key, null when no keys are configured */
    public List<SourceDocument> parse(String body, String authenticated) {
        JsonNode root = json.readObject(body);
        JsonBodies.onlyFields(root, "", FIELDS);
        String clientId = ClientIds.resolve(AuthenticatedClient.resolve(JsonBodies.textOrNull(root, CLIENT_ID), authenticated, null));
        JsonNode documents = root.get(DOCUMENTS);
        if (documents == null || !documents.isArray() || documents.isEmpty()) {
            throw new InvalidRequestException("documents must be a non-empty array");
        }
        if (documents.size() > maxDocuments) {
            throw new InvalidRequestException("at most " + maxDocuments + " documents per request, got " + documents.size()
                    + " (ragline.ingest.max-documents-per-request)");
        }
        List<SourceDocument> parsed = new ArrayList<>(documents.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < documents.size(); i++) {
            String path = "documents[" + i + "]";
            SourceDocument document = document(clientId, documents.get(i), path);
            if (document.documentId() != null && !ids.add(document.documentId().strip())) {
                throw new InvalidRequestException(path + ": id '" + document.documentId() + "' appears twice in the request");
            }
            parsed.add(document);
        }
        return parsed;
    }

    private SourceDocument document(String clientId, JsonNode node, String path) {
        if (node.isTextual()) {
            return checked(path, () -> SourceDocument.ofText(clientId, null, null, null, node.asText(), Map.of()));
        }
        if (!node.isObject()) {
            throw new InvalidRequestException(path + " must be a string or an object");
        }
        JsonBodies.onlyFields(node, path, DOCUMENT_FIELDS);
        String text = field(node, TEXT, path);
        if (text == null) {
            throw new InvalidRequestException(path + ".text is required");
        }
        JsonNode metadata = node.get(METADATA);
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw new InvalidRequestException(path + ".metadata must be an object");
        }
        Map<String, Object> meta = metadata == null || metadata.isNull() ? Map.of() : json.toMap(metadata);
        return checked(path, () -> SourceDocument.ofText(clientId, field(node, ID, path), field(node, TITLE, path), null, text, meta));
    }

    /** The document, within every limit and with some visible text; the path says which one is not. */
    private SourceDocument checked(String path, Supplier<SourceDocument> document) {
        try {
            SourceDocument source = document.get();
            rules.check(source);
            normaliser.normalise(source.text());
            return source;
        } catch (DocumentRejectedException e) {
            throw new InvalidRequestException(path + ": " + e.getMessage());
        }
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
