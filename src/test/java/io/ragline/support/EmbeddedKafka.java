package io.ragline.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An embedded KRaft broker with the given topics over three partitions, up for the test class's lifetime
 * ({@code @RegisterExtension static}), with producers and readers for it.
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {

    private final String[] topics;
    private EmbeddedKafkaKraftBroker broker;

    public EmbeddedKafka(String... topics) {
        this.topics = topics;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = new EmbeddedKafkaKraftBroker(1, 3, topics);
        broker.afterPropertiesSet();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        broker.destroy();
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
        sendDocuments(topic, clientId, n, 0);
    }

    /** Records {@code r<first>..r<first+n-1>} of one client, each a one-chunk document. */
    public void sendDocuments(String topic, String clientId, int n, int first) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = first; i < first + n; i++) {
                producer.send(new ProducerRecord<>(topic, clientId + ":r" + i,
                        "{\"id\": \"r" + i + "\", \"client_id\": \"" + clientId + "\", \"text\": \"Record number " + i + " of the bulk load.\"}"));
            }
        }
    }

    /** The first {@code expected} records of a topic, read from its start by a group of their own. */
    public List<ConsumerRecord<String, String>> read(String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

}
