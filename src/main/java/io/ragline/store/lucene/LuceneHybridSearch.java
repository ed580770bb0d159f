package io.ragline.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;

import io.ragline.store.HybridQuery;
import io.ragline.store.HybridRanking;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.KeywordRankingFor;
import io.ragline.store.MetadataFilter;
import io.ragline.store.SearchHit;
import io.ragline.text.Identifiers;
import io.ragline.text.TextTerms;

/**
 * Both searches on one searcher, the keyword one on a thread of its own so a lone query waits for the
 * slower of the two, not their sum; fused on Lucene doc ids, and only the fused top k are read from
 * stored fields, not every candidate of both rankings. The keyword ranking may start first, while the
 * question is embedded ({@link HeadStart}): it then holds the searcher the vector search will use.
 */
final class LuceneHybridSearch implements AutoCloseable {

    private final int numCandidates;
    private final ExecutorService keywordSearchPool;
    private final ClientStatistics statistics;

    LuceneHybridSearch(int numCandidates, ExecutorService keywordSearchPool, ClientStatistics statistics) {
        this.numCandidates = numCandidates;
        this.keywordSearchPool = keywordSearchPool;
        this.statistics = statistics;
    }

    /** Acquires a searcher and starts the keyword ranking on it. */
    HeadStart start(SearcherManager searchers, String clientId, MetadataFilter filter, String text, int candidates) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the Lucene index", e);
        }
        try {
            Set<String> terms = TextTerms.of(text);
            CompletableFuture<ScoreDoc[]> ranking = terms.isEmpty() ? CompletableFuture.completedFuture(new ScoreDoc[0])
                    : CompletableFuture.supplyAsync(() -> topDocs(statistics.scoped(searcher, clientId), LuceneChunks.keywords(clientId, filter, terms), candidates),
                            keywordSearchPool);
            return new HeadStart(searchers, searcher, new KeywordRankingFor(clientId, filter, text, candidates), ranking);
        } catch (RuntimeException e) {
            release(searchers, searcher);
            throw e;
        }
    }

    /** The search, on the head start's searcher and ranking when it was started for this query. */
    List<SearchHit> search(SearcherManager searchers, HybridQuery hybrid, KeywordHeadStart headStart) {
        HeadStart started;
        if (headStart instanceof HeadStart own && own.serves(searchers, hybrid)) {
            started = own;
        } else {
            headStart.close();
            started = start(searchers, hybrid.clientId(), hybrid.filter(), hybrid.text(), hybrid.candidates());
        }
        try {
            return search(started.searcher, hybrid, started.ranking);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the Lucene index", e);
        } finally {
            started.close();
        }
    }

    private List<SearchHit> search(IndexSearcher searcher, HybridQuery hybrid, CompletableFuture<ScoreDoc[]> keyword)
            throws IOException {
        Query vectorQuery = LuceneChunks.nearest(hybrid.clientId(), hybrid.filter(), hybrid.vector(), Math.max(hybrid.candidates(), numCandidates));
        // DOT_PRODUCT scores are (1 + cosine) / 2
        float minScore = (float) ((1 + hybrid.minSimilarity()) / 2);
        ScoreDoc[] vector = Arrays.stream(searcher.search(vectorQuery, hybrid.candidates()).scoreDocs)
                .filter(hit -> hit.score >= minScore)
                .toArray(ScoreDoc[]::new);
        // called once per search, and only when the fusion weighs titles
        HybridRanking.TitleSimilarities<Integer> titles = docIds -> {
            try {
                return LuceneChunks.titleSimilarities(searcher.getIndexReader(), LuceneChunks.unit(hybrid.vector()), docIds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Map<Integer, Integer> exact = hybrid.fusion().liftsExactMatches()
                ? exactMatches(searcher, hybrid.clientId(), hybrid.filter(), hybrid.text(), hybrid.fusion().exactMatchChunks()) : Map.of();
        List<HybridRanking.Fused<Integer>> fused = HybridRanking.fuse(hybrid.fusion(), hybrid.topK(),
                List.of(candidates(vector), candidates(join(keyword))), titles, exact);
        StoredFields fields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(fused.size());
        for (HybridRanking.Fused<Integer> chunk : fused) {
            hits.add(LuceneChunks.toHit(fields, chunk.chunk(), chunk.score()));
        }
        return hits;
    }

    /** For each identifier of the text that at most {@code maxChunks} of the client's chunks hold: those chunks, counted. */
    private static Map<Integer, Integer> exactMatches(IndexSearcher searcher, String clientId, MetadataFilter filter, String text,
                                                      int maxChunks) throws IOException {
        Map<Integer, Integer> chunks = new HashMap<>();
        for (String identifier : Identifiers.in(text)) {
            Set<String> terms = TextTerms.of(identifier);
            if (terms.isEmpty()) {
                continue;
            }
            ScoreDoc[] holding = searcher.search(LuceneChunks.allTerms(clientId, filter, terms), maxChunks + 1).scoreDocs;
            if (holding.length <= maxChunks) {
                Arrays.stream(holding).forEach(hit -> chunks.merge(hit.doc, 1, Integer::sum));
            }
        }
        return chunks;
    }

    /** A search's results as fusion candidates: Lucene doc ids, valid within this searcher. */
    private static List<HybridRanking.Candidate<Integer>> candidates(ScoreDoc[] ranked) {
        return Arrays.stream(ranked).map(scoreDoc -> new HybridRanking.Candidate<>(scoreDoc.doc, (double) scoreDoc.score)).toList();
    }

    private static ScoreDoc[] topDocs(IndexSearcher searcher, Query query, int k) {
        try {
            return searcher.search(query, k).scoreDocs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScoreDoc[] join(CompletableFuture<ScoreDoc[]> search) throws IOException {
        try {
            return search.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static void release(SearcherManager searchers, IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a Lucene searcher", e);
        }
    }

    @Override
    public void close() {
        keywordSearchPool.shutdown();
    }

    /**
     * A keyword ranking running on a searcher of its own. Closing releases the searcher once the ranking is
     * done with it, without waiting for it: a question whose embedding failed does not wait for its ranking.
     */
    static final class HeadStart implements KeywordHeadStart {

        private final SearcherManager searchers;
        private final IndexSearcher searcher;
        private final KeywordRankingFor startedFor;
        private final CompletableFuture<ScoreDoc[]> ranking;
        private final AtomicBoolean closed = new AtomicBoolean();

        private HeadStart(SearcherManager searchers, IndexSearcher searcher, KeywordRankingFor startedFor,
                          CompletableFuture<ScoreDoc[]> ranking) {
            this.searchers = searchers;
            this.searcher = searcher;
            this.startedFor = startedFor;
            this.ranking = ranking;
        }

        private boolean serves(SearcherManager manager, HybridQuery query) {
            return manager == searchers && !closed.get() && startedFor.matches(query);
        }

        /** The searcher's references, for tests: released means back to what the searcher manager holds. */
        int searcherReferences() {
            return searcher.getIndexReader().getRefCount();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                ranking.whenComplete((result, failure) -> release(searchers, searcher));
            }
        }
    }
}
