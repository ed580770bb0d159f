package io.ragline.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.Fusion;
import io.ragline.store.HybridQuery;
import io.ragline.support.LuceneStores;

/**
 * A keyword ranking started ahead holds a searcher: it is given back once the ranking is done, whether a
 * search used it or the question failed first, and not while the ranking still reads it.
 */
class KeywordHeadStartReleaseTest {

    @TempDir
    Path index;

    @Test
    void theSearcherIsGivenBackWhetherTheHeadStartIsUsedOrAbandoned() throws Exception {
        try (LuceneVectorStore store = LuceneStores.open(index, "test", 4)) {
            store.upsertDocument(new EmbeddedDocument(new ParsedDocument("acme", "hedgehogs", "Hedgehogs", null,
                    "Hedgehogs eat beetles.", "hash", Map.of()), List.of(new EmbeddedChunk(0, "Hedgehogs eat beetles.", new float[] {1, 0, 0, 0}))));
            store.commit();

            LuceneHybridSearch.HeadStart used = (LuceneHybridSearch.HeadStart) store.startKeywordRanking("acme", "beetles", 10);
            int held = used.searcherReferences();
            store.hybridSearch(new HybridQuery("acme", new float[] {1, 0, 0, 0}, "beetles", 10, 3,
                    new Fusion(Fusion.Method.RRF, 60, 0.7), 0.3), used);
            await().atMost(Duration.ofSeconds(5)).until(() -> used.searcherReferences() == held - 1);

            LuceneHybridSearch.HeadStart abandoned = (LuceneHybridSearch.HeadStart) store.startKeywordRanking("acme", "beetles", 10);
            assertThat(abandoned.searcherReferences()).isEqualTo(held);
            abandoned.close();
            abandoned.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> abandoned.searcherReferences() == held - 1);
        }
    }
}
