package io.ragline.bench;

import java.util.List;

import io.ragline.document.ChunkedDocument;
import io.ragline.embedding.ChunkBatches;
import io.ragline.embedding.ChunkBatches.ChunkToEmbed;
import io.ragline.embedding.Embedder;

/**
 * What the pipeline gives the model for some documents (each chunk after its title, and the titles it
 * embeds on their own), so the raw model is timed on the same work.
 */
record ModelInputs(List<ChunkToEmbed> items) {

    static ModelInputs of(ChunkBatches batches, List<ChunkedDocument> documents) {
        return new ModelInputs(batches.split(documents).stream().flatMap(List::stream).toList());
    }

    List<String> texts() {
        return items.stream().map(ChunkToEmbed::modelText).toList();
    }

    /** The chunks' model texts, without the titles embedded on their own. */
    List<String> chunkTexts() {
        return items.stream().filter(item -> !item.isTitle()).map(ChunkToEmbed::modelText).toList();
    }

    int titles() {
        return items.size() - chunkTexts().size();
    }

    /** Chunks per second of the raw model doing all of this work, in batches of {@code batchSize}. */
    double rawChunkRate(Embedder embedder, int batchSize) {
        return RaglineBench.rawRate(embedder, texts(), batchSize) * chunkTexts().size() / items.size();
    }
}
