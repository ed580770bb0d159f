package io.ragline.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

import io.ragline.store.HybridQuery;
import io.ragline.store.HybridRanking;
import io.ragline.store.SearchHit;
import io.ragline.text.TextTerms;

/**
 * Both searches on one searcher, the keyword one on a thread of its own so a lone query waits for the
 * slower of the two, not their sum; fused on Lucene doc ids, and only the fused top k are read from
 * stored fields, not every candidate of both rankings.
 */
final class LuceneHybridSearch implements AutoCloseable {

    private final int numCandidates;
    private final ExecutorService keywordSearchPool;

    LuceneHybridSearch(int numCandidates, ExecutorService keywordSearchPool) {
        this.numCandidates = numCandidates;
        this.keywordSearchPool = keywordSearchPool;
    }

    List<SearchHit> search(IndexSearcher searcher, HybridQuery hybrid) throws IOException {
        Query vectorQuery = LuceneChunks.nearest(hybrid.clientId(), hybrid.vector(), Math.max(hybrid.candidates(), numCandidates));
        Set<String> terms = TextTerms.of(hybrid.text());
        CompletableFuture<ScoreDoc[]> keyword = terms.isEmpty() ? CompletableFuture.completedFuture(new ScoreDoc[0])
                : CompletableFuture.supplyAsync(() -> topDocs(searcher, LuceneChunks.keywords(hybrid.clientId(), terms),
                        hybrid.candidates()), keywordSearchPool);
        // DOT_PRODUCT scores are (1 + cosine) / 2
        float minScore = (float) ((1 + hybrid.minSimilarity()) / 2);
        ScoreDoc[] vector;
        try {
            vector = Arrays.stream(searcher.search(vectorQuery, hybrid.candidates()).scoreDocs)
                    .filter(hit -> hit.score >= minScore)
                    .toArray(ScoreDoc[]::new);
        } finally {
            // the searcher is released once this returns, even on failure: the keyword search must be done with it
            keyword.handle((result, failure) -> null).join();
        }
        // called once per search, and only when the fusion weighs titles
        HybridRanking.TitleSimilarities<Integer> titles = docIds -> {
            try {
                return LuceneChunks.titleSimilarities(searcher.getIndexReader(), LuceneChunks.unit(hybrid.vector()), docIds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        List<HybridRanking.Fused<Integer>> fused = HybridRanking.fuse(hybrid.fusion(), hybrid.topK(),
                List.of(candidates(vector), candidates(join(keyword))), titles);
        StoredFields fields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(fused.size());
        for (HybridRanking.Fused<Integer> chunk : fused) {
            hits.add(LuceneChunks.toHit(fields, chunk.chunk(), chunk.score()));
        }
        return hits;
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

    @Override
    public void close() {
        keywordSearchPool.shutdown();
    }
}
