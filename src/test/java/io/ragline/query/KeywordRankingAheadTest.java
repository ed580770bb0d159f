package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.embedding.Embedder;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.SearchHit;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.LuceneStores;
import io.ragline.support.Settings;

/**
 * The retrieval steps on a real Lucene index: the keyword ranking starts before the question is embedded
 * and the hybrid search takes it; while the store's breaker is not closed nothing reaches the store ahead.
 */
class KeywordRankingAheadTest {

    @TempDir
    Path index;

    private final CircuitBreaker storeBreaker = CircuitBreaker.ofDefaults("vectorstore");

    @Test
    void theKeywordRankingStartsAheadOnlyWhileTheStoreBreakerIsClosed() throws Exception {
        try (LuceneVectorStore store = LuceneStores.open(index, "test", 4)) {
            store.upsertDocument(new EmbeddedDocument(new ParsedDocument("zoo", "tapirs", "Tapirs", null,
                    "Tapirs grab leaves with their trunk.", "hash", Map.of()),
                    List.of(new EmbeddedChunk(0, "Tapirs grab leaves with their trunk.", new float[] {1, 0, 0, 0}))));
            store.commit();
            HybridRetrieval retrieval = new HybridRetrieval(new AxisEmbedder(), store, storeBreaker,
                    Settings.with(QuerySettings.class, Map.of()));

            QueryContext question = new QueryContext(new QueryRequest("What do tapirs grab?", "zoo", 5));
            retrieval.startKeywordRanking(question);
            KeywordHeadStart started = question.takeKeywordHeadStart();
            assertThat(started).isNotSameAs(KeywordHeadStart.NONE);
            question.keywordHeadStart(started);
            retrieval.embedQuery(question);
            retrieval.hybridSearch(question);
            assertThat(question.hits()).extracting(SearchHit::documentId).containsExactly("tapirs");
            assertThat(question.takeKeywordHeadStart()).as("taken by the search").isSameAs(KeywordHeadStart.NONE);

            storeBreaker.transitionToForcedOpenState();
            QueryContext whileOpen = new QueryContext(new QueryRequest("What do tapirs grab?", "zoo", 5));
            retrieval.startKeywordRanking(whileOpen);
            assertThat(whileOpen.takeKeywordHeadStart()).isSameAs(KeywordHeadStart.NONE);
        }
    }

    /** Every text along the first axis, where the tapirs' chunk lies. */
    private static final class AxisEmbedder implements Embedder {
        @Override
        public String modelName() {
            return "test";
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(text -> new float[] {1, 0, 0, 0}).toList();
        }
    }
}
