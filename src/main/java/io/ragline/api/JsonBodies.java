package io.ragline.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.document.Limits;

/**
 * Reads JSON bodies and messages, with a 400 that says what is wrong: one object, nothing after it, no
 * key twice (a proxy and Ragline could each act on a different one), nested no deeper than
 * {@code ragline.limits.json-depth}. A leading byte order mark, which some editors and shells write, is
 * skipped, as RFC 8259 allows.
 */
public class JsonBodies {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final int maxDepth;

    public JsonBodies(ObjectMapper base, Limits limits) {
        this.maxDepth = limits.jsonDepth();
        this.json = base.copy();
        json.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build());
    }

    /** Parses a body that must be a JSON object. */
    public JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        String text = body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
        try (JsonParser parser = json.createParser(text)) {
            JsonNode root = json.readTree(parser);
            if (root == null || !root.isObject()) {
                throw new InvalidRequestException("request body must be a JSON object");
            }
            if (parser.nextToken() != null) {
                throw new InvalidRequestException("request body holds more than one JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidRequestException("request body nests deeper than " + maxDepth + " levels (ragline.limits.json-depth)");
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object as a map of plain values. */
    public Map<String, Object> toMap(JsonNode object) {
        return json.convertValue(object, MAP);
    }

    /** A string field, null when absent; rejects other JSON types. */
    public static String textOrNull(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field + " must be a string");
        }
        return node.asText();
    }
}
