package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ragline.store.SearchHit;

class RankFusionTest {

    @Test
    void chunksFoundByBothSearchesRiseToTheTop() {
        List<SearchHit> vector = List.of(hit("a"), hit("b"), hit("c"));
        List<SearchHit> keyword = List.of(hit("c"), hit("d"));

        List<SearchHit> fused = RankFusion.fuse(60, 10, List.of(vector, keyword));

        assertThat(fused).extracting(SearchHit::documentId).containsExactly("c", "a", "b", "d"); // b and d tie: first seen first
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 63 + 1.0 / 61);
    }

    @Test
    void limitsTheResult() {
        assertThat(RankFusion.fuse(60, 2, List.of(List.of(hit("a"), hit("b"), hit("c")), List.of()))).hasSize(2);
        assertThat(RankFusion.fuse(60, 5, List.of(List.of(), List.of()))).isEmpty();
    }

    private static SearchHit hit(String id) {
        return new SearchHit(id, id, 0, "text " + id, 0.5);
    }
}
