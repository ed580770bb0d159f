package io.ragline.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.DocumentPage;
import io.ragline.store.EmbeddingModelMismatchException;
import io.ragline.store.Fusion;
import io.ragline.store.HybridQuery;
import io.ragline.store.MetadataFilter;
import io.ragline.store.MetadataFilter.AnyOf;
import io.ragline.store.MetadataFilter.Range;
import io.ragline.store.SearchHit;
import io.ragline.store.StoredDocument;
import io.ragline.store.VectorStore;

/**
 * What every adapter of {@link VectorStore} must do, run against each of them: Lucene on a temporary
 * folder, pgvector on a real PostgreSQL.
 */
public abstract class VectorStoreContract {

    static final int DIMENSION = 8;
    static final String MODEL = "contract-model";
    static final Fusion RRF = new Fusion(Fusion.Method.RRF, 60, 0.7);

    protected VectorStore store;

    /** A store on fresh, empty storage, bound to {@link #MODEL}. */
    protected abstract VectorStore open() throws Exception;

    /** The same storage opened again, as after a restart. */
    protected abstract VectorStore reopen() throws Exception;

    protected abstract void close(VectorStore store) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() throws Exception {
        close(store);
    }

    @Test
    void upsertReplaceAndDelete() {
        store.upsertDocument(document("acme", "doc", "v1", 3));
        store.commit();
        assertThat(store.count("acme")).isEqualTo(3);
        assertThat(store.contentHash("acme", "doc")).contains("v1");

        store.upsertDocument(document("acme", "doc", "v2", 2));
        store.commit();
        assertThat(store.count("acme")).as("the old version's chunks are gone").isEqualTo(2);
        assertThat(store.contentHash("acme", "doc")).contains("v2");

        assertThat(store.deleteDocument("acme", "doc")).isEqualTo(2);
        store.commit();
        assertThat(store.count("acme")).isZero();
        assertThat(store.contentHash("acme", "doc")).isEmpty();
        assertThat(store.deleteDocument("acme", "unknown")).isZero();
    }

