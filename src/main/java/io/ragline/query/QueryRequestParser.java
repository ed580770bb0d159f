package io.ragline.query;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.api.AuthenticatedClient;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.JsonBodies;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.DocumentRules;
import io.ragline.document.Limits;
import io.ragline.text.TextNormaliser;
import io.ragline.text.TextTerms;

/**
 * Reads and validates the JSON body of {@code POST /api/query}. A question no dependency could answer
 * (nothing visible left after normalisation, too long, too many terms) is refused here, before any call,
 * so it never counts against a dependency's breaker.
 */
public class QueryRequestParser {

    private static final String QUERY = "query";
    private static final String CLIENT_ID = "client_id";
    private static final String TOP_K = "top_k";
    private static final String FILTER = "filter";
    private static final List<String> FIELDS = List.of(QUERY, CLIENT_ID, TOP_K, FILTER);

    private final JsonBodies json;
    private final QuerySettings settings;
    private final Limits limits;
    private final TextNormaliser normaliser;
    private final FilterParser filters;

    public QueryRequestParser(JsonBodies json, QuerySettings settings, Limits limits, TextNormaliser normaliser) {
        this.json = json;
        this.settings = settings;
        this.limits = limits;
        this.normaliser = normaliser;
        this.filters = new FilterParser(new DocumentRules(limits));
    }

    public QueryRequest parse(String body) {
        return parse(body, null);
    }

    /** @param authenticated the client of the request's API key, null when no keys are configured */
    public QueryRequest parse(String body, String authenticated) {
        JsonNode root = json.readObject(body);
        JsonBodies.onlyFields(root, "", FIELDS);
        JsonNode query = root.get(QUERY);
        if (query == null || query.isNull()) {
            throw new InvalidRequestException("query is required");
        }
        if (!query.isTextual()) {
            throw new InvalidRequestException("query must be a string");
        }
        if (query.asText().isBlank()) {
            throw new InvalidRequestException("query must not be blank");
        }
        if (query.asText().length() > settings.maxQueryLength()) {
            throw new InvalidRequestException("query must be at most " + settings.maxQueryLength() + " characters");
        }
        String text = visibleText(query.asText());
        int terms = TextTerms.of(text).size();
        if (terms > limits.queryTerms()) {
            throw new InvalidRequestException("query has " + terms + " distinct search terms, more than "
                    + limits.queryTerms() + " (ragline.limits.query-terms)");
        }
        return new QueryRequest(text, ClientIds.resolve(AuthenticatedClient.resolve(JsonBodies.textOrNull(root, CLIENT_ID), authenticated, null)),
                topK(root.get(TOP_K)), filters.parse(root.get(FILTER)));
    }

    private String visibleText(String query) {
        try {
            return normaliser.normalise(query);
        } catch (DocumentRejectedException e) {
            throw new InvalidRequestException("query has no visible characters");
        }
    }

    private int topK(JsonNode node) {
        if (node == null || node.isNull()) {
            return settings.defaultTopK();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > settings.maxTopK()) {
            throw new InvalidRequestException("top_k must be an integer between 1 and " + settings.maxTopK());
        }
        return node.asInt();
    }
}
