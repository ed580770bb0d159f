package io.ragline.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.LoggerFactory;

import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.DocumentPage;
import io.ragline.store.EmbeddingModelMismatchException;
import io.ragline.store.HybridQuery;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.MetadataFilter;
import io.ragline.store.SearchHit;
import io.ragline.store.StoreHealth;
import io.ragline.store.StoredDocument;
import io.ragline.store.VectorStore;
import io.ragline.text.TextTerms;

/**
 * On-disk Lucene index: one Lucene document per chunk with an HNSW vector field and a BM25 text field.
 * A document's chunks share a key term, so {@link IndexWriter#updateDocuments} swaps them atomically.
 */
public class LuceneVectorStore implements VectorStore, AutoCloseable {

    static final String MODEL_KEY = "ragline.embedding.model";
    static final String DIMENSION_KEY = "ragline.embedding.dimension";

    private final Path path;
    private final int numCandidates;
    private final Analyzer analyzer = TextTerms.analyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService segmentSearchPool;
    private final LuceneHybridSearch hybridSearch;
    private final ClientStatistics statistics;
    private final ConcurrentMergeScheduler mergeScheduler = new ConcurrentMergeScheduler();
    /** Writes made and writes covered by the last commit. */
    private final AtomicLong writes = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedWrites;

