package io.ragline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.camel.spi.IdempotentRepository;

import io.ragline.cache.AnswerCache;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.IngestKeys;
import io.ragline.document.ParsedDocument;
import io.ragline.document.SourceDocument;
import io.ragline.store.DocumentPage;
import io.ragline.store.VectorStore;

/**
 * Ingest's view of the store: skip unchanged content, write, commit, delete, and retire cached answers.
 * When a document's content is replaced or deleted its key leaves the idempotent repository, so the
 * repository only ever vouches for what the store holds: content that comes back is indexed again.
 */
public class DocumentIndex {

    private final VectorStore store;
    private final AnswerCache answers;
    private final IdempotentRepository processed;
    private final Set<DocumentRef> changed = ConcurrentHashMap.newKeySet();
    /** Batches write under the read lock, commits take the write lock: no commit publishes half a batch. */
    private final ReadWriteLock publishing = new ReentrantReadWriteLock();

    public DocumentIndex(VectorStore store, AnswerCache answers, IdempotentRepository processed) {
        this.store = store;
        this.answers = answers;
        this.processed = processed;
    }

    public boolean isUnchanged(ParsedDocument document) {
        return holds(document.clientId(), document.documentId(), document.contentHash());
    }

    /** Whether the store holds this very content of the document already. */
    public boolean holds(SourceDocument document) {
        return holds(document.clientId(), document.documentId(), document.contentHash());
    }

    private boolean holds(String clientId, String documentId, String contentHash) {
        return store.contentHash(clientId, documentId).map(contentHash::equals).orElse(false);
    }

    public IngestResult index(EmbeddedDocument document) {
        ParsedDocument parsed = document.document();
        forgetStoredContent(parsed.clientId(), parsed.documentId());
        store.upsertDocument(document);
        changed.add(new DocumentRef(parsed.clientId(), parsed.documentId()));
        return new IngestResult(parsed.clientId(), parsed.documentId(), document.chunks().size(), false);
    }

    /**
     * Writes and commits a batch whose documents were all prepared first ({@link EmbeddedDocument}s, or
     * the {@link IngestResult}s of unchanged ones): it becomes searchable whole, or, if preparing any
     * of them failed, was never written at all.
     */
    public List<IngestResult> writeAll(List<?> prepared) {
        List<EmbeddedDocument> documents = new ArrayList<>();
        List<IngestResult> results = new ArrayList<>(prepared.size());
        for (Object document : prepared) {
            if (document instanceof EmbeddedDocument embedded) {
                documents.add(embedded);
                ParsedDocument parsed = embedded.document();
                results.add(new IngestResult(parsed.clientId(), parsed.documentId(), embedded.chunks().size(), false));
            } else {
                results.add((IngestResult) document);
            }
        }
        publishing.readLock().lock();
        try {
            documents.forEach(document -> forgetStoredContent(document.document().clientId(), document.document().documentId()));
            store.upsertDocuments(documents);
            documents.forEach(document -> changed.add(new DocumentRef(document.document().clientId(), document.document().documentId())));
        } finally {
            publishing.readLock().unlock();
        }
        commit();
        return results;
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
        changed.add(new DocumentRef(document.clientId(), document.documentId()));
        return new IngestResult(document.clientId(), document.documentId(), chunkCount, false);
    }

    /** Removes the document durably, and every cached answer citing it. @return chunks removed, 0 when unknown */
    /** A page of the client's documents in id order, after {@code afterId} (null: from the first). */
    public DocumentPage list(String clientId, String afterId, int limit) {
        return store.listDocuments(clientId, afterId, limit);
    }

    public int delete(String clientId, String documentId) {
        forgetStoredContent(clientId, documentId);
        int removed = store.deleteDocument(clientId, documentId);
        if (removed > 0) {
            changed.add(new DocumentRef(clientId, documentId));
            commit();
        }
        return removed;
    }

    /**
     * Durability point: entry routes call it once before acknowledging what they ingested. Cached answers
     * are retired only now: retired earlier, a query in between would cache an answer from the old index.
     * Answers citing a changed document go from both tiers, so even the fallback never serves them.
     */
    public void commit() {
        publishing.writeLock().lock();
        try {
            store.commit();
        } finally {
            publishing.writeLock().unlock();
        }
        List<DocumentRef> documents = List.copyOf(changed);
        changed.removeAll(documents);
        documents.stream().map(DocumentRef::clientId).distinct().forEach(answers::invalidateClient);
        documents.forEach(document -> answers.forgetDocument(document.clientId(), document.documentId()));
    }

    private void forgetStoredContent(String clientId, String documentId) {
        store.contentHash(clientId, documentId)
                .ifPresent(hash -> processed.remove(IngestKeys.of(clientId, documentId, hash)));
    }

    private record DocumentRef(String clientId, String documentId) {
    }
}
