package io.ragline.query;

import io.ragline.embedding.Embedder;
import io.ragline.store.HybridQuery;
import io.ragline.store.VectorStore;

/** The steps of hybrid retrieval, each a separate call so routes can guard each dependency on its own. */
public class HybridRetrieval {

    private final Embedder embedder;
    private final VectorStore store;
    private final QuerySettings settings;

    public HybridRetrieval(Embedder embedder, VectorStore store, QuerySettings settings) {
        this.embedder = embedder;
        this.store = store;
        this.settings = settings;
    }

    public void embedQuery(QueryContext context) {
        context.queryVector(embedder.embed(context.request().query()));
    }

    /** Vector and keyword rankings fused in the store, which reads in full only the top k. */
    public void hybridSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.hits(store.hybridSearch(new HybridQuery(request.clientId(), context.queryVector(), request.query(),
                settings.candidates(), request.topK(), settings.fusionSettings(), settings.minSimilarity())));
    }

    /** Keyword search alone, for the fallback when the question cannot be embedded. */
    public void keywordSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.keywordHits(store.keywordSearch(request.clientId(), request.query(), request.topK()));
    }
}
