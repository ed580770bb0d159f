package io.ragline.ingest.queue;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.ragline.api.JsonBodies;
import io.ragline.document.DocumentRules;
import io.ragline.ingest.IngestSettings;
import io.ragline.resilience.ResilienceSettings;

/** The queue sources: a JMS queue and a Kafka topic, both with the same message format. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JmsSettings.class, KafkaSettings.class})
public class QueueConfiguration {

    @Bean
    DocumentMessages documentMessages(JsonBodies json, DocumentRules rules, IngestSettings ingest) {
        return new DocumentMessages(json, rules, ingest.maxFileBytes());
    }

    @Bean
    KafkaRetry kafkaRetry(KafkaSettings kafka, ResilienceSettings resilience) {
        return new KafkaRetry(kafka.maxAttempts(), resilience.outageMaxWait());
    }

    @Bean
    KafkaBatches kafkaBatches(IdempotentRepository ingestRepository) {
        return new KafkaBatches(ingestRepository);
    }

    @Bean
    KafkaRecords kafkaRecords(DocumentMessages messages) {
        return new KafkaRecords(messages);
    }

    /**
     * The embedded broker's queues: failing messages are redelivered with a growing delay, then parked in
     * the dead-letter queue, never dropped. An external broker needs the same address settings.
     */
    @Bean
    ArtemisConfigurationCustomizer raglineQueues(JmsSettings jms) {
        return configuration -> configuration.addAddressSetting(jms.queue(), new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(jms.dlqQueue()))
                .setMaxDeliveryAttempts(jms.maxDeliveryAttempts())
                .setRedeliveryDelay(jms.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(jms.redeliveryDelay().toMillis() * 30));
    }
}
