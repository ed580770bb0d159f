package io.ragline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ragline.document.Chunk;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedChunk;
import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;

class PreparedDocumentsTest {

    private final ChunkedDocument first = chunked("first");
    private final IngestResult unchanged = IngestResult.unchanged(parsed("unchanged"));
    private final ChunkedDocument second = chunked("second");
    private final EmbeddedDocument firstEmbedded = embedded(first);
    private final EmbeddedDocument secondEmbedded = embedded(second);

    @Test
    void embeddedDocumentsTakeTheirChunkedSelvesPlacesAndUnchangedOnesStayWhereTheyWere() {
        List<?> prepared = List.of(first, unchanged, second);

        assertThat(PreparedDocuments.toEmbed(prepared)).containsExactly(first, second);
        assertThat(PreparedDocuments.withEmbeddings(prepared, List.of(firstEmbedded, secondEmbedded)))
                .containsExactly(firstEmbedded, unchanged, secondEmbedded);
    }

    @Test
    void aMismatchBetweenChunkedAndEmbeddedDocumentsIsAnError() {
        assertThatThrownBy(() -> PreparedDocuments.withEmbeddings(List.of(unchanged), List.of(firstEmbedded)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static ChunkedDocument chunked(String id) {
        return new ChunkedDocument(parsed(id), List.of(new Chunk(0, "text of " + id)));
    }

    private static EmbeddedDocument embedded(ChunkedDocument document) {
        return new EmbeddedDocument(document.document(), List.of(new EmbeddedChunk(0, document.chunks().get(0).text(), new float[] {1f})));
    }

    private static ParsedDocument parsed(String id) {
        return new ParsedDocument("c", id, id, null, "text of " + id, "h-" + id, Map.of());
    }
}
