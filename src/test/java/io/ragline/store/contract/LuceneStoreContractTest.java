package io.ragline.store.contract;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.ragline.store.VectorStore;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.LuceneStores;

class LuceneStoreContractTest extends VectorStoreContract {

    @TempDir
    Path index;

    @Override
    protected VectorStore open() throws Exception {
        return LuceneStores.open(index, MODEL, DIMENSION);
    }

    @Override
    protected VectorStore reopen() throws Exception {
        return open();
    }

    @Override
    protected void close(VectorStore store) throws Exception {
        ((LuceneVectorStore) store).close();
    }
}
