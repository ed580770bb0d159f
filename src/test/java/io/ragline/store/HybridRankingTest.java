package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ragline.store.HybridRanking.Candidate;
import io.ragline.store.HybridRanking.Fused;

class HybridRankingTest {

    @Test
    void chunksFoundByBothRankingsRiseToTheTop() {
        List<Candidate<Integer>> vector = List.of(chunk(1), chunk(2), chunk(3));
        List<Candidate<Integer>> keyword = List.of(chunk(3), chunk(4));

        List<Fused<Integer>> fused = HybridRanking.fuse(60, 10, List.of(vector, keyword));

        assertThat(fused).extracting(Fused::chunk).containsExactly(3, 1, 2, 4); // 2 and 4 tie: first seen first
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 63 + 1.0 / 61);
    }

    @Test
    void limitsTheResult() {
        assertThat(HybridRanking.fuse(60, 2, List.of(List.of(chunk(1), chunk(2), chunk(3)), List.of()))).hasSize(2);
        assertThat(HybridRanking.<Integer>fuse(60, 5, List.of(List.of(), List.of()))).isEmpty();
    }

    @Test
    void hitsReadInFullAreFusedByTheirChunk() {
        SearchHit a0 = new SearchHit("a", "A", 0, "a zero", 0.9);
        SearchHit a1 = new SearchHit("a", "A", 1, "a one", 0.8);
        SearchHit b0 = new SearchHit("b", "B", 0, "b zero", 7.0);

        List<SearchHit> fused = HybridRanking.fuseHits(60, 10, List.of(List.of(a0, a1), List.of(a1, b0)));

        assertThat(fused).extracting(SearchHit::text).containsExactly("a one", "a zero", "b zero");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 61);
    }

    private static Candidate<Integer> chunk(int id) {
        return new Candidate<>(id, "doc" + id);
    }
}
