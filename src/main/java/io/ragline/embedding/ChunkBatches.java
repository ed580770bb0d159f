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
 * found by it. It raised MRR@10 on both known-item sets (README, Retrieval quality).
 */
public class ChunkBatches {

    public static final String DOCUMENTS_PROPERTY = "raglineChunkedDocuments";

    private final Embedder embedder;
    private final int batchSize;
    private final boolean titleInVector;

    public ChunkBatches(Embedder embedder, int batchSize, boolean titleInVector) {
        this.embedder = embedder;
        this.batchSize = batchSize;
        this.titleInVector = titleInVector;
    }

    /** The documents' chunks in order, cut into batches regardless of where one document ends. */
    public List<List<ChunkToEmbed>> split(List<ChunkedDocument> documents) {
        List<ChunkToEmbed> chunks = documents.stream()
                .flatMap(document -> document.chunks().stream().map(chunk -> toEmbed(document.document().title(), chunk)))
                .toList();
        List<List<ChunkToEmbed>> batches = new ArrayList<>();
        for (int from = 0; from < chunks.size(); from += batchSize) {
            batches.add(chunks.subList(from, Math.min(from + batchSize, chunks.size())));
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

    private ChunkToEmbed toEmbed(String title, Chunk chunk) {
        boolean header = titleInVector && title != null && !title.isBlank();
        return new ChunkToEmbed(chunk, header ? title.strip() + "\n\n" + chunk.text() : chunk.text());
    }

    /** A chunk and the text the model sees for it. */
    public record ChunkToEmbed(Chunk chunk, String modelText) {
    }

    /** Gives each document back its embedded chunks: the batches hold them in the order {@link #split} cut them. */
    public List<EmbeddedDocument> assemble(@ExchangeProperty(DOCUMENTS_PROPERTY) List<ChunkedDocument> documents,
                                           @Body List<List<EmbeddedChunk>> batches) {
        List<EmbeddedChunk> chunks = new ArrayList<>();
        batches.forEach(chunks::addAll);
        int expected = documents.stream().mapToInt(document -> document.chunks().size()).sum();
        if (chunks.size() != expected) {
            throw new IllegalStateException("embedded " + chunks.size() + " of " + expected + " chunks");
        }
        List<EmbeddedDocument> embedded = new ArrayList<>(documents.size());
        int from = 0;
        for (ChunkedDocument document : documents) {
            int to = from + document.chunks().size();
            embedded.add(new EmbeddedDocument(document.document(), List.copyOf(chunks.subList(from, to))));
            from = to;
        }
        return embedded;
    }
}
