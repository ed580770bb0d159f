package io.ragline.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.embedding.Embedder;
import io.ragline.store.HybridQuery;
import io.ragline.store.VectorStore;

/** The steps of hybrid retrieval, each a separate call so routes can guard each dependency on its own. */
public class HybridRetrieval {

    private static final Logger LOG = LoggerFactory.getLogger(HybridRetrieval.class);

    private final Embedder embedder;
    private final VectorStore store;
    private final CircuitBreaker storeBreaker;
    private final QuerySettings settings;

    public HybridRetrieval(Embedder embedder, VectorStore store, CircuitBreaker storeBreaker, QuerySettings settings) {
        this.embedder = embedder;
        this.store = store;
        this.storeBreaker = storeBreaker;
        this.settings = settings;
    }

    /**
     * Starts the keyword ranking so that it runs while the question is embedded, if the store's breaker
     * lets calls through. This is outside the breaker: a store that fails here fails the search again
     * inside it, where the failure counts, so it is left to the search.
     */
    public void startKeywordRanking(QueryContext context) {
        if (storeBreaker.getState() != CircuitBreaker.State.CLOSED) {
            return;
        }
        QueryRequest request = context.request();
        try {
            context.keywordHeadStart(store.startKeywordRanking(request.clientId(), request.filter(), request.query(), settings.candidates()));
        } catch (RuntimeException e) {
            LOG.debug("Keyword ranking not started ahead: {}", e.toString());
        }
    }

    public void embedQuery(QueryContext context) {
        context.queryVector(embedder.embedQuestion(context.request().query()));
    }

    /** Vector and keyword rankings fused in the store, which reads in full only the top k. */
    public void hybridSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.hits(store.hybridSearch(new HybridQuery(request.clientId(), context.queryVector(), request.query(),
                settings.candidates(), request.topK(), settings.fusionSettings(), settings.minSimilarity(), request.filter()),
                context.takeKeywordHeadStart()));
    }

    /** Keyword search alone, for the fallback when the question cannot be embedded. */
    public void keywordSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.keywordHits(store.keywordSearch(request.clientId(), request.filter(), request.query(), request.topK()));
    }
}
