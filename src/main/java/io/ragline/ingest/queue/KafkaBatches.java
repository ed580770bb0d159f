package io.ragline.ingest.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.spi.IdempotentRepository;

import io.ragline.document.ChunkedDocument;

/**
 * The steps of a polled Kafka batch that are not routing: which commands count, what is left to embed,
 * what the idempotent repository learns, which offsets are committed.
 */
public class KafkaBatches {

    /** The batch's records as Camel delivered them, {@code List<Exchange>}: kept to split or commit later. */
    public static final String RECORDS = "raglineKafkaRecords";
    /** The commands the batch applies, after {@link #latestPerDocument}. */
    public static final String COMMANDS = "raglineKafkaCommands";

    private final IdempotentRepository processed;

    public KafkaBatches(IdempotentRepository processed) {
        this.processed = processed;
    }

    /** The records as messages to split: copies, so a failed batch can be split again record by record. */
    public static List<Message> records(@ExchangeProperty(RECORDS) List<Exchange> records) {
        return records.stream().map(record -> record.getMessage().copy()).toList();
    }

    /**
     * The last command for each document, in batch order. A later record replaces the whole document or
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

    public static List<ChunkedDocument> toEmbed(List<?> prepared) {
        return prepared.stream().filter(ChunkedDocument.class::isInstance).map(ChunkedDocument.class::cast).toList();
    }

    /** Called once the batch is committed to the store: a redelivered record is then skipped by any replica. */
    public void markProcessed(@ExchangeProperty(COMMANDS) List<DocumentCommand> commands) {
        commands.stream().filter(command -> !command.isDelete()).map(DocumentCommand::idempotencyKey).forEach(processed::add);
    }

    /** Commits, for each partition in the batch, the offset after its last record. */
    public static void commitOffsets(@ExchangeProperty(RECORDS) List<Exchange> records) {
        Map<String, Exchange> lastOfPartition = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            lastOfPartition.put(message.getHeader(KafkaConstants.TOPIC) + "/" + message.getHeader(KafkaConstants.PARTITION), record);
        }
        lastOfPartition.values().forEach(KafkaRecords::commit);
    }
}
