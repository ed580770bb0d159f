package io.ragline.ingest.queue;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

import io.ragline.document.ClientAllowList;
import io.ragline.document.ClientIds;
import io.ragline.document.DocumentRejectedException;

/** Kafka specifics of the queue contract: tombstones by key, and committing an offset by hand. */
public class KafkaRecords {

    private final DocumentMessages messages;

    private final ClientAllowList clients;

    public KafkaRecords(DocumentMessages messages, ClientAllowList clients) {
        this.messages = messages;
        this.clients = clients;
    }

    /** A record's value as a command; a tombstone (null value) keyed {@code client_id:id} deletes. */
    public DocumentCommand parse(Exchange exchange) {
        String value = exchange.getMessage().getBody(String.class);
        if (value != null) {
            DocumentCommand command = messages.parse(value);
            clients.check(command.clientId());
            return command;
        }
        String key = exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new DocumentRejectedException("tombstone without a client_id:id key: " + key);
        }
        return DocumentCommand.delete(clients.check(ClientIds.resolve(key.substring(0, colon))), key.substring(colon + 1));
    }

    /** At least once: called only after the record's outcome is durable (indexed, or dead-lettered). */
    public static void commit(Exchange exchange) {
        KafkaManualCommit manual = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (manual != null) {
            manual.commit();
        }
    }
}
