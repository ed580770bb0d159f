package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ragline.store.HybridRanking.Candidate;
import io.ragline.store.HybridRanking.Fused;
import io.ragline.store.HybridRanking.TitleSimilarities;

class HybridRankingTest {

    private static final Fusion RRF = new Fusion(Fusion.Method.RRF, 60, 0.7);
    private static final Fusion RELATIVE = new Fusion(Fusion.Method.RELATIVE_SCORE, 60, 0.7);
    private static final Fusion RELATIVE_WITH_TITLES = new Fusion(Fusion.Method.RELATIVE_SCORE, 60, 0.7, 0.4);
    private static final TitleSimilarities<Integer> NO_TITLES = TitleSimilarities.none();

    @Test
    void rrfLiftsChunksFoundByBothRankings() {
        List<Candidate<Integer>> vector = List.of(chunk(1, 0.9), chunk(2, 0.8), chunk(3, 0.7));
        List<Candidate<Integer>> keyword = List.of(chunk(3, 12), chunk(4, 3));

        List<Fused<Integer>> fused = HybridRanking.fuse(RRF, 10, List.of(vector, keyword), NO_TITLES, Map.of());

        assertThat(fused).extracting(Fused::chunk).containsExactly(3, 1, 2, 4); // 2 and 4 tie: first seen first
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 63 + 1.0 / 61);
    }

    /** Places alone would put 1 first (first in the vector ranking); its lead there is tiny, 3's keyword lead is not. */
    @Test
    void relativeScoresWeighHowFarAheadAChunkIs() {
        List<Candidate<Integer>> vector = List.of(chunk(1, 0.80), chunk(3, 0.79), chunk(2, 0.40));
        List<Candidate<Integer>> keyword = List.of(chunk(3, 20), chunk(1, 2), chunk(4, 1));

        List<Fused<Integer>> fused = HybridRanking.fuse(RELATIVE, 10, List.of(vector, keyword), NO_TITLES, Map.of());

        assertThat(fused).extracting(Fused::chunk).containsExactly(3, 1, 2, 4);
        assertThat(fused.get(0).score()).isCloseTo(0.7 * 0.39 / 0.40 + 0.3, within(1e-9));
        assertThat(fused.get(1).score()).isCloseTo(0.7 + 0.3 * 1 / 19.0, within(1e-9));
        assertThat(fused.get(3).score()).as("the worst of a ranking scales to 0").isZero();
    }

    @Test
    void aLoneCandidateCountsInFull() {
        List<Fused<Integer>> fused = HybridRanking.fuse(RELATIVE, 10, List.of(List.of(chunk(1, 0.5)), List.of()), NO_TITLES, Map.of());

        assertThat(fused).singleElement().satisfies(only -> assertThat(only.score()).isCloseTo(0.7, within(1e-9)));
    }

    @Test
    void limitsTheResult() {
        for (Fusion fusion : List.of(RRF, RELATIVE)) {
            assertThat(HybridRanking.fuse(fusion, 2, List.of(List.of(chunk(1, 3), chunk(2, 2), chunk(3, 1)), List.of()), NO_TITLES, Map.of())).hasSize(2);
            assertThat(HybridRanking.<Integer>fuse(fusion, 5, List.of(List.of(), List.of()), NO_TITLES, Map.of())).isEmpty();
        }
    }

    @Test
    void hitsReadInFullAreFusedByTheirChunk() {
        SearchHit a0 = new SearchHit("a", "A", 0, "a zero", 0.9);
        SearchHit a1 = new SearchHit("a", "A", 1, "a one", 0.8);
        SearchHit b0 = new SearchHit("b", "B", 0, "b zero", 7.0);

        List<SearchHit> fused = HybridRanking.fuseHits(RRF, 10, List.of(List.of(a0, a1), List.of(a1, b0)), Map.of(), List.of());

        assertThat(fused).extracting(SearchHit::text).containsExactly("a one", "a zero", "b zero");
        assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 61);
    }

    /** 1 and 2 are a whisker apart in both rankings; the question is much closer to 2's title. */
    @Test
    void titleSimilarityScaledOverTheCandidatesLiftsTheDocumentTheQuestionNames() {
        List<Candidate<Integer>> vector = List.of(chunk(1, 0.80), chunk(2, 0.79), chunk(3, 0.40));
        List<Candidate<Integer>> keyword = List.of(chunk(1, 10), chunk(2, 9.8), chunk(4, 1));
        Map<Integer, Double> titles = Map.of(1, 0.20, 2, 0.60, 3, 0.10);
        List<Set<Integer>> asked = new ArrayList<>();
        TitleSimilarities<Integer> lookup = chunks -> {
            asked.add(chunks);
            return titles;
        };

        assertThat(HybridRanking.fuse(RELATIVE, 10, List.of(vector, keyword), lookup, Map.of())).extracting(Fused::chunk).containsExactly(1, 2, 3, 4);
        assertThat(asked).as("titles are not looked up when their weight is 0").isEmpty();

        List<Fused<Integer>> fused = HybridRanking.fuse(RELATIVE_WITH_TITLES, 10, List.of(vector, keyword), lookup, Map.of());

        assertThat(fused).extracting(Fused::chunk).containsExactly(2, 1, 3, 4);
        assertThat(asked).singleElement().isEqualTo(Set.of(1, 2, 3, 4));
        assertThat(fused.get(0).score()).isCloseTo(0.7 * 0.39 / 0.40 + 0.3 * 8.8 / 9 + 0.4, within(1e-9));
        assertThat(fused.get(1).score()).isCloseTo(0.7 + 0.3 + 0.4 * 0.1 / 0.5, within(1e-9));
        assertThat(fused.get(3).score()).as("no title vector, no title signal").isZero();
        assertThat(HybridRanking.fuse(new Fusion(Fusion.Method.RRF, 60, 0.7, 0.4), 10, List.of(vector, keyword), lookup, Map.of()))
                .as("rank fusion is places only").extracting(Fused::chunk).containsExactly(1, 2, 3, 4);
    }

    @Test
    void hitsReadInFullGetTheirDocumentsTitleSimilarity() {
        SearchHit a0 = new SearchHit("a", "A", 0, "a zero", 0.9);
        SearchHit b0 = new SearchHit("b", "B", 0, "b zero", 0.89);
        SearchHit b1 = new SearchHit("b", "B", 1, "b one", 0.5);

        List<SearchHit> fused = HybridRanking.fuseHits(RELATIVE_WITH_TITLES, 10, List.of(List.of(a0, b0, b1), List.of()),
                Map.of("a", 0.1, "b", 0.5), List.of());

        assertThat(fused).extracting(SearchHit::text).containsExactly("b zero", "a zero", "b one");
    }

    private static Candidate<Integer> chunk(int id, double score) {
        return new Candidate<>(id, score);
    }

    @Test
    void anExactMatchGoesAboveEverythingWhateverTheFusionAndEvenFromOutsideTheRankings() {
        List<HybridRanking.Candidate<String>> vector = List.of(new HybridRanking.Candidate<>("a", 0.9), new HybridRanking.Candidate<>("b", 0.8));
        List<HybridRanking.Candidate<String>> keyword = List.of(new HybridRanking.Candidate<>("a", 3.0), new HybridRanking.Candidate<>("c", 1.0));
        for (Fusion fusion : List.of(RRF, RELATIVE_WITH_TITLES)) {
            assertThat(HybridRanking.fuse(fusion, 10, List.of(vector, keyword), HybridRanking.TitleSimilarities.none(), Map.of("c", 1)))
                    .extracting(HybridRanking.Fused::chunk).as(fusion.method().name()).containsExactly("c", "a", "b");
            assertThat(HybridRanking.fuse(fusion, 10, List.of(vector, keyword), HybridRanking.TitleSimilarities.none(), Map.of("d", 1, "b", 2)))
                    .extracting(HybridRanking.Fused::chunk).as("two identifiers before one, outsiders too").containsExactly("b", "d", "a", "c");
        }
    }
}