    @Test
    void writersRacingOnOneDocumentLeaveOneVersionOfIt() throws Exception {
        // two replicas, or two requests, writing the same document at once: the last one's chunks stand alone
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> writes = new ArrayList<>();
                for (int writer = 0; writer < 8; writer++) {
                    EmbeddedDocument version = document("acme", "doc", "v" + round + "-" + writer, 3);
                    writes.add(writers.submit(() -> {
                        start.await();
                        store.upsertDocuments(List.of(document("acme", "other-" + version.document().contentHash(), "h", 1), version));
                        store.commit();
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> write : writes) {
                    write.get(30, TimeUnit.SECONDS);
                }
                assertThat(store.count("acme")).as("round %d: one version of doc and the 8 others", round).isEqualTo(3 + 8 * (round + 1));
            }
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aBatchIsWrittenWhole() {
        store.upsertDocuments(List.of(document("acme", "a", "h", 2), document("acme", "b", "h", 3)));
        store.commit();
        assertThat(store.count("acme")).isEqualTo(5);
    }

    @Test
    void clientsNeverSeeEachOthersChunks() {
        store.upsertDocument(document("acme", "shared-id", "Hedgehogs eat beetles.", vector(1)));
        store.upsertDocument(document("globex", "shared-id", "Hedgehogs eat beetles too.", vector(1)));
        store.commit();

        assertThat(store.vectorSearch("acme", vector(1), 10)).extracting(SearchHit::text).containsExactly("Hedgehogs eat beetles.");
        assertThat(store.keywordSearch("acme", "hedgehogs", 10)).extracting(SearchHit::text).containsExactly("Hedgehogs eat beetles.");
        assertThat(store.deleteDocument("acme", "shared-id")).isEqualTo(1);
        store.commit();
        assertThat(store.count("globex")).as("the other client's document of the same id stays").isEqualTo(1);
    }

    /** A client owning 1% of the rows still gets k hits: the filter runs inside the vector search, not after it. */
    @Test
    void aSelectiveClientFilterDoesNotCutResultsShort() {
        Random random = new Random(11);
        List<EmbeddedDocument> crowd = new ArrayList<>();
        for (int i = 0; i < 990; i++) {
            crowd.add(document("crowd", "c" + i, "crowd " + i, near(vector(0), random)));
        }
        store.upsertDocuments(crowd);
        for (int i = 0; i < 10; i++) {
            store.upsertDocument(document("few", "f" + i, "few " + i, near(vector(3), random)));
        }
        store.commit();

        List<SearchHit> hits = store.vectorSearch("few", vector(0), 5);

        assertThat(hits).hasSize(5).allSatisfy(hit -> assertThat(hit.text()).startsWith("few"));
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void vectorScoresAreCosineSimilarities() {
        store.upsertDocument(document("acme", "same", "same", vector(2)));
        store.upsertDocument(document("acme", "orthogonal", "orthogonal", vector(5)));
        store.commit();

        List<SearchHit> hits = store.vectorSearch("acme", vector(2), 2);

        assertThat(hits).extracting(SearchHit::documentId).containsExactly("same", "orthogonal");
        assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(hits.get(1).score()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void keywordSearchFindsAnyOfTheWordsAndRanksTheBestMatchFirst() {
        store.upsertDocument(document("acme", "fox", "Foxes eat rabbits in the forest.", vector(1)));
        store.upsertDocument(document("acme", "both", "Hedgehogs eat beetles; beetles fear hedgehogs.", vector(2)));
        store.upsertDocument(document("acme", "none", "Owls hunt at night.", vector(3)));
        store.commit();

        List<SearchHit> hits = store.keywordSearch("acme", "Which beetles do hedgehogs eat?", 10);

        assertThat(hits.get(0).documentId()).isEqualTo("both");
        assertThat(hits).extracting(SearchHit::documentId).contains("fox").doesNotContain("none");
        assertThat(store.keywordSearch("acme", "?!", 10)).isEmpty();
    }

    /**
     * Another client's documents never move a client's keyword scores: corpus statistics (how rare a
     * word is, how long chunks are) are the client's own, so no client can probe whether a word exists
     * in another's corpus.
     */
    @Test
    void anotherClientsDocumentsNeverMoveAClientsKeywordScores() {
        store.upsertDocument(document("acme", "birds", "Ospreys and herons fish along the river.", vector(1)));
        store.upsertDocument(document("acme", "river", "The river floods every spring; herons leave.", vector(2)));
        store.upsertDocument(document("acme", "other", "Owls hunt at night.", vector(3)));
        store.commit();
        List<SearchHit> before = store.keywordSearch("acme", "osprey herons river", 10);

        List<EmbeddedDocument> crowd = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            crowd.add(document("globex", "g" + i, "Osprey osprey osprey nest number " + i + " in a long list of many more words here.", vector(4)));
        }
        store.upsertDocuments(crowd);
        store.commit();
        List<SearchHit> after = store.keywordSearch("acme", "osprey herons river", 10);

        assertThat(after).extracting(SearchHit::documentId).containsExactlyElementsOf(before.stream().map(SearchHit::documentId).toList());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).score()).as(before.get(i).documentId()).isCloseTo(before.get(i).score(), within(1e-6));
        }
    }

    /** Both stores rank alike: a chunk found by both searches first, vector noise dropped, the top k read in full. */
    @Test
    void hybridSearchFusesBothRankingsAndReturnsTheTopKInFull() {
        store.upsertDocument(document("acme", "both", "Hedgehogs eat beetles.", vector(1)));
        store.upsertDocument(document("acme", "words", "Beetles fear hedgehogs and hedgehogs eat beetles.", vector(4)));
        store.upsertDocument(document("acme", "meaning", "Spiny mammals hunt insects at night.", near(vector(1), new Random(3))));
        store.upsertDocument(document("acme", "noise", "Owls hunt at night.", vector(6)));
        store.upsertDocument(document("globex", "other", "Hedgehogs eat beetles, says another client.", vector(1)));
        store.commit();

        List<SearchHit> hits = store.hybridSearch(new HybridQuery("acme", vector(1), "hedgehogs beetles", 10, 3, RRF, 0.3));

        assertThat(hits).extracting(SearchHit::documentId).containsExactly("both", "words", "meaning");
        assertThat(hits.get(0).text()).isEqualTo("Hedgehogs eat beetles.");
        assertThat(hits.get(0).title()).isEqualTo("both");
        assertThat(hits.get(0).score()).isEqualTo(1.0 / 61 + 1.0 / 62);
        assertThat(store.hybridSearch(new HybridQuery("acme", vector(6), "?!", 10, 5, RRF, 0.3)))
                .as("no words: the vector ranking alone").extracting(SearchHit::documentId).containsExactly("noise");
    }

    /**
     * A keyword ranking started before the vector exists, as the query route starts it while the question
     * is embedded, fuses into the same result; one started for another question is not used; one abandoned
     * leaves the store as it was.
     */
    @Test
    void aKeywordRankingStartedAheadFusesIntoTheSameResult() {
        store.upsertDocument(document("acme", "both", "Hedgehogs eat beetles.", vector(1)));
        store.upsertDocument(document("acme", "words", "Beetles fear hedgehogs and hedgehogs eat beetles.", vector(4)));
        store.upsertDocument(document("acme", "noise", "Owls hunt at night.", vector(6)));
        store.commit();
        HybridQuery query = new HybridQuery("acme", vector(1), "hedgehogs beetles", 10, 3, RRF, 0.3);
        List<SearchHit> plain = store.hybridSearch(query);

        assertThat(store.hybridSearch(query, store.startKeywordRanking("acme", "hedgehogs beetles", 10))).isEqualTo(plain);
        assertThat(store.hybridSearch(query, store.startKeywordRanking("acme", "owls", 10))).isEqualTo(plain);
        assertThat(store.hybridSearch(query, store.startKeywordRanking("globex", "hedgehogs beetles", 10))).isEqualTo(plain);
        store.startKeywordRanking("acme", "hedgehogs beetles", 10).close();
        assertThat(store.hybridSearch(query)).extracting(SearchHit::documentId).containsExactly("both", "words");
    }

    /**
     * Both stores weigh titles alike: of chunks the searches cannot tell apart, the one whose document title
     * is closest to the question comes first, whichever way it was written; no title vector, no lift.
     */
    @Test
    void theTitleSignalLiftsTheDocumentWhoseTitleIsClosestToTheQuestion() {
        Fusion titles = new Fusion(Fusion.Method.RELATIVE_SCORE, 60, 0.6, 0.4);
        store.upsertDocument(titled("sibling", vector(5)));
        store.upsertDocument(titled("untitled", null));
        store.appendChunks(titled("named", near(vector(1), new Random(5))));
        store.commit();

        List<SearchHit> hits = store.hybridSearch(new HybridQuery("acme", vector(1), "encode data", 10, 3, titles, 0.3));

        assertThat(hits).extracting(SearchHit::documentId).containsExactlyInAnyOrder("named", "sibling", "untitled");
        assertThat(hits.get(0).documentId()).isEqualTo("named");
        assertThat(hits.get(0).score()).isCloseTo(1.4, within(1e-6));
        assertThat(hits.get(1).score()).as("the others tie: equal in both searches, no lift").isCloseTo(1.0, within(1e-6));
        assertThat(hits.get(2).score()).isCloseTo(1.0, within(1e-6));
    }

    /**
     * Both stores, both fusions: of 40 records in one kind of prose, each naming a code of the same few
     * syllables, the one record holding the question's code comes first, though every vector is closer to
     * the question than its own.
     */
    @Test
    void aRareIdentifierBringsTheOneRecordHoldingItFirst() {
        String[] syllables = {"ost", "bel", "kai", "x", "dra", "mun"};
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            String code = i == 7 ? "ostbelkaix" : syllables[random.nextInt(6)] + syllables[random.nextInt(6)] + "kai" + syllables[random.nextInt(6)] + i;
            store.upsertDocument(document("acme", "record-" + i, "Shipment " + code + " is stored in bay " + i + " of the western warehouse.",
                    i == 7 ? vector(5) : near(vector(1), random)));
        }
        store.commit();
        for (Fusion.Method method : Fusion.Method.values()) {
            Fusion exact = new Fusion(method, 60, 0.6, 0, 3);
            List<SearchHit> hits = store.hybridSearch(new HybridQuery("acme", vector(1), "Where is shipment ostbelkaix stored?", 10, 5, exact, 0.3));
            assertThat(hits.get(0).documentId()).as(method.name()).isEqualTo("record-7");

            Fusion off = new Fusion(method, 60, 0.6, 0, 0);
            assertThat(store.hybridSearch(new HybridQuery("acme", vector(1), "Where is shipment ostbelkaix stored?", 10, 5, off, 0.3)).get(0).documentId())
                    .as("without the lift the look-alikes outvote it").isNotEqualTo("record-7");
        }
    }

    @Test
    void versionsWrittenInPartsReplaceTheOldOneOnlyAtTheEnd() {
        store.upsertDocument(document("acme", "big", "old", 2));
        store.appendChunks(document("acme", "big", "new", 3));
        store.commit();
        assertThat(store.count("acme")).as("both versions while the new one is written").isEqualTo(5);

        store.keepOnlyVersion("acme", "big", "new");
        store.commit();
        assertThat(store.count("acme")).isEqualTo(3);
        store.removeVersions("acme", "big", "new", false);
        store.commit();
        assertThat(store.count("acme")).isZero();
    }

    @Test
    void documentsAreListedBySourceAndCarryTheirMetadata() {
        store.upsertDocument(new EmbeddedDocument(new ParsedDocument("acme", "file", "File", "inbox:acme/a.txt", "t", "h1",
                Map.of("lang", "en", "pages", 3)), List.of(new EmbeddedChunk(0, "text", vector(1)), new EmbeddedChunk(1, "more", vector(2)))));
        store.upsertDocument(new EmbeddedDocument(new ParsedDocument("acme", "posted", "Posted", null, "t", "h2", Map.of()),
                List.of(new EmbeddedChunk(0, "posted", vector(3)))));
        store.commit();

        assertThat(store.documentsBySource("inbox:")).containsExactly(new StoredDocument("acme", "file", "inbox:acme/a.txt", "h1"));
        assertThat(store.documentsBySource("inbox_")).as("no wildcard in a prefix").isEmpty();
        assertThat(store.vectorSearch("acme", vector(1), 1).get(0).metadata()).isEqualTo(Map.of("lang", "en", "pages", 3));
    }

    @Test
    void aClientsDocumentsAreListedInIdOrderAPageAtATime() {
        Instant before = Instant.now().minusSeconds(1);
        for (String id : List.of("c", "a", "e", "b", "d")) {
            store.upsertDocument(document("acme", id, "hash-" + id, id.equals("b") ? 3 : 1));
        }
        store.upsertDocument(document("acme-other", "a", "other", 1));
        store.upsertDocument(new EmbeddedDocument(new ParsedDocument("acme", "f", "File f", "inbox:acme/f.txt", "t", "hash-f",
                Map.of("dept", "hr")), List.of(new EmbeddedChunk(0, "f", vector(1)))));
        store.commit();
        store.deleteDocument("acme", "e");
        store.commit();

        DocumentPage first = store.listDocuments("acme", null, 2);
        DocumentPage second = store.listDocuments("acme", first.lastId(), 2);
        DocumentPage last = store.listDocuments("acme", second.lastId(), 2);

        assertThat(first.documents()).extracting(DocumentPage.Listed::documentId).containsExactly("a", "b");
        assertThat(second.documents()).extracting(DocumentPage.Listed::documentId).containsExactly("c", "d");
        assertThat(last.documents()).extracting(DocumentPage.Listed::documentId).as("a deleted document is not listed").containsExactly("f");
        assertThat(last.lastId()).as("nothing follows").isNull();
        DocumentPage.Listed b = first.documents().get(1);
        assertThat(b.chunks()).isEqualTo(3);
        assertThat(b.contentHash()).isEqualTo("hash-b");
        assertThat(b.title()).isEqualTo("b");
        assertThat(b.ingestedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        DocumentPage.Listed f = last.documents().get(0);
        assertThat(f.source()).isEqualTo("inbox:acme/f.txt");
        assertThat(f.metadata()).isEqualTo(Map.of("dept", "hr"));
        assertThat(store.listDocuments("nobody", null, 10).documents()).isEmpty();
        assertThat(store.listDocuments("acme-other", null, 10).documents()).extracting(DocumentPage.Listed::contentHash).containsExactly("other");
    }

    @Test
    void aMetadataFilterAppliesInsideEverySearch() {
        store.upsertDocument(meta("hr-2021", Map.of("dept", "hr", "year", 2021, "published", "2021-03-01", "public", true, "score", -1.5)));
        store.upsertDocument(meta("hr-2024", Map.of("dept", "hr", "year", 2024, "published", "2024-06-30T12:00:00Z", "public", false,
                "score", 2.5)));
        store.upsertDocument(meta("it-2023", Map.of("dept", "it", "year", 2023, "published", "2023-01-15", "score", 1e300)));
        store.upsertDocument(meta("code-3", Map.of("dept", "3")));
        store.upsertDocument(meta("none", Map.of()));
        store.commit();

        assertThat(found(filter(new AnyOf("dept", List.of("hr"))))).containsExactlyInAnyOrder("hr-2021", "hr-2024");
        assertThat(found(filter(new AnyOf("dept", List.of("hr", "it"))))).containsExactlyInAnyOrder("hr-2021", "hr-2024", "it-2023");
        assertThat(found(filter(new AnyOf("dept", List.of(3.0))))).as("the number 3 is not the string \"3\"").isEmpty();
        assertThat(found(filter(new AnyOf("year", List.of(2023.0))))).containsExactly("it-2023");
        assertThat(found(filter(new AnyOf("public", List.of(true))))).containsExactly("hr-2021");
        assertThat(found(filter(new Range("year", 2021.0, false, 2024.0, true)))).containsExactlyInAnyOrder("hr-2024", "it-2023");
        assertThat(found(filter(new Range("year", null, false, 2023.0, false)))).containsExactly("hr-2021");
        assertThat(found(filter(new Range("published", "2023-01-01", true, "2024-06-30", true))))
                .as("dates compare as ISO text: a time on the last day lies after the day itself").containsExactly("it-2023");
        assertThat(found(filter(new Range("published", "2023-01-01", true, null, false)))).containsExactlyInAnyOrder("it-2023", "hr-2024");
        assertThat(found(filter(new AnyOf("dept", List.of("hr")), new Range("year", 2022.0, true, null, false)))).containsExactly("hr-2024");
        assertThat(found(filter(new AnyOf("dept", List.of("finance"))))).isEmpty();
        assertThat(found(filter(new Range("score", -2.0, false, 0.0, false)))).as("negative numbers sort as numbers").containsExactly("hr-2021");
        assertThat(found(filter(new Range("score", 2.5, true, null, false)))).containsExactlyInAnyOrder("hr-2024", "it-2023");
        assertThat(found(filter(new Range("score", null, false, 2.5, false)))).containsExactly("hr-2021");
    }

    @Test
    void aFilterAtItsLimitBesideAQuestionAtItsLimitStillSearches() {
        store.upsertDocument(meta("hr-2021", Map.of("dept", "hr")));
        store.commit();
        List<Object> departments = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            departments.add("dept-" + i);
        }
        departments.add("hr");
        StringBuilder question = new StringBuilder("harbour");
        for (int i = 0; i < 450; i++) {
            question.append(" word").append(Integer.toString(i, 26).replaceAll("[0-9]", "x"));
        }
        MetadataFilter filter = filter(new AnyOf("dept", departments));

        assertThat(store.keywordSearch("acme", filter, question.toString(), 5)).extracting(SearchHit::documentId).containsExactly("hr-2021");
        assertThat(store.hybridSearch(new HybridQuery("acme", vector(2), question.toString(), 10, 5, RRF, -1, filter)))
                .extracting(SearchHit::documentId).containsExactly("hr-2021");
    }

    /** What each search finds within the filter: vector, keyword and hybrid must agree. */
    private List<String> found(MetadataFilter filter) {
        List<String> vector = store.vectorSearch("acme", filter, vector(2), 10).stream().map(SearchHit::documentId).toList();
        List<String> keyword = store.keywordSearch("acme", filter, "harbour tides", 10).stream().map(SearchHit::documentId).toList();
        List<String> hybrid = store.hybridSearch(new HybridQuery("acme", vector(2), "harbour tides", 10, 10, RRF, -1, filter))
                .stream().map(SearchHit::documentId).toList();
        assertThat(keyword).containsExactlyInAnyOrderElementsOf(vector);
        assertThat(hybrid).containsExactlyInAnyOrderElementsOf(vector);
        return vector;
    }

    private static MetadataFilter filter(MetadataFilter.Condition... conditions) {
        return new MetadataFilter(List.of(conditions));
    }

    private static EmbeddedDocument meta(String id, Map<String, Object> metadata) {
        return new EmbeddedDocument(new ParsedDocument("acme", id, id, null, "t", "hash-" + id, metadata),
                List.of(new EmbeddedChunk(0, "The harbour tides of " + id, vector(2))));
    }

    @Test
    void whatWasCommittedSurvivesARestartAndAnotherModelIsRefused() throws Exception {
        store.upsertDocument(document("acme", "kept", "h", 2));
        store.commit();
        close(store);
        store = reopen();

        assertThat(store.count("acme")).isEqualTo(2);
        assertThatThrownBy(() -> store.bindEmbeddingModel("another-model", DIMENSION)).isInstanceOf(EmbeddingModelMismatchException.class);
    }

    static EmbeddedDocument document(String client, String id, String hash, int chunks) {
        List<EmbeddedChunk> embedded = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            embedded.add(new EmbeddedChunk(i, id + " chunk " + i, vector(i % DIMENSION)));
        }
        return new EmbeddedDocument(new ParsedDocument(client, id, id, null, "text", hash, Map.of()), embedded);
    }

    static EmbeddedDocument document(String client, String id, String text, float[] vector) {
        return new EmbeddedDocument(new ParsedDocument(client, id, id, null, text, "hash-" + id, Map.of()),
                List.of(new EmbeddedChunk(0, text, vector)));
    }

    /** A one-chunk document whose chunk any question finds as well as its siblings', with the given title vector. */
    static EmbeddedDocument titled(String id, float[] titleVector) {
        return new EmbeddedDocument(new ParsedDocument("acme", id, id, null, "Encode the data.", "hash-" + id, Map.of()),
                List.of(new EmbeddedChunk(0, "Encode the data.", vector(1))), titleVector);
    }

    /** The unit vector along one axis. */
    static float[] vector(int axis) {
        float[] vector = new float[DIMENSION];
        vector[axis] = 1;
        return vector;
    }

    static float[] near(float[] vector, Random random) {
        float[] near = vector.clone();
        for (int i = 0; i < near.length; i++) {
            near[i] += 0.05f * random.nextFloat();
        }
        return near;
    }
}