    public LuceneVectorStore(LuceneSettings settings) {
        this.path = settings.path();
        this.numCandidates = settings.numCandidates();
        this.segmentSearchPool = SearchThreads.pool("lucene-search");
        this.statistics = new ClientStatistics(segmentSearchPool);
        this.hybridSearch = new LuceneHybridSearch(numCandidates, SearchThreads.pool("lucene-keyword-search"), statistics);
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            this.writer = new IndexWriter(directory, LuceneChunks.writerConfig(analyzer, mergeScheduler, settings));
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                    // segments are searched side by side: one query's latency no longer adds up over segments
                    return new IndexSearcher(reader, segmentSearchPool);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index at " + path.toAbsolutePath(), e);
        }
    }

    /** The model and dimension travel in the commit's user data, so they survive with the index. */
    @Override
    public synchronized void bindEmbeddingModel(String modelName, int dimension) {
        Map<String, String> recorded;
        try {
            recorded = DirectoryReader.indexExists(directory) ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lucene index at " + path, e);
        }
        String recordedModel = recorded.get(MODEL_KEY);
        String recordedDimension = recorded.get(DIMENSION_KEY);
        if (recordedModel != null && (!recordedModel.equals(modelName) || !recordedDimension.equals(Integer.toString(dimension)))) {
            throw new EmbeddingModelMismatchException("The index at " + path.toAbsolutePath() + " was built with embedding model "
                    + recordedModel + " (dimension " + recordedDimension + ") but the configured model is " + modelName
                    + " (dimension " + dimension + "). Vectors of different models cannot be compared: configure the"
                    + " original model, or point ragline.store.lucene.path at a new folder and re-ingest.");
        }
        if (recordedModel == null) {
            writer.setLiveCommitData(Map.of(MODEL_KEY, modelName, DIMENSION_KEY, Integer.toString(dimension)).entrySet());
            writes.incrementAndGet();
            commit();
        }
    }

    @Override
    public void upsertDocument(EmbeddedDocument embedded) {
        ParsedDocument document = embedded.document();
        try {
            writer.updateDocuments(LuceneChunks.docKey(document.clientId(), document.documentId()), LuceneChunks.toLucene(embedded));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + document.documentId(), e);
        }
    }

    @Override
    public void appendChunks(EmbeddedDocument part) {
        try {
            writer.addDocuments(LuceneChunks.toLucene(part));
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + part.document().documentId(), e);
        }
    }

    @Override
    public void removeVersions(String clientId, String documentId, String contentHash, boolean keep) {
        Query query = LuceneChunks.versions(clientId, documentId, contentHash, keep);
        try {
            writer.deleteDocuments(query);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from document " + documentId, e);
        }
    }

    @Override
    public int deleteDocument(String clientId, String documentId) {
        Term key = LuceneChunks.docKey(clientId, documentId);
        try {
            int existing = withLookup(searcher -> searcher.count(new TermQuery(key)));
            if (existing == 0) {
                return 0;
            }
            writer.deleteDocuments(key);
            writes.incrementAndGet();
            return existing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete document " + documentId, e);
        }
    }

    @Override
    public Optional<String> contentHash(String clientId, String documentId) {
        return withLookup(searcher -> {
            TopDocs top = searcher.search(new TermQuery(LuceneChunks.docKey(clientId, documentId)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc).get(LuceneChunks.CONTENT_HASH));
        });
    }

    @Override
    public List<StoredDocument> documentsBySource(String sourcePrefix) {
        return withSearcher(searcher -> LuceneDocumentListing.bySource(searcher, sourcePrefix));
    }

    @Override
    public DocumentPage listDocuments(String clientId, String afterId, int limit) {
        return withSearcher(searcher -> LuceneDocumentListing.page(searcher, clientId, afterId, limit));
    }

    @Override
    public List<SearchHit> vectorSearch(String clientId, MetadataFilter filter, float[] vector, int k) {
        Query query = LuceneChunks.nearest(clientId, filter, vector, Math.max(k, numCandidates));
        // DOT_PRODUCT scores are (1 + cosine) / 2: report the cosine itself
        return withSearcher(searcher -> LuceneChunks.toHits(searcher, searcher.search(query, k), score -> 2.0 * score - 1.0));
    }

    @Override
    public List<SearchHit> keywordSearch(String clientId, MetadataFilter filter, String text, int k) {
        Set<String> terms = TextTerms.of(text);
        // BM25 on the client's own corpus statistics (ClientStatistics)
        return terms.isEmpty() ? List.of() : withSearcher(searcher -> LuceneChunks.toHits(searcher,
                statistics.scoped(searcher, clientId).search(LuceneChunks.keywords(clientId, filter, terms), k), score -> score));
    }

    @Override
    public KeywordHeadStart startKeywordRanking(String clientId, MetadataFilter filter, String text, int candidates) {
        return hybridSearch.start(searchers, clientId, filter, text, candidates);
    }

    @Override
    public List<SearchHit> hybridSearch(HybridQuery query, KeywordHeadStart headStart) {
        return hybridSearch.search(searchers, query, headStart);
    }

    @Override
    public long count(String clientId) {
        Query query = clientId == null ? new MatchAllDocsQuery() : LuceneChunks.clientFilter(clientId);
        return withSearcher(searcher -> (long) searcher.count(query));
    }

    @Override
    public StoreHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            details.put("chunks", count(null));
            // each segment is searched on its own: many of them slow every query down
            details.put("segments", withSearcher(searcher -> searcher.getIndexReader().leaves().size()));
            details.put("writer_open", writer.isOpen());
            return new StoreHealth(writer.isOpen(), "lucene", details);
        } catch (RuntimeException e) {
            // the message may name paths: it stays in the log
            LoggerFactory.getLogger(LuceneVectorStore.class).warn("Lucene index cannot be read", e);
            details.put("error", "the index cannot be read");
            return new StoreHealth(false, "lucene", details);
        }
    }

    /**
     * Group commit: concurrent callers queue on the lock; the first one in commits everything written
     * so far, and those whose writes it covered return without an fsync of their own.
     */
    @Override
    public void commit() {
        long target = writes.get();
        synchronized (commitLock) {
            if (committedWrites >= target) {
                return;
            }
            long covered = writes.get();
            try {
                writer.commit();
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit the Lucene index at " + path, e);
            }
            committedWrites = covered;
        }
    }

    private <T> T withSearcher(SearcherFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the Lucene index at " + path, e);
        }
    }

    /** A key lookup seeks one term per segment: on the calling thread, not handed to the search threads. */
    private <T> T withLookup(SearcherFunction<T> function) {
        return withSearcher(searcher -> function.apply(new IndexSearcher(searcher.getIndexReader())));
    }

    /** Blocks until background merges have finished; for benchmarks that measure a settled index. */
    public void awaitMerges() {
        mergeScheduler.sync();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        segmentSearchPool.shutdown();
        hybridSearch.close();
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
