package io.ragline.query;

import java.util.List;

import io.ragline.embedding.Embedder;
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

    /** Vector hits below the similarity floor are noise, not answers. */
    public void vectorSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.vectorHits(store.vectorSearch(request.clientId(), context.queryVector(), settings.candidates()).stream()
                .filter(hit -> hit.score() >= settings.minSimilarity())
                .toList());
    }

    public void keywordSearch(QueryContext context) {
        QueryRequest request = context.request();
        context.keywordHits(store.keywordSearch(request.clientId(), request.query(), settings.candidates()));
    }

    public void fuse(QueryContext context) {
        context.hits(RankFusion.fuse(settings.rrfK(), context.request().topK(),
                List.of(context.vectorHits(), context.keywordHits())));
    }
}
