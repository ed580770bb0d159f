package io.ragline.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;

/** Documents share embedding batches, and every document gets back exactly its own chunks, in order. */
class ChunkBatchesTest {

    private final List<Integer> callSizes = new ArrayList<>();
    private final Embedder lengthEmbedder = new Embedder() {
        @Override
        public String modelName() {
            return "length";
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            callSizes.add(texts.size());
            modelTexts.addAll(texts);
            return texts.stream().map(text -> new float[] {text.length()}).toList();
        }
    };
    private final List<String> modelTexts = new ArrayList<>();
    private final ChunkBatches batches = new ChunkBatches(lengthEmbedder, 4, false, false);

    @Test
    void oneChunkDocumentsShareBatchesAndGetTheirOwnVectorsBack() {
        List<ChunkedDocument> documents = List.of(document("a", 1), document("b", 3), document("c", 1), document("d", 2));

        List<List<EmbeddedChunk>> embedded = batches.split(documents).stream().map(batches::embed).toList();
        List<EmbeddedDocument> assembled = batches.assemble(documents, embedded);

        assertThat(callSizes).as("7 chunks in batches of 4, across documents").containsExactly(4, 3);
        assertThat(assembled).extracting(document -> document.document().documentId()).containsExactly("a", "b", "c", "d");
        for (int i = 0; i < documents.size(); i++) {
            ChunkedDocument source = documents.get(i);
            List<EmbeddedChunk> chunks = assembled.get(i).chunks();
            assertThat(chunks).extracting(EmbeddedChunk::text).containsExactlyElementsOf(source.chunks().stream().map(Chunk::text).toList());
            assertThat(chunks).extracting(EmbeddedChunk::index).containsExactlyElementsOf(source.chunks().stream().map(Chunk::index).toList());
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.vector()[0]).isEqualTo(chunk.text().length()));
        }
    }

    @Test
    void withTitlesTheModelSeesTheTitleBeforeEachChunkAndTheStoreKeepsTheChunksOwnText() {
        ChunkBatches titled = new ChunkBatches(lengthEmbedder, 4, true, false);
        List<ChunkedDocument> documents = List.of(document("a", 2));

        List<EmbeddedDocument> assembled = titled.assemble(documents, titled.split(documents).stream().map(titled::embed).toList());

        assertThat(modelTexts).containsExactly("a\n\na-chunk-", "a\n\na-chunk-x");
        assertThat(assembled.get(0).chunks()).extracting(EmbeddedChunk::text).containsExactly("a-chunk-", "a-chunk-x");
        assertThat(assembled.get(0).chunks()).extracting(chunk -> chunk.vector()[0]).containsExactly(11f, 12f);
    }

    @Test
    void withTitleVectorsEachTitleIsEmbeddedOnItsOwnAheadOfItsChunksAndGoesBackToItsDocument() {
        ChunkBatches titled = new ChunkBatches(lengthEmbedder, 4, false, true);
        ParsedDocument untitled = new ParsedDocument("acme", "u", " ", null, "text", "hash-u", Map.of());
        List<ChunkedDocument> documents = List.of(document("first", 2), new ChunkedDocument(untitled, List.of(new Chunk(0, "plain"))),
                document("second", 1), new ChunkedDocument(document("empty", 0).document(), List.of()));

        List<EmbeddedDocument> assembled = titled.assemble(documents, titled.split(documents).stream().map(titled::embed).toList());

        assertThat(modelTexts).containsExactly("first", "first-chunk-", "first-chunk-x", "plain", "second", "second-chunk-");
        assertThat(callSizes).as("titles share the batches").containsExactly(4, 2);
        assertThat(assembled.get(0).titleVector()).containsExactly(5f);
        assertThat(assembled.get(0).chunks()).extracting(EmbeddedChunk::text).containsExactly("first-chunk-", "first-chunk-x");
        assertThat(assembled.get(1).titleVector()).as("a blank title is not embedded").isNull();
        assertThat(assembled.get(1).chunks()).extracting(EmbeddedChunk::text).containsExactly("plain");
        assertThat(assembled.get(2).titleVector()).containsExactly(6f);
        assertThat(assembled.get(2).chunks()).extracting(EmbeddedChunk::index).containsExactly(0);
        assertThat(assembled.get(3).titleVector()).as("nothing to find a document without chunks by").isNull();
    }

    @Test
    void aTitleTheTextOpensWithIsNotEmbeddedAgain() {
        ChunkBatches titled = new ChunkBatches(lengthEmbedder, 4, false, true);
        ParsedDocument firstLine = new ParsedDocument("acme", "f", "Opening line of the…", null, "Opening line of the text, cut.\nMore.",
                "hash-f", Map.of());

        List<ChunkedDocument> documents = List.of(new ChunkedDocument(firstLine, List.of(new Chunk(0, "Opening"))));

        List<EmbeddedDocument> assembled = titled.assemble(documents, titled.split(documents).stream().map(titled::embed).toList());

        assertThat(modelTexts).containsExactly("Opening");
        assertThat(assembled.get(0).titleVector()).isNull();
    }

    @Test
    void noDocumentsNoCall() {
        assertThat(batches.split(List.of())).isEmpty();
        assertThat(batches.assemble(List.of(), List.of())).isEmpty();
        assertThat(callSizes).isEmpty();
    }

    private static ChunkedDocument document(String id, int chunks) {
        ParsedDocument parsed = new ParsedDocument("acme", id, id, null, "text", "hash-" + id, Map.of());
        return new ChunkedDocument(parsed, IntStream.range(0, chunks).mapToObj(i -> new Chunk(i, id + "-chunk-" + "x".repeat(i))).toList());
    }
}
