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
 */
public class ChunkBatches {

    public static final String DOCUMENTS_PROPERTY = "raglineChunkedDocuments";

    private final Embedder embedder;
    private final int batchSize;

    public ChunkBatches(Embedder embedder, int batchSize) {
        this.embedder = embedder;
        this.batchSize = batchSize;
    }

    /** The documents' chunks in order, cut into batches regardless of where one document ends. */
    public List<List<Chunk>> split(List<ChunkedDocument> documents) {
        List<Chunk> chunks = documents.stream().flatMap(document -> document.chunks().stream()).toList();
        List<List<Chunk>> batches = new ArrayList<>();
        for (int from = 0; from < chunks.size(); from += batchSize) {
            batches.add(chunks.subList(from, Math.min(from + batchSize, chunks.size())));
        }
        return batches;
    }

    /** Embeds one batch: the unit that is retried on a transient failure. */
    public List<EmbeddedChunk> embed(List<Chunk> batch) {
        List<float[]> vectors = embedder.embedAll(batch.stream().map(Chunk::text).toList());
        if (vectors.size() != batch.size()) {
            throw new IllegalStateException("embedder returned " + vectors.size() + " vectors for " + batch.size() + " chunks");
        }
        List<EmbeddedChunk> embedded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            embedded.add(new EmbeddedChunk(batch.get(i).index(), batch.get(i).text(), vectors.get(i)));
        }
        return embedded;
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
