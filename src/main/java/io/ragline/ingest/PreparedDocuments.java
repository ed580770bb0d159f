package io.ragline.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedDocument;

/**
 * A batch of documents between chunking and writing, in the order it came in: each a
 * {@link ChunkedDocument}, or the {@link IngestResult} of one whose content is unchanged or that needs
 * no writing. Its chunks are embedded together, in batches shared across documents.
 */
public final class PreparedDocuments {

    /** The batch as chunking left it, while its chunks are embedded. */
    public static final String PREPARED = "raglinePreparedDocuments";

    private PreparedDocuments() {
    }

    public static List<ChunkedDocument> toEmbed(List<?> prepared) {
        return prepared.stream().filter(ChunkedDocument.class::isInstance).map(ChunkedDocument.class::cast).toList();
    }

    /** The batch in its order, each chunked document replaced by its embedded self (given in {@link #toEmbed} order). */
    public static List<Object> withEmbeddings(@ExchangeProperty(PREPARED) List<?> prepared, @Body List<EmbeddedDocument> embedded) {
        Iterator<EmbeddedDocument> next = embedded.iterator();
        List<Object> batch = new ArrayList<>(prepared.size());
        for (Object document : prepared) {
            batch.add(document instanceof ChunkedDocument ? next.next() : document);
        }
        if (next.hasNext()) {
            throw new IllegalStateException("more embedded documents than chunked ones");
        }
        return batch;
    }
}
