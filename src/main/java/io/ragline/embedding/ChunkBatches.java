package io.ragline.embedding;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;

/**
 * Cuts documents' chunks into embedding batches and puts the embedded batches back together. Several
 * documents share batches, so many one-chunk documents cost the model a few full batches, not one call each.
 * <p>
 * With {@code titleInVector} the model sees each chunk after its document's title (a contextual chunk
 * header), while the store keeps the chunk's own text: a chunk that never names its subject is still
 * found by it. With {@code titleVector} the title is also embedded on its own, ahead of its document's
 * chunks, for the title signal of hybrid search. Both raised MRR@10 on the known-item sets (docs/benchmarks.md,
 * Retrieval quality).
 */
public class ChunkBatches {

    public static final String DOCUMENTS_PROPERTY = "raglineChunkedDocuments";
    /** The index of the item that stands for a document's title, not one of its chunks. */
    private static final int TITLE = -1;

    private final Embedder embedder;
    private final int batchSize;
    private final boolean titleInVector;
    private final boolean titleVector;

    public ChunkBatches(Embedder embedder, int batchSize, boolean titleInVector, boolean titleVector) {
        this.embedder = embedder;
        this.batchSize = batchSize;
        this.titleInVector = titleInVector;
        this.titleVector = titleVector;
    }

    /** Each document's title (if embedded) and chunks in order, cut into batches regardless of where one document ends. */
    public List<List<ChunkToEmbed>> split(List<ChunkedDocument> documents) {
        List<ChunkToEmbed> items = new ArrayList<>();
        for (ChunkedDocument document : documents) {
            String title = document.document().title();
            String stripped = title == null || title.isBlank() ? null : title.strip();
            if (embedsTitle(document)) {
                items.add(new ChunkToEmbed(new Chunk(TITLE, stripped), stripped));
            }
            String header = titleInVector ? stripped : null;
            for (Chunk chunk : document.chunks()) {
                items.add(new ChunkToEmbed(chunk, header == null ? chunk.text() : header + "\n\n" + chunk.text()));
            }
        }
        List<List<ChunkToEmbed>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += batchSize) {
            batches.add(items.subList(from, Math.min(from + batchSize, items.size())));
        }
        return batches;
    }

    /** Embeds one batch: the unit that is retried on a transient failure. */
    public List<EmbeddedChunk> embed(List<ChunkToEmbed> batch) {
        List<float[]> vectors = embedder.embedAll(batch.stream().map(ChunkToEmbed::modelText).toList());
        if (vectors.size() != batch.size()) {
            throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + batch.size() + " chunks");
        }
        List<EmbeddedChunk> embedded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Chunk chunk = batch.get(i).chunk();
            embedded.add(new EmbeddedChunk(chunk.index(), chunk.text(), vectors.get(i)));
        }
        return embedded;
    }

    /**
     * A title the text opens with (its first line, when the document came without one) tells the model
     * nothing the first chunk does not, and would cost a one-paragraph document a second input: not embedded.
     */
    private boolean embedsTitle(ChunkedDocument document) {
        String title = document.document().title();
        if (!titleVector || document.chunks().isEmpty() || title == null || title.isBlank()) {
            return false;
        }
        String stripped = title.strip();
        String opening = stripped.endsWith("…") ? stripped.substring(0, stripped.length() - 1) : stripped;
        String text = document.document().text();
        if (text == null) {
            return true;
        }
        // compared in place: the text may be long, and this runs for every document of every batch
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return !text.startsWith(opening, start);
    }

    /** A chunk (or a document's title) and the text the model sees for it. */
    public record ChunkToEmbed(Chunk chunk, String modelText) {

        public boolean isTitle() {
            return chunk.index() == TITLE;
        }
    }

    /** Gives each document back its title vector and embedded chunks, in the order {@link #split} cut them. */
    public List<EmbeddedDocument> assemble(@ExchangeProperty(DOCUMENTS_PROPERTY) List<ChunkedDocument> documents,
                                           @Body List<List<EmbeddedChunk>> batches) {
        List<EmbeddedChunk> items = new ArrayList<>();
        batches.forEach(items::addAll);
        boolean[] titled = new boolean[documents.size()];
        int expected = 0;
        for (int i = 0; i < titled.length; i++) {
            titled[i] = embedsTitle(documents.get(i));
            expected += documents.get(i).chunks().size() + (titled[i] ? 1 : 0);
        }
        if (items.size() != expected) {
            throw new IllegalStateException("embedded " + items.size() + " of " + expected + " chunks and titles");
        }
        List<EmbeddedDocument> embedded = new ArrayList<>(documents.size());
        int from = 0;
        for (int i = 0; i < titled.length; i++) {
            ChunkedDocument document = documents.get(i);
            float[] title = null;
            if (titled[i]) {
                title = items.get(from).vector();
                from++;
            }
            int to = from + document.chunks().size();
            embedded.add(new EmbeddedDocument(document.document(), List.copyOf(items.subList(from, to)), title));
            from = to;
        }
        return embedded;
    }
}
