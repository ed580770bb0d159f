package io.ragline.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ragline.document.EmbeddedDocument;

/**
 * Port to the chunk store. Every read is scoped to one client; every write of a document replaces
 * all of its chunks at once. Writes become durable and searchable at the next {@link #commit()}:
 * entry routes commit once before they acknowledge, so a batch shares one commit.
 */
public interface VectorStore {

    /** Replaces every chunk of the document atomically. */
    void upsertDocument(EmbeddedDocument document);

    /**
     * Replaces every chunk of each document. Where the store has transactions they share one; the Lucene
     * index makes them visible together at the next commit, which the caller holds back until all are in.
     */
    default void upsertDocuments(List<EmbeddedDocument> documents) {
        documents.forEach(this::upsertDocument);
    }

    /**
     * Adds chunks to a document without removing any: a document too large to hold in memory is written
     * part by part, all parts carrying its new content hash, then {@link #keepOnlyVersion} drops the old
     * version. Until then searches may see both.
     */
    void appendChunks(EmbeddedDocument part);

    /** Removes the document's chunks whose content hash is {@code contentHash} ({@code keep == false}) or is not ({@code keep == true}). */
    void removeVersions(String clientId, String documentId, String contentHash, boolean keep);

    /** Removes every chunk of the document except those of this version. */
    default void keepOnlyVersion(String clientId, String documentId, String contentHash) {
        removeVersions(clientId, documentId, contentHash, true);
    }

    /** @return the number of chunks removed (0 when the document is unknown) */
    int deleteDocument(String clientId, String documentId);

    /**
     * Records the embedding model on first use and refuses any other afterwards: vectors of different
     * models cannot be compared.
     *
     * @throws EmbeddingModelMismatchException when the store was built with another model or dimension
     */
    void bindEmbeddingModel(String modelName, int dimension);

    /** Makes every write made so far durable and searchable. Safe to call concurrently. */
    void commit();

    /** Hash of the content last stored for this document, if any. */
    Optional<String> contentHash(String clientId, String documentId);

    /**
     * The client's documents in id order, from the first after {@code afterId} (null: from the first).
     *
     * @param limit documents per page, at least 1
     */
    DocumentPage listDocuments(String clientId, String afterId, int limit);

    /** Every stored document whose source starts with the prefix. */
    List<StoredDocument> documentsBySource(String sourcePrefix);

    /** Nearest chunks by cosine similarity, the client and metadata filters applied inside the search. */
    List<SearchHit> vectorSearch(String clientId, MetadataFilter filter, float[] vector, int k);

    default List<SearchHit> vectorSearch(String clientId, float[] vector, int k) {
        return vectorSearch(clientId, MetadataFilter.NONE, vector, k);
    }

    /** Best chunks by BM25 over chunk text and title, the client and metadata filters applied inside the search. */
    List<SearchHit> keywordSearch(String clientId, MetadataFilter filter, String text, int k);

    default List<SearchHit> keywordSearch(String clientId, String text, int k) {
        return keywordSearch(clientId, MetadataFilter.NONE, text, k);
    }

    /**
     * Starts the keyword ranking of a hybrid search for the client's {@code text} before its vector
     * exists. Give it to {@link #hybridSearch(HybridQuery, KeywordHeadStart)} with the same client, text and
     * candidates, or close it. This default starts nothing: the search runs both rankings itself.
     */
    default KeywordHeadStart startKeywordRanking(String clientId, String text, int candidates) {
        return startKeywordRanking(clientId, MetadataFilter.NONE, text, candidates);
    }

    default KeywordHeadStart startKeywordRanking(String clientId, MetadataFilter filter, String text, int candidates) {
        return KeywordHeadStart.NONE;
    }

    /** Vector and keyword search fused by {@link HybridRanking}: the best {@code topK} chunks of the client. */
    default List<SearchHit> hybridSearch(HybridQuery query) {
        return hybridSearch(query, KeywordHeadStart.NONE);
    }

    /**
     * The hybrid search, its keyword ranking taken from {@code headStart} when that was started for this
     * query; closes it in any case. This default reads every candidate in full and takes a
     * {@link KeywordSearchAhead}; a store that can fuse light handles first overrides it.
     */
    default List<SearchHit> hybridSearch(HybridQuery query, KeywordHeadStart headStart) {
        List<SearchHit> vector;
        List<SearchHit> keyword;
        try (headStart) {
            vector = vectorSearch(query.clientId(), query.filter(), query.vector(), query.candidates()).stream()
                    .filter(hit -> hit.score() >= query.minSimilarity())
                    .toList();
            keyword = headStart instanceof KeywordSearchAhead ahead && ahead.startedFor(query) ? ahead.hits()
                    : keywordSearch(query.clientId(), query.filter(), query.text(), query.candidates());
        }
        Map<String, Double> titles = Map.of();
        if (query.fusion().weighsTitles()) {
            Set<String> documents = new HashSet<>();
            vector.forEach(hit -> documents.add(hit.documentId()));
            keyword.forEach(hit -> documents.add(hit.documentId()));
            titles = titleSimilarities(query.clientId(), query.vector(), documents);
        }
        List<SearchHit> exact = query.fusion().liftsExactMatches()
                ? exactMatches(query.clientId(), query.filter(), query.text(), query.fusion().exactMatchChunks()) : List.of();
        return HybridRanking.fuseHits(query.fusion(), query.topK(), List.of(vector, keyword), titles, exact);
    }

    /**
     * For each identifier of the text ({@link io.ragline.text.Identifiers}) that at most {@code maxChunks}
     * of the client's chunks hold, those chunks: a chunk holding two comes twice. This default finds none.
     */
    default List<SearchHit> exactMatches(String clientId, MetadataFilter filter, String text, int maxChunks) {
        return List.of();
    }

    /**
     * The cosine similarity of the vector to each document's title vector, by document id; documents
     * stored without one are left out. This default knows none.
     */
    default Map<String, Double> titleSimilarities(String clientId, float[] vector, Set<String> documentIds) {
        return Map.of();
    }

    /** Chunks stored for a client, or for all clients when {@code clientId} is null. */
    long count(String clientId);

    StoreHealth health();
}
