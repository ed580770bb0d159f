package io.ragline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.ragline.store.SearchHit;

class ExtractiveAnswererTest {

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(3);

    @Test
    void picksTheMostRelevantSentencesAndCitesTheirSources() {
        List<SearchHit> sources = List.of(
                new SearchHit("a", "A", 0, "Our office opens at nine. Parking is free for visitors.", 0.1),
                new SearchHit("b", "B", 0, "Refunds are paid within 14 days of a return. Returns need a receipt.", 0.05));

        String answer = answerer.answer("How many days until refunds are paid?", sources);

        assertThat(answer).isEqualTo("Our office opens at nine. [1] Refunds are paid within 14 days of a return. [2]");
    }

    @Test
    void theTopRankedSourceLeadsEvenWithoutSharedWords() {
        List<SearchHit> sources = List.of(
                new SearchHit("rainbow", "Rainbows", 0, "Sunlight refracts inside raindrops. It splits into colours.", 0.1),
                new SearchHit("mars", "Mars", 0, "Mars appears red because of iron oxide.", 0.05));

        assertThat(answerer.answer("Why do rainbows appear after rain?", sources))
                .isEqualTo("Sunlight refracts inside raindrops. [1] Mars appears red because of iron oxide. [2]");
    }

    @Test
    void repeatedSentencesFromOverlappingChunksAreCitedOnce() {
        String shared = "Llamas hum to communicate with their young.";
        List<SearchHit> sources = List.of(new SearchHit("a", "A", 0, shared, 0.1), new SearchHit("a", "A", 1, shared + " They are social.", 0.1));

        assertThat(answerer.answer("Why do llamas hum?", sources)).isEqualTo(shared + " [1]");
    }

    @Test
    void saysPlainlyWhenThereIsNothing() {
        assertThat(answerer.answer("anything", List.of())).isEqualTo(ExtractiveAnswerer.NOTHING_FOUND);
    }
}
