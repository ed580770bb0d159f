package io.ragline.store.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.SearchHit;
import io.ragline.store.StoredDocument;
import io.ragline.store.MetadataFilter;
import io.ragline.store.StoredMetadata;

/**
 * How chunks are laid out in the Lucene index: one Lucene document per chunk with an HNSW vector field
 * and a BM25 text field, its fields, and the queries and hits that read them.
 */
final class LuceneChunks {

    static final String DOC_KEY = "doc_key";
    static final String CLIENT = "client_id";
    static final String DOCUMENT_ID = "document_id";
    static final String TITLE = "title";
    static final String TITLE_TERMS = "title_terms";
    static final String TEXT = "text";
    static final String SOURCE = "source";
    static final String CHUNK_INDEX = "chunk_index";
    static final String CONTENT_HASH = "content_hash";
    /** Marks a document's first chunk, so documents can be listed without their chunks. */
    static final String FIRST_CHUNK = "first_chunk";
    static final String VECTOR = "vector";
    /**
     * The document's title vector on each of its chunks, in doc values (no graph: it is only read for the
     * candidates of a search), as bytes of the unit vector times 127: a quarter of the floats' size, and
     * precise to about 0.01 of a similarity, ample for a signal scaled over the candidates.
     */
    static final String TITLE_VECTOR = "title_vector";
    /** The document's metadata as JSON, on every chunk, so a hit carries it without another lookup. */
    static final String METADATA = "metadata";
    /** Epoch milliseconds when the document's chunks were written. */
    static final String INGESTED_AT = "ingested_at";
    private static final float TITLE_BOOST = 0.5f;
    static final int MAX_KEYWORD_TERMS = 400;

    private LuceneChunks() {
    }

