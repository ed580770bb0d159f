package io.ragline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CaffeineAnswerCacheTest {

    private final CaffeineAnswerCache cache = new CaffeineAnswerCache(Duration.ofMinutes(10), 100);

    @Test
    void trivialRespellingsShareAnEntryButClientsAndTopKDoNot() {
        cache.put(AnswerKey.of("acme", "What is  the VAT rate?", 5), "{\"answer\":\"20%\"}", Duration.ofHours(1));

        assertThat(cache.fresh(AnswerKey.of("acme", "  what is the vat RATE? ", 5))).contains("{\"answer\":\"20%\"}");
        assertThat(cache.fresh(AnswerKey.of("globex", "What is the VAT rate?", 5))).isEmpty();
        assertThat(cache.fresh(AnswerKey.of("acme", "What is the VAT rate?", 3))).isEmpty();
    }

    @Test
    void aDocumentChangeRetiresFreshAnswersOfThatClientOnlyAndKeepsTheLastGoodOne() {
        AnswerKey acme = AnswerKey.of("acme", "q", 5);
        AnswerKey globex = AnswerKey.of("globex", "q", 5);
        cache.put(acme, "a1", Duration.ofHours(1));
        cache.put(globex, "g1", Duration.ofHours(1));

        cache.invalidateClient("acme");

        assertThat(cache.fresh(acme)).isEmpty();
        assertThat(cache.lastGood(acme)).contains("a1");
        assertThat(cache.fresh(globex)).contains("g1");
    }

    @Test
    void theLastGoodAnswerLivesAsLongAsItsWriterAsked() {
        AnswerKey key = AnswerKey.of("acme", "q", 5);
        cache.put(key, "a1", Duration.ZERO);

        assertThat(cache.lastGood(key)).isEmpty();
        assertThat(cache.fresh(key)).contains("a1");
    }

    @Test
    void healthNamesTheBackend() {
        assertThat(cache.health()).containsEntry("backend", "caffeine").containsEntry("healthy", true);
    }
}
