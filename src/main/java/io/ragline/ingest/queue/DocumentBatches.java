package io.ragline.ingest.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.IdempotentRepository;

/** The steps of a batch of queued commands that are not routing: which commands count, what is left to embed, what is remembered. */
public class DocumentBatches {

    /** The commands the batch applies, after {@link #latestPerDocument}. */
    public static final String COMMANDS = "raglineBatchCommands";

    private final IdempotentRepository processed;

    public DocumentBatches(IdempotentRepository processed) {
        this.processed = processed;
    }

    /**
     * The last command for each document, in batch order. A later message replaces the whole document or
     * deletes it, so the earlier ones need no work; and applying only the last keeps the batch free of
     * ordering between an upsert and a delete of the same document.
     */
    public static List<DocumentCommand> latestPerDocument(List<?> parsed) {
        Map<List<String>, DocumentCommand> latest = new LinkedHashMap<>();
        for (Object item : parsed) {
            if (item instanceof DocumentCommand command) {
                List<String> document = List.of(command.clientId(), command.documentId());
                latest.remove(document);
                latest.put(document, command);
            }
        }
        return List.copyOf(latest.values());
    }

    /** Called once the batch is committed to the store: a redelivered message is then skipped by any replica. */
    public void markProcessed(@ExchangeProperty(COMMANDS) List<DocumentCommand> commands) {
        commands.stream().filter(command -> !command.isDelete()).map(DocumentCommand::idempotencyKey).forEach(processed::add);
    }
}