    /**
     * Compound files off (frequent small commits would copy each new segment twice), HNSW graph and merges
     * as configured. A commit does not wait for merges of small segments (Lucene waits up to 500 ms by
     * default): it holds up the ingest request, and the background merges catch up anyway.
     */
    static IndexWriterConfig writerConfig(Analyzer analyzer, ConcurrentMergeScheduler merges, LuceneSettings settings) {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        policy.setSegmentsPerTier(settings.segmentsPerTier());
        KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(settings.hnswMaxConn(), settings.hnswBeamWidth());
        return new IndexWriterConfig(analyzer)
                .setMergeScheduler(merges)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setUseCompoundFile(false)
                .setMaxFullFlushMergeWaitMillis(0)
                .setMergePolicy(policy)
                .setCodec(new Lucene104Codec() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return vectors;
                    }
                });
    }

    static List<Document> toLucene(EmbeddedDocument embedded) {
        List<Document> docs = new ArrayList<>(embedded.chunks().size());
        BytesRef titleVector = embedded.titleVector() == null ? null : new BytesRef(toBytes(unit(embedded.titleVector())));
        long ingestedAt = System.currentTimeMillis();
        for (EmbeddedChunk chunk : embedded.chunks()) {
            Document doc = toLucene(embedded.document(), chunk);
            doc.add(new StoredField(INGESTED_AT, ingestedAt));
            if (titleVector != null) {
                doc.add(new BinaryDocValuesField(TITLE_VECTOR, titleVector));
            }
            docs.add(doc);
        }
        return docs;
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
        if (!document.metadata().isEmpty()) {
            doc.add(new StoredField(METADATA, StoredMetadata.toJson(document.metadata())));
            LuceneMetadata.index(doc, document.metadata());
        }
        return doc;
    }

    /** Every chunk of one document shares this term, so a document's chunks are replaced or deleted together. */
    static Term docKey(String clientId, String documentId) {
        return new Term(DOC_KEY, docKeyValue(clientId, documentId));
    }

    private static String docKeyValue(String clientId, String documentId) {
        return clientId + '\u001f' + documentId;
    }

    static Query clientFilter(String clientId) {
        return new TermQuery(new Term(CLIENT, clientId));
    }

    /**
     * The client's nearest chunks, {@code explored} candidates walked in the graph: Lucene applies the client
     * filter while walking (or searches exactly when it is selective).
     */
    static Query nearest(String clientId, MetadataFilter filter, float[] vector, int explored) {
        return new KnnFloatVectorQuery(VECTOR, unit(vector), explored, LuceneMetadata.scope(clientFilter(clientId), filter));
    }

    /** The document's chunks of version {@code contentHash}, or ({@code others}) of every other version. */
    static Query versions(String clientId, String documentId, String contentHash, boolean others) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(docKey(clientId, documentId)), Occur.FILTER)
                .add(new TermQuery(new Term(CONTENT_HASH, contentHash)), others ? Occur.MUST_NOT : Occur.FILTER)
                .build();
    }

    /** The first chunk of every document whose source starts with the prefix. */
    static Query documentsBySource(String sourcePrefix) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(FIRST_CHUNK, "y")), Occur.FILTER)
                .add(new PrefixQuery(new Term(SOURCE, sourcePrefix)), Occur.FILTER)
                .build();
    }

    /**
     * BM25 over chunk text, the title weighing in less; only the client's chunks. At most
     * {@link #MAX_KEYWORD_TERMS} terms, two clauses each: well within Lucene's clause limit, whatever the
     * caller let through.
     */
    static Query keywords(String clientId, MetadataFilter filter, Set<String> terms) {
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        for (String term : terms.stream().limit(MAX_KEYWORD_TERMS).toList()) {
            matches.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
            matches.add(new BoostQuery(new TermQuery(new Term(TITLE_TERMS, term)), TITLE_BOOST), Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(LuceneMetadata.scope(clientFilter(clientId), filter), Occur.FILTER)
                .add(matches.build(), Occur.MUST)
                .build();
    }

    /** The client's chunks whose text holds every one of the terms. */
    static Query allTerms(String clientId, MetadataFilter filter, Set<String> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(LuceneMetadata.scope(clientFilter(clientId), filter), Occur.FILTER);
        terms.stream().limit(MAX_KEYWORD_TERMS).forEach(term -> query.add(new TermQuery(new Term(TEXT, term)), Occur.FILTER));
        return query.build();
    }

    static StoredDocument storedDocument(Document doc) {
        return new StoredDocument(doc.get(CLIENT), doc.get(DOCUMENT_ID), doc.get(SOURCE), doc.get(CONTENT_HASH));
    }

    static List<SearchHit> toHits(IndexSearcher searcher, TopDocs top, DoubleUnaryOperator scores) throws IOException {
        StoredFields fields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            hits.add(toHit(fields, scoreDoc.doc, scores.applyAsDouble(scoreDoc.score)));
        }
        return hits;
    }

    /** Reads one chunk in full: the costly part of a search (stored fields are compressed in blocks). */
    static SearchHit toHit(StoredFields fields, int docId, double score) throws IOException {
        Document doc = fields.document(docId);
        return new SearchHit(doc.get(DOCUMENT_ID), doc.get(TITLE), doc.getField(CHUNK_INDEX).numericValue().intValue(),
                doc.get(TEXT), score, StoredMetadata.fromJson(doc.get(METADATA)));
    }

    /**
     * The unit query vector's cosine similarity to the title vector of each chunk's document, for chunks
     * whose document has one. Doc values are read forwards, so the chunks go in doc id order, leaf by leaf.
     */
    static Map<Integer, Double> titleSimilarities(IndexReader reader, float[] unitQuery, Set<Integer> docIds) throws IOException {
        Map<Integer, Double> similarities = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues titles = null;
        for (int docId : new TreeSet<>(docIds)) {
            if (leaf == null || docId >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
                titles = leaf.reader().getBinaryDocValues(TITLE_VECTOR);
            }
            if (titles != null && titles.advanceExact(docId - leaf.docBase)) {
                similarities.put(docId, cosine(unitQuery, titles.binaryValue()));
            }
        }
        return similarities;
    }

    private static byte[] toBytes(float[] unit) {
        byte[] bytes = new byte[unit.length];
        for (int i = 0; i < unit.length; i++) {
            bytes[i] = (byte) Math.round(unit[i] * 127);
        }
        return bytes;
    }

    private static double cosine(float[] unitQuery, BytesRef title) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < unitQuery.length && i < title.length; i++) {
            byte component = title.bytes[title.offset + i];
            dot += unitQuery[i] * component;
            norm += component * component;
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }

    /** DOT_PRODUCT needs unit vectors; providers do not all normalise. */
    static float[] unit(float[] vector) {
        return VectorUtil.l2normalize(vector.clone());
    }
}
