package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.LuceneStores;

class LuceneModelMismatchTest {

    @TempDir
    Path index;

    @Test
    void openingAnIndexWithAnotherEmbeddingModelFailsFast() throws Exception {
        try (LuceneVectorStore store = LuceneStores.open(index, "local/model-a", 3)) {
            store.upsertDocument(new EmbeddedDocument(
                    new ParsedDocument("c", "d", "t", null, "text", "hash", Map.of()),
                    List.of(new EmbeddedChunk(0, "text", new float[] {1, 0, 0}))));
            store.commit();
        }

        assertThatThrownBy(() -> LuceneStores.open(index, "local/model-b", 3))
                .isInstanceOf(EmbeddingModelMismatchException.class)
                .hasMessageContaining("local/model-a")
                .hasMessageContaining("local/model-b");
        assertThatThrownBy(() -> LuceneStores.open(index, "local/model-a", 4))
                .isInstanceOf(EmbeddingModelMismatchException.class)
                .hasMessageContaining("dimension 3");

        try (LuceneVectorStore reopened = LuceneStores.open(index, "local/model-a", 3)) {
            assertThat(reopened.count("c")).isEqualTo(1);
        }
    }
}
