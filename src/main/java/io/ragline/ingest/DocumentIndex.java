package io.ragline.ingest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

import io.ragline.cache.AnswerCache;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.IngestKeys;
import io.ragline.document.ParsedDocument;
import io.ragline.store.VectorStore;

/**
 * Ingest's view of the store: skip unchanged content, write, commit, delete, and invalidate cached answers.
 * When a document's content is replaced or deleted its key leaves the idempotent repository, so the
 * repository only ever vouches for what the store holds: content that comes back is indexed again.
 */
public class DocumentIndex {

    private final VectorStore store;
    private final AnswerCache answers;
    private final IdempotentRepository processed;
    private final Set<String> changedClients = ConcurrentHashMap.newKeySet();

    public DocumentIndex(VectorStore store, AnswerCache answers, IdempotentRepository processed) {
        this.store = store;
        this.answers = answers;
        this.processed = processed;
    }

    public boolean isUnchanged(ParsedDocument document) {
        return store.contentHash(document.clientId(), document.documentId())
                .map(document.contentHash()::equals)
                .orElse(false);
    }

    public IngestResult index(EmbeddedDocument document) {
        ParsedDocument parsed = document.document();
        forgetStoredContent(parsed.clientId(), parsed.documentId());
        store.upsertDocument(document);
        changedClients.add(parsed.clientId());
        return new IngestResult(parsed.clientId(), parsed.documentId(), document.chunks().size(), false);
    }

    /** Starts writing a document in parts: leftovers of an earlier attempt at the same version go first. */
    public void beginParts(ParsedDocument document) {
        forgetStoredContent(document.clientId(), document.documentId());
        store.removeVersions(document.clientId(), document.documentId(), document.contentHash(), false);
    }

    /** A document written in parts failed: its parts go, the previous version stays. */
    public void abandonParts(ParsedDocument document) {
        if (document != null) {
            store.removeVersions(document.clientId(), document.documentId(), document.contentHash(), false);
        }
    }

    public void appendPart(EmbeddedDocument part) {
        store.appendChunks(part);
    }

    /** Completes a document written in parts: the previous version's chunks go. */
    public IngestResult finishParts(ParsedDocument document, int chunkCount) {
        if (chunkCount == 0) {
            store.removeVersions(document.clientId(), document.documentId(), document.contentHash(), false);
            throw new DocumentRejectedException("document has no text");
        }
        store.keepOnlyVersion(document.clientId(), document.documentId(), document.contentHash());
        changedClients.add(document.clientId());
        return new IngestResult(document.clientId(), document.documentId(), chunkCount, false);
    }

    /** Removes the document durably. @return chunks removed, 0 when the document is unknown */
    public int delete(String clientId, String documentId) {
        forgetStoredContent(clientId, documentId);
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

    private void forgetStoredContent(String clientId, String documentId) {
        store.contentHash(clientId, documentId)
                .ifPresent(hash -> processed.remove(IngestKeys.of(clientId, documentId, hash)));
    }
}
