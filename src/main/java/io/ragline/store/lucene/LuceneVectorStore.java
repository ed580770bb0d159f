package io.ragline.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import io.ragline.embedding.EmbeddedChunk;
import io.ragline.embedding.EmbeddedDocument;
import io.ragline.ingest.ParsedDocument;
import io.ragline.store.EmbeddingModelMismatchException;
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

    private static final String DOC_KEY = "doc_key";
    private static final String CLIENT = "client_id";
    private static final String DOCUMENT_ID = "document_id";
    private static final String TITLE = "title";
    private static final String TITLE_TERMS = "title_terms";
    private static final String TEXT = "text";
    private static final String SOURCE = "source";
    private static final String CHUNK_INDEX = "chunk_index";
    private static final String CONTENT_HASH = "content_hash";
    /** Marks a document's first chunk, so documents can be listed without their chunks. */
    private static final String FIRST_CHUNK = "first_chunk";
    private static final String VECTOR = "vector";
    private static final float TITLE_BOOST = 0.5f;

    private final Path path;
    private final int numCandidates;
    private final Analyzer analyzer = TextTerms.analyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService segmentSearchPool;
    private final ConcurrentMergeScheduler mergeScheduler = new ConcurrentMergeScheduler();
    /** Writes made and writes covered by the last commit. */
    private final AtomicLong writes = new AtomicLong();
    private final Object commitLock = new Object();
    private long committedWrites;

    public LuceneVectorStore(Path path, int numCandidates, int ramBufferMb) {
        this(path, numCandidates, ramBufferMb, Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH);
    }

    /**
     * @param hnswMaxConn neighbours per node in the HNSW graph
     * @param hnswBeamWidth candidates considered while inserting a vector: lower builds the graph faster
     * (ingest and merges), at some cost in recall
     */
    public LuceneVectorStore(Path path, int numCandidates, int ramBufferMb, int hnswMaxConn, int hnswBeamWidth) {
        this.path = path;
        this.numCandidates = numCandidates;
        this.segmentSearchPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "lucene-search");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            TieredMergePolicy merges = new TieredMergePolicy();
            // frequent small commits: copying each new segment into a compound file would double its I/O
            merges.setNoCFSRatio(0.0);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setMergeScheduler(mergeScheduler)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setUseCompoundFile(false)
                    .setMergePolicy(merges)
                    .setCodec(new Lucene912Codec() {
                        private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(hnswMaxConn, hnswBeamWidth);

                        @Override
                        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                            return vectors;
                        }
                    });
            this.writer = new IndexWriter(directory, config);
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
        List<Document> docs = new ArrayList<>(embedded.chunks().size());
        for (EmbeddedChunk chunk : embedded.chunks()) {
            docs.add(toLucene(document, chunk));
        }
        try {
            writer.updateDocuments(docKey(document.clientId(), document.documentId()), docs);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + document.documentId(), e);
        }
    }

    @Override
    public void appendChunks(EmbeddedDocument part) {
        List<Document> docs = new ArrayList<>(part.chunks().size());
        for (EmbeddedChunk chunk : part.chunks()) {
            docs.add(toLucene(part.document(), chunk));
        }
        try {
            writer.addDocuments(docs);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + part.document().documentId(), e);
        }
    }

    @Override
    public void removeVersions(String clientId, String documentId, String contentHash, boolean keep) {
        Query version = new TermQuery(new Term(CONTENT_HASH, contentHash));
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(docKey(clientId, documentId)), Occur.FILTER)
                .add(version, keep ? Occur.MUST_NOT : Occur.FILTER)
                .build();
        try {
            writer.deleteDocuments(query);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete from document " + documentId, e);
        }
    }

    private static Document toLucene(ParsedDocument document, EmbeddedChunk chunk) {
        Document doc = new Document();
        doc.add(new StringField(DOC_KEY, docKeyValue(document.clientId(), document.documentId()), Field.Store.NO));
        doc.add(new StringField(CLIENT, document.clientId(), Field.Store.YES));
        doc.add(new StoredField(DOCUMENT_ID, document.documentId()));
        doc.add(new StoredField(TITLE, document.title()));
        doc.add(new TextField(TITLE_TERMS, document.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        doc.add(new StringField(SOURCE, document.source() == null ? "" : document.source(), Field.Store.YES));
        if (chunk.index() == 0) {
            doc.add(new StringField(FIRST_CHUNK, "y", Field.Store.NO));
        }
        doc.add(new StoredField(CHUNK_INDEX, chunk.index()));
        doc.add(new StringField(CONTENT_HASH, document.contentHash(), Field.Store.YES));
        doc.add(new KnnFloatVectorField(VECTOR, unit(chunk.vector()), VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    @Override
    public int deleteDocument(String clientId, String documentId) {
        Term key = docKey(clientId, documentId);
        try {
            int existing = withSearcher(searcher -> searcher.count(new TermQuery(key)));
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
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(docKey(clientId, documentId)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc).get(CONTENT_HASH));
        });
    }

    @Override
    public List<StoredDocument> documentsBySource(String sourcePrefix) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(FIRST_CHUNK, "y")), Occur.FILTER)
                .add(new PrefixQuery(new Term(SOURCE, sourcePrefix)), Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            int total = searcher.count(query);
            if (total == 0) {
                return List.of();
            }
            List<StoredDocument> documents = new ArrayList<>(total);
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(query, total).scoreDocs) {
                Document doc = fields.document(hit.doc);
                documents.add(new StoredDocument(doc.get(CLIENT), doc.get(DOCUMENT_ID), doc.get(SOURCE), doc.get(CONTENT_HASH)));
            }
            return documents;
        });
    }

    @Override
    public List<SearchHit> vectorSearch(String clientId, float[] vector, int k) {
        Query filter = new TermQuery(new Term(CLIENT, clientId));
        // Lucene applies the filter while walking the graph (or searches exactly when it is selective)
        Query query = new KnnFloatVectorQuery(VECTOR, unit(vector), Math.max(k, numCandidates), filter);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, k);
            // DOT_PRODUCT scores are (1 + cosine) / 2: report the cosine itself
            return toHits(searcher, top, score -> 2.0 * score - 1.0);
        });
    }

    @Override
    public List<SearchHit> keywordSearch(String clientId, String text, int k) {
        Set<String> terms = TextTerms.of(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        for (String term : terms) {
            matches.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
            matches.add(new BoostQuery(new TermQuery(new Term(TITLE_TERMS, term)), TITLE_BOOST), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CLIENT, clientId)), Occur.FILTER)
                .add(matches.build(), Occur.MUST)
                .build();
        return withSearcher(searcher -> toHits(searcher, searcher.search(query, k), score -> score));
    }

    @Override
    public long count(String clientId) {
        Query query = clientId == null ? new MatchAllDocsQuery() : new TermQuery(new Term(CLIENT, clientId));
        return withSearcher(searcher -> (long) searcher.count(query));
    }

    @Override
    public StoreHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("path", path.toAbsolutePath().toString());
        try {
            details.put("chunks", count(null));
            details.put("writer_open", writer.isOpen());
            return new StoreHealth(writer.isOpen(), "lucene", details);
        } catch (RuntimeException e) {
            details.put("error", e.getMessage());
            return new StoreHealth(false, "lucene", details);
        }
    }

    private List<SearchHit> toHits(IndexSearcher searcher, TopDocs top, ScoreMapper scores) throws IOException {
        StoredFields fields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document doc = fields.document(scoreDoc.doc);
            hits.add(new SearchHit(doc.get(DOCUMENT_ID), doc.get(TITLE),
                    doc.getField(CHUNK_INDEX).numericValue().intValue(), doc.get(TEXT), scores.map(scoreDoc.score)));
        }
        return hits;
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

    private static Term docKey(String clientId, String documentId) {
        return new Term(DOC_KEY, docKeyValue(clientId, documentId));
    }

    private static String docKeyValue(String clientId, String documentId) {
        return clientId + '\u001f' + documentId;
    }

    /** DOT_PRODUCT needs unit vectors; providers do not all normalise. */
    static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            throw new IllegalArgumentException("cannot index a zero vector");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
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
    }

    @FunctionalInterface
    private interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @FunctionalInterface
    private interface ScoreMapper {
        double map(float score);
    }
}
