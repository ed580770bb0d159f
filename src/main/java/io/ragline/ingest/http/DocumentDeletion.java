package io.ragline.ingest.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.web.util.UriUtils;

import io.ragline.api.AuthenticatedClient;
import io.ragline.api.InvalidRequestException;
import io.ragline.api.NotFoundException;
import io.ragline.api.QueryParameters;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRules;
import io.ragline.ingest.DocumentIndex;
import io.ragline.security.ClientRateLimits;

/**
 * DELETE /api/documents/{id}?client_id=...: removes every chunk of the document. An id that a URL path
 * cannot carry (one holding a '/', a ';' or a backslash, which the firewall refuses in a path, or "." and
 * "..", which normalising the path swallows) is named as a query parameter instead:
 * DELETE /api/documents?document_id=...&client_id=....
 */
public class DocumentDeletion {

    private final DocumentIndex index;
    private final DocumentRules rules;
    private final ClientRateLimits rateLimits;

    public DocumentDeletion(DocumentIndex index, DocumentRules rules, ClientRateLimits rateLimits) {
        this.index = index;
        this.rules = rules;
        this.rateLimits = rateLimits;
    }

    /** The path parameter of {@code DELETE /api/documents/{id}}. */
    static final String ID = "id";
    static final String CLIENT_ID = "client_id";
    static final String DOCUMENT_ID = "document_id";

    /**
     * @param rawId    the id as it stands in the path, percent-encoded: an id with a space or a '%' deletes as ingested
     * @param rawQuery the query string as sent, which names the client
     */
    public Map<String, Object> deleteByPath(@Header(ID) String rawId, @Header(Exchange.HTTP_QUERY) String rawQuery,
                                            @Header(AuthenticatedClient.HEADER) String authenticated) {
        return delete(decode(rawId), QueryParameters.parse(rawQuery).get(CLIENT_ID), authenticated);
    }

    /** @param rawQuery the query string as sent, which names the document and the client */
    public Map<String, Object> deleteNamed(@Header(Exchange.HTTP_QUERY) String rawQuery,
                                           @Header(AuthenticatedClient.HEADER) String authenticated) {
        QueryParameters parameters = QueryParameters.parse(rawQuery);
        String documentId = parameters.get(DOCUMENT_ID);
        if (documentId == null) {
            throw new InvalidRequestException("document_id is required: DELETE /api/documents?document_id=...");
        }
        return delete(documentId, parameters.get(CLIENT_ID), authenticated);
    }

    private Map<String, Object> delete(String documentId, String clientId, String authenticated) {
        String client = ClientIds.resolve(AuthenticatedClient.resolve(clientId, authenticated, null));
        rateLimits.checkIngest(client, authenticated);
        rules.checkId(documentId);
        int removed = index.delete(client, documentId);
        if (removed == 0) {
            throw new NotFoundException("document '" + documentId + "' not found for client '" + client + "'");
        }
        return Map.of("success", true, "document_id", documentId, "client_id", client, "deleted_chunks", removed);
    }

    private static String decode(String rawId) {
        try {
            return UriUtils.decode(rawId, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the document id in the path is not validly percent-encoded");
        }
    }
}
