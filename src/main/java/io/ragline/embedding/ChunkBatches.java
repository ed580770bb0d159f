package io.ragline.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;

/** Cuts a document's chunks into embedding batches and puts the embedded batches back together. */
public class ChunkBatches {

    public static final String DOCUMENT_PROPERTY = "raglineChunkedDocument";

    private final Embedder embedder;
    private final int batchSize;

    public ChunkBatches(Embedder embedder, int batchSize) {
        this.embedder = embedder;
        this.batchSize = batchSize;
    }

    public List<List<Chunk>> split(ChunkedDocument document) {
        List<Chunk> chunks = document.chunks();
        List<List<Chunk>> batches = new ArrayList<>();
        for (int from = 0; from < chunks.size(); from += batchSize) {
            batches.add(List.copyOf(chunks.subList(from, Math.min(from + batchSize, chunks.size()))));
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

    public EmbeddedDocument assemble(@ExchangeProperty(DOCUMENT_PROPERTY) ChunkedDocument document,
                                     @Body List<List<EmbeddedChunk>> batches) {
        List<EmbeddedChunk> chunks = new ArrayList<>(document.chunks().size());
        batches.forEach(chunks::addAll);
        chunks.sort(Comparator.comparingInt(EmbeddedChunk::index));
        if (chunks.size() != document.chunks().size()) {
            throw new IllegalStateException("embedded " + chunks.size() + " of " + document.chunks().size() + " chunks");
        }
        return new EmbeddedDocument(document.document(), chunks);
    }
}
