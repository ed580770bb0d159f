package io.ragline.support;

import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An embedded KRaft broker with the document topics over three partitions, and producers for it. */
public final class EmbeddedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    public EmbeddedKafka(String... topics) {
        broker = new EmbeddedKafkaKraftBroker(1, 3, topics);
        broker.afterPropertiesSet();
    }

    public String brokers() {
        return broker.getBrokersAsString();
    }

    public KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(config);
    }

    /** Records {@code r0..r<n-1>} of one client, each a one-chunk document. */
    public void sendDocuments(String topic, String clientId, int n) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < n; i++) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, clientId + ":r" + i,
                        "{\"id\": \"r" + i + "\", \"client_id\": \"" + clientId + "\", \"text\": \"Record number " + i + " of the bulk load.\"}"));
            }
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
