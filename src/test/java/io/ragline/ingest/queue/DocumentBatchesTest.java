package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import io.ragline.document.SourceDocument;

/** Which commands of a batch count: only the last one for each document, in batch order. */
class DocumentBatchesTest {

    @Test
    void theLastCommandForEachDocumentWins() {
        DocumentCommand firstA = index("acme", "a", "one");
        DocumentCommand b = index("acme", "b", "bee");
        DocumentCommand otherClientsA = index("globex", "a", "other client");
        DocumentCommand deleteA = DocumentCommand.delete("acme", "a");
        DocumentCommand c = index("acme", "c", "sea");

        List<DocumentCommand> applied = DocumentBatches.latestPerDocument(List.of(firstA, b, "dead-lettered", otherClientsA, deleteA, c));

        assertThat(applied).containsExactly(b, otherClientsA, deleteA, c);
    }

    @Test
    void committedDocumentsAreMarkedProcessedButDeletesAreNot() {
        MemoryIdempotentRepository processed = new MemoryIdempotentRepository();
        processed.start();
        DocumentCommand a = index("acme", "a", "one");
        new DocumentBatches(processed).markProcessed(List.of(a, DocumentCommand.delete("acme", "b")));

        assertThat(processed.contains(DocumentCommand.idempotencyKey(a))).isTrue();
        assertThat(processed.getCacheSize()).isEqualTo(1);
    }

    private static DocumentCommand index(String client, String id, String text) {
        return new DocumentCommand(client, id, SourceDocument.ofText(client, id, id, null, text, Map.of()));
    }
}
