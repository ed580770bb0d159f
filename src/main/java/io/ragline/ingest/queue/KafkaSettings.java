package io.ragline.ingest.queue;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code ragline.ingest.kafka.*}: the topic consumer; offsets are committed by hand once a record's chunks are durable.
 *
 * @param maxAttempts attempts at a record that keeps failing before it is dead-lettered
 * @param redeliveryDelay first wait before another attempt; it doubles each time, at most 30 s
 * @param batchSize records polled and committed together, at most
 * @param allowedClients clients the topic may carry documents for; empty: any (anything else is dead-lettered)
 * @param batchWait how long a batch that is not full waits for more records
 */
@Validated
@ConfigurationProperties("ragline.ingest.kafka")
public record KafkaSettings(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("localhost:9092") String brokers,
        @NotNull @DefaultValue("ragline.documents") String topic,
        @NotNull @DefaultValue("ragline") String groupId,
        @Min(1) @Max(64) @DefaultValue("1") int consumers,
        @NotNull @DefaultValue("ragline.documents.dlq") String dlqTopic,
        @Min(1) @DefaultValue("5") int maxAttempts,
        @NotNull @DefaultValue("1s") Duration redeliveryDelay,
        @Min(1) @Max(10_000) @DefaultValue("256") int batchSize,
        @NotNull @DefaultValue("200ms") Duration batchWait,
        @DefaultValue List<String> allowedClients) {
}
