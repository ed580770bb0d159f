package io.ragline.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.store.MetadataFilter;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Condition;
import io.ragline.store.MetadataFilter.Range;

/**
 * Reads a query's {@code filter}: {@code {"dept": "hr"}}, {@code {"dept": {"in": ["hr", "it"]}}},
 * {@code {"year": {"gte": 2020, "lt": 2025}}}, ranges over numbers or ISO dates; keys are ANDed.
 */
final class FilterParser {

    static final String IN = "in";
    static final String GT = "gt";
    static final String GTE = "gte";
    static final String LT = "lt";
    static final String LTE = "lte";
    private static final List<String> OPERATORS = List.of(IN, GT, GTE, LT, LTE);
    /**
     * Values a filter may list in all. With the keyword ranking's 800 clauses it stays within Lucene's
     * 1,024 clauses per query.
     */
    static final int MAX_VALUES = 100;

    private final DocumentRules rules;

    FilterParser(DocumentRules rules) {
        this.rules = rules;
    }

    MetadataFilter parse(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return MetadataFilter.NONE;
        }
        if (!filter.isObject()) {
            throw new InvalidRequestException("filter must be an object of metadata keys");
        }
        if (filter.size() > rules.limits().metadataKeys()) {
            throw new InvalidRequestException("filter names more than " + rules.limits().metadataKeys() + " keys (ragline.limits.metadata-keys)");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = filter.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            try {
                rules.checkMetadata(Map.of(key, ""));
            } catch (DocumentRejectedException e) {
                throw new InvalidRequestException("filter: " + e.getMessage());
            }
            conditions.add(condition(key, field.getValue()));
        }
        long values = conditions.stream().mapToLong(condition -> condition instanceof AnyOf any ? any.values().size() : 2).sum();
        if (values > MAX_VALUES) {
            throw new InvalidRequestException("filter lists more than " + MAX_VALUES + " values in all");
        }
        return new MetadataFilter(conditions);
    }

    private static Condition condition(String key, JsonNode value) {
        if (!value.isObject()) {
            return new AnyOf(key, List.of(scalar(key, value)));
        }
        JsonBodies.onlyFields(value, "filter." + JsonBodies.quotable(key), OPERATORS);
        if (value.has(IN)) {
            if (value.size() > 1) {
                throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + ": in cannot be combined with a range");
            }
            JsonNode values = value.get(IN);
            if (!values.isArray() || values.isEmpty() || values.size() > MAX_VALUES) {
                throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + ".in must be an array of 1 to " + MAX_VALUES + " values");
            }
            List<Object> listed = new ArrayList<>();
            values.forEach(each -> listed.add(scalar(key, each)));
            return new AnyOf(key, listed);
        }
        if (value.isEmpty() || value.has(GT) && value.has(GTE) || value.has(LT) && value.has(LTE)) {
            throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + " needs one lower bound (gt or gte) and/or one upper (lt or lte)");
        }
        Object lower = bound(key, value.has(GT) ? value.get(GT) : value.get(GTE));
        Object upper = bound(key, value.has(LT) ? value.get(LT) : value.get(LTE));
        if (lower != null && upper != null && lower.getClass() != upper.getClass()) {
            throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + ": both bounds must be numbers, or both dates");
        }
        return new Range(key, lower, value.has(GTE), upper, value.has(LTE));
    }

    private static Object scalar(String key, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + " must be a string, a number, a boolean or an object of operators");
    }

    /** A number, or an ISO-8601 date or date-time, kept as the text it is compared as. */
    private static Object bound(String key, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual() && isDate(value.asText())) {
            return value.asText();
        }
        throw new InvalidRequestException("filter." + JsonBodies.quotable(key) + ": a range bound must be a number or an ISO date (2024-05-01)");
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }
}
