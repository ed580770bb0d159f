package io.ragline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import io.ragline.ingest.queue.QueueErrorPolicy;
import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineApps;

/**
 * The queue, the topic and the inbox each write only for the clients they are allowed: a document for
 * another client is dead-lettered (or noted in .failed/) with the reason, and the allowed client's
 * documents are indexed.
 */
@Tag("slow")
class SourceClientAllowListTest {

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void eachSourceWritesOnlyForItsAllowedClients() throws Exception {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.jms.allowed-clients=acme",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.brokers=" + kafka.brokers(),
                "--ragline.ingest.kafka.allowed-clients=acme",
                "--ragline.ingest.folder.allowed-clients=acme");
             KafkaProducer<String, String> producer = kafka.producer()) {
            JmsTemplate jms = app.getBean(JmsTemplate.class);
            jms.convertAndSend("ragline.documents", message("jms-acme", "acme"));
            jms.convertAndSend("ragline.documents", message("jms-globex", "globex"));
            producer.send(new ProducerRecord<>("ragline.documents", "acme:kafka-acme", message("kafka-acme", "acme")));
            producer.send(new ProducerRecord<>("ragline.documents", "globex:kafka-globex", message("kafka-globex", "globex")));
            producer.flush();
            Path inbox = work.resolve("inbox");
            InboxFiles.drop(inbox, "acme/folder-acme.txt", "Folder document for acme.".getBytes(StandardCharsets.UTF_8));
            InboxFiles.drop(inbox, "globex/folder-globex.txt", "Folder document for globex.".getBytes(StandardCharsets.UTF_8));

            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count("acme") == 3);
            assertThat(store.count("globex")).isZero();

            Exchange deadJms = app.getBean(CamelContext.class).createConsumerTemplate().receive("jms:queue:ragline.documents.dlq", 10_000);
            assertThat(deadJms).isNotNull();
            assertThat(deadJms.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_REASON, String.class))
                    .contains("queue ragline.documents may not write for client globex");
            List<ConsumerRecord<String, String>> deadKafka = kafka.read("ragline.documents.dlq", 1);
            assertThat(new String(deadKafka.get(0).headers().lastHeader(QueueErrorPolicy.DEAD_LETTER_REASON).value()))
                    .contains("topic ragline.documents may not write for client globex");
            Path note = inbox.resolve(".failed/globex/folder-globex.txt.error.txt");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(note));
            assertThat(Files.readString(note)).contains("the inbox may not write for client globex");
        }
    }

    private static String message(String id, String client) {
        return "{\"id\": \"" + id + "\", \"client_id\": \"" + client + "\", \"text\": \"A document named " + id + ".\"}";
    }
}
