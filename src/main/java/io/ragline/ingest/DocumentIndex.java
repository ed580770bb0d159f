package io.ragline.ingest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.ragline.cache.AnswerCache;
import io.ragline.embedding.EmbeddedDocument;
import io.ragline.store.VectorStore;

/** Ingest's view of the store: skip unchanged content, write, commit, delete, and invalidate cached answers. */
public class DocumentIndex {

    private final VectorStore store;
    private final AnswerCache answers;
    private final Set<String> changedClients = ConcurrentHashMap.newKeySet();

    public DocumentIndex(VectorStore store, AnswerCache answers) {
        this.store = store;
        this.answers = answers;
    }

    public boolean isUnchanged(ParsedDocument document) {
        return store.contentHash(document.clientId(), document.documentId())
                .map(document.contentHash()::equals)
                .orElse(false);
    }

    public IngestResult index(EmbeddedDocument document) {
        store.upsertDocument(document);
        changedClients.add(document.document().clientId());
        ParsedDocument parsed = document.document();
        return new IngestResult(parsed.clientId(), parsed.documentId(), document.chunks().size(), false);
    }

    /** Removes the document durably. @return chunks removed, 0 when the document is unknown */
    public int delete(String clientId, String documentId) {
        int removed = store.deleteDocument(clientId, documentId);
        if (removed > 0) {
            store.commit();
            answers.invalidateClient(clientId);
        }
        return removed;
    }

    /**
     * Durability point: entry routes call it once before acknowledging what they ingested. Cached answers
     * are retired only now: retired earlier, a query in between would cache an answer from the old index.
     */
    public void commit() {
        store.commit();
        for (String clientId : List.copyOf(changedClients)) {
            changedClients.remove(clientId);
            answers.invalidateClient(clientId);
        }
    }
}
