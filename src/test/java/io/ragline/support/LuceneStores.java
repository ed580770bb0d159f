package io.ragline.support;

import java.io.IOException;
import java.nio.file.Path;

import io.ragline.store.lucene.LuceneSettings;
import io.ragline.store.lucene.LuceneVectorStore;

/** Opens a small Lucene store bound to a model, and releases its lock when the binding is refused. */
public final class LuceneStores {

    private LuceneStores() {
    }

    public static LuceneVectorStore open(Path index, String model, int dimension) throws IOException {
        LuceneVectorStore store = new LuceneVectorStore(new LuceneSettings(index, 10, 16, 16, 100, 10));
        try {
            store.bindEmbeddingModel(model, dimension);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
