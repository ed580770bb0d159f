package io.ragline.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A keyword ranking run ahead on another thread by the store's own {@link VectorStore#keywordSearch}: for
 * stores whose keyword search is one call that holds nothing between calls, such as a SQL query.
 */
public final class KeywordSearchAhead implements KeywordHeadStart {

    private final KeywordRankingFor startedFor;
    private final CompletableFuture<List<SearchHit>> ranking;

    private KeywordSearchAhead(KeywordRankingFor startedFor, CompletableFuture<List<SearchHit>> ranking) {
        this.startedFor = startedFor;
        this.ranking = ranking;
    }

    public static KeywordSearchAhead start(VectorStore store, String clientId, MetadataFilter filter, String text, int candidates,
                                           Executor executor) {
        return new KeywordSearchAhead(new KeywordRankingFor(clientId, filter, text, candidates),
                CompletableFuture.supplyAsync(() -> store.keywordSearch(clientId, filter, text, candidates), executor));
    }

    boolean startedFor(HybridQuery query) {
        return startedFor.matches(query);
    }

    /** Waits for the ranking; its failure is thrown as the search itself would have thrown it. */
    List<SearchHit> hits() {
        try {
            return ranking.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Nothing is held: the search returns its connection by itself, whoever waits for it. */
    @Override
    public void close() {
    }
}
