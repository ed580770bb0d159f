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
 * {@code ragline.ingest.jms.*}: the JMS queue consumer; the broker itself is Spring Boot's {@code spring.artemis.*}.
 *
 * @param maxDeliveryAttempts deliveries before the broker dead-letters a message that keeps failing
 * @param batchSize messages indexed together, at most; above 1 the batches wait in Redis ({@code spring.data.redis.*})
 * @param allowedClients clients the queue may carry documents for; empty: any (anything else is dead-lettered)
 * @param batchWait how long a batch that is not full waits for more messages
 * @param embeddedAcceptor a TCP acceptor on the embedded broker, for producers outside this JVM: a port
 *                         (loopback only) or a URL such as {@code tcp://0.0.0.0:61616}; empty: none
 * @param embeddedUser     the user those producers connect as; required with an acceptor
 * @param embeddedPassword its password; required with an acceptor
 */
@Validated
@ConfigurationProperties("ragline.ingest.jms")
public record JmsSettings(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("ragline.documents") String queue,
        @NotNull @DefaultValue("ragline.documents.dlq") String dlqQueue,
        @Min(1) @Max(64) @DefaultValue("1") int consumers,
        @Min(1) @DefaultValue("10") int maxDeliveryAttempts,
        @NotNull @DefaultValue("1s") Duration redeliveryDelay,
        @Min(1) @Max(10_000) @DefaultValue("1") int batchSize,
        @NotNull @DefaultValue("500ms") Duration batchWait,
        @DefaultValue List<String> allowedClients,
        @DefaultValue("") String embeddedAcceptor,
        @DefaultValue("") String embeddedUser,
        @DefaultValue("") String embeddedPassword) {

    /** The embedded broker's TCP acceptor: a port alone listens on loopback only. */
    public String embeddedAcceptorUrl() {
        return embeddedAcceptor.matches("\\d+") ? "tcp://127.0.0.1:" + embeddedAcceptor : embeddedAcceptor;
    }

    public boolean batched() {
        return batchSize > 1;
    }
}
