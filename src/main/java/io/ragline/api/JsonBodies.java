package io.ragline.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * {@code ragline.limits.json-depth}, with no more than {@code ragline.limits.json-tokens} tokens and no
 * string longer than a document may be. The parser counts as it reads, so a body built to amplify (ten
 * megabytes of {@code {},}) stops after a bounded amount of work, before its tree grows. A leading byte
 * order mark, which some editors and shells write, is skipped, as RFC 8259 allows.
 */
public class JsonBodies {

    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\p{L}\\p{N}\\p{P}\\p{S} ]");
    private static final int MAX_QUOTED_NAME = 40;
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final Limits limits;

    public JsonBodies(ObjectMapper base, Limits limits) {
        this.limits = limits;
        this.json = base.copy();
        json.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.jsonDepth())
                .maxTokenCount(limits.jsonTokens())
                .maxStringLength(limits.documentChars())
                .build());
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
            throw new InvalidRequestException(overLimit(e));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which limit the parser stopped at, in the API's words rather than Jackson's. */
    private String overLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("getMaxTokenCount")) {
            return "request body holds more than " + limits.jsonTokens() + " JSON tokens (ragline.limits.json-tokens)";
        }
        if (message.contains("getMaxStringLength")) {
            return "request body holds a string longer than " + limits.documentChars() + " characters (ragline.limits.document-chars)";
        }
        return "request body nests deeper than " + limits.jsonDepth() + " levels (ragline.limits.json-depth)";
    }

    /** A JSON object as a map of plain values. */
    public Map<String, Object> toMap(JsonNode object) {
        return json.convertValue(object, MAP);
    }

    /**
     * Refuses a field the request does not define, so that a misspelt one ({@code "topk": 3}) is not
     * silently ignored. The field's name is quoted back cut short and with only printable characters.
     *
     * @param where the object's place in the body ({@code documents[2]}), empty for the body itself
     */
    public static void onlyFields(JsonNode object, String where, List<String> fields) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidRequestException((where.isEmpty() ? "" : where + ": ") + "unknown field '" + quotable(name)
                        + "'; the fields are " + String.join(", ", fields));
            }
        }
    }

    /** A name the client sent, fit to quote back in an error: cut short, printable characters only. */
    public static String quotable(String name) {
        String printable = NOT_PRINTABLE.matcher(name).replaceAll("?");
        return printable.length() > MAX_QUOTED_NAME ? printable.substring(0, MAX_QUOTED_NAME) + "..." : printable;
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
