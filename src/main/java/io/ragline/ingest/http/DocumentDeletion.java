package io.ragline.ingest.http;

import java.util.Map;

import org.apache.camel.Header;

import io.ragline.api.NotFoundException;
import io.ragline.document.ClientIds;
import io.ragline.ingest.DocumentIndex;

/** DELETE /api/documents/{id}?client_id=...: removes every chunk of the document. */
public class DocumentDeletion {

    private final DocumentIndex index;

    public DocumentDeletion(DocumentIndex index) {
        this.index = index;
    }

    public Map<String, Object> delete(@Header("id") String documentId, @Header("client_id") String clientId) {
        String client = ClientIds.resolve(clientId);
        int removed = index.delete(client, documentId);
        if (removed == 0) {
            throw new NotFoundException("document '" + documentId + "' not found for client '" + client + "'");
        }
        return Map.of("success", true, "document_id", documentId, "client_id", client, "deleted_chunks", removed);
    }
}
