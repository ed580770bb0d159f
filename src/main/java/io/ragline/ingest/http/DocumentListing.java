package io.ragline.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;

import io.ragline.api.AuthenticatedClient;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.QueryParameters;
import io.ragline.document.ClientIds;
import io.ragline.ingest.DocumentIndex;
import io.ragline.security.ClientRateLimits;
import io.ragline.store.DocumentPage;

/**
 * GET /api/documents?client_id=...&limit=...&cursor=...: the client's documents in id order, a page at a
 * time. The cursor is opaque to clients: the id the page ended at, in base64url.
 */
public class DocumentListing {

    static final String CLIENT_ID = "client_id";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    private static final List<String> PARAMETERS = List.of(CLIENT_ID, LIMIT, CURSOR);

    private final DocumentIndex index;
    private final ClientRateLimits rateLimits;
    private final int defaultLimit;
    private final int maxLimit;

    public DocumentListing(DocumentIndex index, ClientRateLimits rateLimits, int defaultLimit, int maxLimit) {
        this.index = index;
        this.rateLimits = rateLimits;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    /** @param rawQuery the query string as sent */
    public Map<String, Object> list(@Header(Exchange.HTTP_QUERY) String rawQuery,
                                    @Header(AuthenticatedClient.HEADER) String authenticated) {
        QueryParameters parameters = QueryParameters.parse(rawQuery);
        parameters.onlyNames(PARAMETERS);
        String client = ClientIds.resolve(AuthenticatedClient.resolve(parameters.get(CLIENT_ID), authenticated, null));
        rateLimits.checkQuery(client, authenticated);
        DocumentPage page = index.list(client, afterId(parameters.get(CURSOR)), limit(parameters.get(LIMIT)));
        List<Map<String, Object>> documents = new ArrayList<>(page.documents().size());
        for (DocumentPage.Listed document : page.documents()) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("document_id", document.documentId());
            listed.put("title", document.title());
            listed.put("source", document.source() == null || document.source().isEmpty() ? null : document.source());
            listed.put("chunks", document.chunks());
            listed.put("content_hash", document.contentHash());
            listed.put("ingested_at", document.ingestedAt() == null ? null : document.ingestedAt().toString());
            listed.put("metadata", document.metadata());
            documents.add(listed);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("client_id", client);
        answer.put("documents", documents);
        answer.put("next_cursor", page.lastId() == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(page.lastId().getBytes(StandardCharsets.UTF_8)));
        return answer;
    }

    private int limit(String value) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be an integer between 1 and " + maxLimit);
    }

    private static String afterId(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cursor is not one a previous page gave");
        }
    }
}
