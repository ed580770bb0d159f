package io.ragline.store.pgvector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import com.pgvector.PGvector;

import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.DocumentPage;
import io.ragline.store.EmbeddingModelMismatchException;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.KeywordSearchAhead;
import io.ragline.store.MetadataFilter;
import io.ragline.store.SearchHit;
import io.ragline.store.StoreHealth;
import io.ragline.store.StoredDocument;
import io.ragline.store.StoredMetadata;
import io.ragline.store.VectorStore;
import io.ragline.text.Identifiers;

/**
 * The chunk store on PostgreSQL with pgvector, shared by every replica. Each write is one transaction
 * (a batch of documents shares one), so {@link #commit()} has nothing left to do. Searches apply the
 * client filter inside the HNSW scan: with iterative index scans a selective filter still fills k.
 */
public class PgVectorStore implements VectorStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgVectorStore.class);
    /** Keyword terms per search, as in the Lucene adapter. */
    private static final int MAX_KEYWORD_TERMS = 400;
    private static final String HIT_COLUMNS = "document_id, title, chunk_index, text, metadata::text AS metadata";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChunkWrites writes;
    private final PgDocumentListing listing;
    private final PgVectorSettings settings;
    /**
     * Keyword rankings started while a question is embedded, each holding a pooled connection while it runs,
     * none queued: when all run, a question's search ranks its keywords itself. Null when there are none.
     */
    private final ExecutorService keywordSearchesAhead;

    public PgVectorStore(JdbcTemplate jdbc, TransactionTemplate transactions, PgVectorSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writes = new ChunkWrites(jdbc);
        this.listing = new PgDocumentListing(jdbc);
        this.settings = settings;
        this.keywordSearchesAhead = settings.keywordSearchesAhead() == 0 ? null
                : new ThreadPoolExecutor(0, settings.keywordSearchesAhead(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "pgvector-keyword-search");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public void upsertDocument(EmbeddedDocument document) {
        upsertDocuments(List.of(document));
    }

    @Override
    public void upsertDocuments(List<EmbeddedDocument> documents) {
        transactions.executeWithoutResult(status -> {
            documents.stream().map(EmbeddedDocument::document)
                    .sorted(Comparator.comparing(ParsedDocument::clientId).thenComparing(ParsedDocument::documentId))
                    .forEach(document -> writes.lock(document.clientId(), document.documentId()));
            documents.forEach(document -> {
                ParsedDocument parsed = document.document();
                jdbc.update("DELETE FROM chunks WHERE client_id = ? AND document_id = ?", parsed.clientId(), parsed.documentId());
                writes.insert(document);
            });
        });
    }

    @Override
    public void appendChunks(EmbeddedDocument part) {
        writes.insert(part);
    }

    @Override
    public void removeVersions(String clientId, String documentId, String contentHash, boolean keep) {
        jdbc.update("DELETE FROM chunks WHERE client_id = ? AND document_id = ? AND content_hash " + (keep ? "<>" : "=") + " ?",
                clientId, documentId, contentHash);
    }

    @Override
    public int deleteDocument(String clientId, String documentId) {
        return transactions.execute(status -> {
            writes.lock(clientId, documentId);
            return jdbc.update("DELETE FROM chunks WHERE client_id = ? AND document_id = ?", clientId, documentId);
        });
    }

    /** The model and dimension live in the database, so every replica and every restart checks against them. */
    @Override
    public void bindEmbeddingModel(String modelName, int dimension) {
        if (dimension != settings.dimension()) {
            throw new EmbeddingModelMismatchException("The chunks table holds vectors of dimension " + settings.dimension()
                    + " (ragline.store.pgvector.dimension) but the model " + modelName + " makes vectors of dimension "
                    + dimension + ". Set ragline.store.pgvector.dimension for a new database, or configure the original model.");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO embedding_model (model, dimension) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", modelName, dimension);
            Map<String, Object> recorded = jdbc.queryForMap("SELECT model, dimension FROM embedding_model");
            if (!modelName.equals(recorded.get("model")) || dimension != ((Number) recorded.get("dimension")).intValue()) {
                throw new EmbeddingModelMismatchException("The database was built with embedding model " + recorded.get("model")
                        + " (dimension " + recorded.get("dimension") + ") but the configured model is " + modelName + " (dimension "
                        + dimension + "). Vectors of different models cannot be compared: configure the original model, or"
                        + " point spring.datasource.url at a new database and re-ingest.");
            }
        });
    }

    /** Every write committed its own transaction already. */
    @Override
    public void commit() {
    }

    @Override
    public Optional<String> contentHash(String clientId, String documentId) {
        return jdbc.query("SELECT content_hash FROM chunks WHERE client_id = ? AND document_id = ? LIMIT 1",
                (row, i) -> row.getString(1), clientId, documentId).stream().findFirst();
    }

    @Override
    public List<StoredDocument> documentsBySource(String sourcePrefix) {
        return listing.bySource(sourcePrefix);
    }

    @Override
    public DocumentPage listDocuments(String clientId, String afterId, int limit) {
        return listing.page(clientId, afterId, limit);
    }

    /**
     * Nearest chunks by cosine similarity. The client filter runs inside the index scan; iterative scans
     * (pgvector 0.8) keep scanning until k rows pass it, so a client owning 1% of the rows still gets k.
     */
    @Override
    public List<SearchHit> vectorSearch(String clientId, MetadataFilter filter, float[] vector, int k) {
        PGvector query = new PGvector(vector);
        PgMetadataFilter metadata = PgMetadataFilter.of(filter);
        List<SearchHit> hits = transactions.execute(status -> {
            jdbc.execute("SET LOCAL hnsw.ef_search = " + Math.max(k, settings.efSearch()));
            jdbc.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            // LIMIT as a literal (an int): with a parameter, the driver's prepared statement gets a generic
            // plan that cannot count on the limit and sorts the whole table instead of walking the index
            return jdbc.query("SELECT " + HIT_COLUMNS + ", 1 - (embedding <=> ?) AS score FROM chunks WHERE client_id = ?" + metadata.sql()
                    + " ORDER BY embedding <=> ? LIMIT " + k, (row, i) -> hit(row), metadata.around(2, query, clientId, query));
        });
        // relaxed order: nearly sorted, so sort what came back
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return hits;
    }

    @Override
    public KeywordHeadStart startKeywordRanking(String clientId, MetadataFilter filter, String text, int candidates) {
        if (keywordSearchesAhead == null) {
            return KeywordHeadStart.NONE;
        }
        try {
            return KeywordSearchAhead.start(this, clientId, filter, text, candidates, keywordSearchesAhead);
        } catch (RejectedExecutionException e) {
            return KeywordHeadStart.NONE;
        }
    }

    @Override
    public void close() {
        if (keywordSearchesAhead != null) {
            keywordSearchesAhead.shutdown();
        }
    }

    @Override
    public Map<String, Double> titleSimilarities(String clientId, float[] vector, Set<String> documentIds) {
        return PgTitleVectors.similarities(jdbc, clientId, vector, documentIds);
    }

    /**
     * Full-text search, English stemming, ranked by ts_rank. PostgreSQL ranks every matching row (it has no
     * top-k pruning like Lucene's), so: the chunks holding all the question's words first; only when they
     * are fewer than k, those holding any of them, ranked among the first {@code keywordCandidates} matches.
     */
    @Override
    public List<SearchHit> keywordSearch(String clientId, MetadataFilter filter, String text, int k) {
        Set<String> words = words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        PgMetadataFilter metadata = PgMetadataFilter.of(filter);
        List<SearchHit> all = rankedMatches(clientId, metadata, String.join(" & ", words), k, Integer.MAX_VALUE);
        if (all.size() >= k || words.size() == 1) {
            return all;
        }
        return rankedMatches(clientId, metadata, String.join(" | ", words), k, settings.keywordCandidates());
    }

    private List<SearchHit> rankedMatches(String clientId, PgMetadataFilter metadata, String tsQuery, int k, int candidates) {
        // limits as literals (ints), for the reason given in vectorSearch
        return jdbc.query("SELECT " + HIT_COLUMNS + ", ts_rank(text_search, query) AS score FROM (SELECT * FROM chunks,"
                + " to_tsquery('english', ?) query WHERE client_id = ?" + metadata.sql() + " AND text_search @@ query LIMIT " + candidates
                + ") matches ORDER BY score DESC LIMIT " + k, (row, i) -> hit(row), metadata.around(2, tsQuery, clientId));
    }

    /** One round trip for all identifiers; plainto_tsquery takes their letters and digits, stemmed as the index is. */
    @Override
    public List<SearchHit> exactMatches(String clientId, MetadataFilter filter, String text, int maxChunks) {
        Set<String> identifiers = Identifiers.in(text);
        if (identifiers.isEmpty()) {
            return List.of();
        }
        Map<String, List<SearchHit>> holding = new LinkedHashMap<>();
        PgMetadataFilter metadata = PgMetadataFilter.of(filter);
        jdbc.query("SELECT identifier, " + HIT_COLUMNS + ", 0 AS score FROM unnest(?::text[]) AS identifiers(identifier)"
                + " CROSS JOIN LATERAL (SELECT * FROM chunks WHERE client_id = ?" + metadata.sql() + " AND text_search @@ plainto_tsquery('english', identifier)"
                + " LIMIT " + (maxChunks + 1) + ") holders", (RowCallbackHandler) row ->
                holding.computeIfAbsent(row.getString("identifier"), identifier -> new ArrayList<>()).add(hit(row)),
                metadata.around(2, identifiers.toArray(String[]::new), clientId));
        return holding.values().stream().filter(hits -> hits.size() <= maxChunks).flatMap(List::stream).toList();
    }

    /** Letters and digits only: nothing of the question reaches to_tsquery as an operator. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty()).limit(MAX_KEYWORD_TERMS).forEach(words::add);
        return words;
    }

    @Override
    public long count(String clientId) {
        Long count = clientId == null
                ? jdbc.queryForObject("SELECT count(*) FROM chunks", Long.class)
                : jdbc.queryForObject("SELECT count(*) FROM chunks WHERE client_id = ?", Long.class, clientId);
        return count == null ? 0 : count;
    }

    /** Cheap: a round trip and the planner's row estimate, not a count over every chunk. */
    @Override
    public StoreHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            Long estimate = jdbc.queryForObject("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = 'chunks'", Long.class);
            details.put("chunks_estimate", estimate);
            return new StoreHealth(true, "pgvector", details);
        } catch (RuntimeException e) {
            LOG.warn("PostgreSQL health check failed", e);
            details.put("error", "the database cannot be reached");
            return new StoreHealth(false, "pgvector", details);
        }
    }

    /** Refreshes the planner's statistics; for benchmarks that measure right after a bulk load, before autovacuum does. */
    public void analyze() {
        jdbc.execute("ANALYZE chunks");
    }

    private static SearchHit hit(ResultSet row) throws SQLException {
        return new SearchHit(row.getString("document_id"), row.getString("title"), row.getInt("chunk_index"),
                row.getString("text"), row.getDouble("score"), StoredMetadata.fromJson(row.getString("metadata")));
    }
}
