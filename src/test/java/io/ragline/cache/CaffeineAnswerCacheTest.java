package io.ragline.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaffeineAnswerCacheTest {

    private final CaffeineAnswerCache cache = new CaffeineAnswerCache(Duration.ofMinutes(10), 1_000_000);

    @Test
    void trivialRespellingsShareAnEntryButClientsAndTopKDoNot() {
        put(cache, AnswerKey.of("acme", "What is  the VAT rate?", 5, ""), answer("{\"answer\":\"20%\"}", "vat"), Duration.ofHours(1));

        assertThat(fresh(cache, AnswerKey.of("acme", "  what is the vat RATE? ", 5, ""))).contains("{\"answer\":\"20%\"}");
        assertThat(fresh(cache, AnswerKey.of("globex", "What is the VAT rate?", 5, ""))).isEmpty();
        assertThat(fresh(cache, AnswerKey.of("acme", "What is the VAT rate?", 3, ""))).isEmpty();
    }

    @Test
    void aDocumentChangeRetiresFreshAnswersOfThatClientOnlyAndKeepsTheLastGoodOne() {
        AnswerKey acme = AnswerKey.of("acme", "q", 5, "");
        AnswerKey globex = AnswerKey.of("globex", "q", 5, "");
        put(cache, acme, answer("a1", "doc-a"), Duration.ofHours(1));
        put(cache, globex, answer("g1", "doc-a"), Duration.ofHours(1));

        cache.invalidateClient("acme");

        assertThat(fresh(cache, acme)).isEmpty();
        assertThat(cache.lastGood(acme)).contains("a1");
        assertThat(fresh(cache, globex)).contains("g1");
    }

    @Test
    void theLastGoodAnswerLivesAsLongAsItsWriterAsked() {
        AnswerKey key = AnswerKey.of("acme", "q", 5, "");
        put(cache, key, answer("a1", "doc-a"), Duration.ZERO);

        assertThat(cache.lastGood(key)).isEmpty();
        assertThat(fresh(cache, key)).contains("a1");
    }

    @Test
    void healthNamesTheBackend() {
        assertThat(cache.health()).containsEntry("backend", "caffeine").containsEntry("healthy", true);
    }

    @Test
    void aChangedDocumentTakesEveryAnswerCitingItFromBothTiers() {
        AnswerKey citing = AnswerKey.of("acme", "what is in the handbook", 5, "");
        AnswerKey other = AnswerKey.of("acme", "what is the vat", 5, "");
        AnswerKey otherClient = AnswerKey.of("globex", "what is in the handbook", 5, "");
        put(cache, citing, answer("h", "handbook", "faq"), Duration.ofHours(24));
        put(cache, other, answer("v", "vat"), Duration.ofHours(24));
        put(cache, otherClient, answer("g", "handbook"), Duration.ofHours(24));

        cache.forgetDocument("acme", "handbook");

        assertThat(fresh(cache, citing)).isEmpty();
        assertThat(cache.lastGood(citing)).as("erasure is erasure: not even the fallback serves it").isEmpty();
        assertThat(fresh(cache, other)).contains("v");
        assertThat(cache.lastGood(otherClient)).as("another client's document of the same id").contains("g");
    }

    @Test
    void theTiersAreBoundedInBytesNotEntries() {
        CaffeineAnswerCache small = new CaffeineAnswerCache(Duration.ofMinutes(10), 100_000);
        for (int i = 0; i < 50; i++) {
            put(small, AnswerKey.of("acme", "question " + i, 5, ""), answer("x".repeat(10_000), "doc"), Duration.ofHours(1));
        }
        long kept = 0;
        for (int i = 0; i < 50; i++) {
            kept += small.lastGood(AnswerKey.of("acme", "question " + i, 5, "")).isPresent() ? 1 : 0;
        }
        assertThat(kept).as("20 kB answers in a 100 kB tier").isBetween(1L, 5L);
    }

    @Test
    void anAnswerDrawnBeforeADocumentChangeIsNotCached() {
        AnswerKey key = AnswerKey.of("acme", "q", 5, "");
        long lookedUpAt = cache.generation("acme");

        cache.invalidateClient("acme");
        cache.forgetDocument("acme", "doc-a");
        cache.put(key, lookedUpAt, answer("drawn from the old index", "doc-a"), Duration.ofHours(1));

        assertThat(cache.fresh(key, cache.generation("acme"))).isEmpty();
        assertThat(cache.lastGood(key)).as("not even for the fallback").isEmpty();
        cache.put(key, cache.generation("acme"), answer("drawn after the change", "doc-a"), Duration.ofHours(1));
        assertThat(cache.fresh(key, cache.generation("acme"))).contains("drawn after the change");
    }

    private static void put(CaffeineAnswerCache cache, AnswerKey key, CachedAnswer answer, Duration keepForFallback) {
        cache.put(key, cache.generation(key.clientId()), answer, keepForFallback);
    }

    private static Optional<String> fresh(CaffeineAnswerCache cache, AnswerKey key) {
        return cache.fresh(key, cache.generation(key.clientId()));
    }

    private static CachedAnswer answer(String json, String... documentIds) {
        return new CachedAnswer(json, Set.of(documentIds));
    }
}
