package io.ragline.ingest.queue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/** A polled Kafka batch: its records, and the offsets committed once it is durable. */
public final class KafkaBatches {

    /** The batch's records as Camel delivered them, {@code List<Exchange>}: kept to split or commit later. */
    public static final String RECORDS = "raglineKafkaRecords";

    private KafkaBatches() {
    }

    /** The records as messages to split: copies, so a failed batch can be split again record by record. */
    public static List<Message> records(@ExchangeProperty(RECORDS) List<Exchange> records) {
        return records.stream().map(record -> record.getMessage().copy()).toList();
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
