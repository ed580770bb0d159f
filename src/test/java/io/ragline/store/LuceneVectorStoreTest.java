package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.lucene.LuceneVectorStore;
import io.ragline.support.LuceneStores;

class LuceneVectorStoreTest {

    @TempDir
    Path index;

    LuceneVectorStore store;

    @BeforeEach
    void open() throws Exception {
        store = LuceneStores.open(index, "test", 4);
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void theClientFilterIsAppliedInsideTheVectorSearch() {
        // 200 near-identical vectors of another client would crowd a post-filtered top-k out
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            store.upsertDocument(document("crowd", "c" + i, new float[] {1, 0.01f * random.nextFloat(), 0, 0}));
        }
        store.upsertDocument(document("mine", "far", new float[] {0, 0, 1, 0}));
        store.commit();

        List<SearchHit> hits = store.vectorSearch("mine", new float[] {1, 0, 0, 0}, 5);

        assertThat(hits).extracting(SearchHit::documentId).containsExactly("far");
        assertThat(hits.get(0).score()).isBetween(-0.01, 0.01);
    }

    @Test
    void keywordSearchRanksByBm25WithinTheClient() {
        store.upsertDocument(document("k", "hedgehog", "Hedgehogs eat beetles and worms.", new float[] {1, 0, 0, 0}));
        store.upsertDocument(document("k", "fox", "Foxes eat rabbits.", new float[] {0, 1, 0, 0}));
        store.upsertDocument(document("other", "hedgehog2", "Hedgehogs hibernate.", new float[] {1, 0, 0, 0}));
        store.commit();

        assertThat(store.keywordSearch("k", "what do hedgehogs eat", 10)).extracting(SearchHit::documentId)
                .containsExactly("hedgehog", "fox");
        assertThat(store.keywordSearch("k", "the and of", 10)).as("stop words only").isEmpty();
    }

    @Test
    void upsertReplacesAllChunksAndDeleteCountsThem() {
        List<EmbeddedChunk> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.add(new EmbeddedChunk(i, "chunk " + i, new float[] {1, i, 0, 0}));
        }
        ParsedDocument parsed = new ParsedDocument("u", "doc", "Doc", "src", "text", "h1", Map.of());
        store.upsertDocument(new EmbeddedDocument(parsed, three));
        assertThat(store.count("u")).as("not searchable before the commit").isZero();
        store.commit();
        assertThat(store.count("u")).isEqualTo(3);
        assertThat(store.contentHash("u", "doc")).contains("h1");

        store.upsertDocument(document("u", "doc", new float[] {0, 1, 0, 0}));
        store.commit();
        assertThat(store.count("u")).isEqualTo(1);

        assertThat(store.deleteDocument("u", "doc")).isEqualTo(1);
        store.commit();
        assertThat(store.deleteDocument("u", "doc")).isZero();
        assertThat(store.contentHash("u", "doc")).isEmpty();
    }

    private static EmbeddedDocument document(String client, String id, float[] vector) {
        return document(client, id, "text of " + id, vector);
    }

    private static EmbeddedDocument document(String client, String id, String text, float[] vector) {
        return new EmbeddedDocument(new ParsedDocument(client, id, id, null, text, "hash-" + id, Map.of()),
                List.of(new EmbeddedChunk(0, text, vector)));
    }
}
