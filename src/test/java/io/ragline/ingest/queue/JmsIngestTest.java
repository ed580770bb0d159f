package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;

import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineIntegrationTest;

/** Documents and deletes through the JMS queue on the embedded broker; poison messages go to the DLQ with a reason. */
@Tag("slow")
class JmsIngestTest extends RaglineIntegrationTest {

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ConsumerTemplate consumer;

    @Autowired
    VectorStore store;

    @Test
    void goodMessagesAreIndexedDeletesRemoveAndPoisonIsDeadLettered() {
        String client = newClient("jms");
        String pdf = Base64.getEncoder().encodeToString(InboxFiles.pdf("Lighthouse keepers trimmed the wick every night."));

        send("{\"id\": \"oak\", \"client_id\": \"" + client + "\", \"title\": \"Oaks\", \"text\": \"Oak trees can live for a thousand years.\"}");
        send("this is not json");
        send("{\"id\": \"empty\", \"client_id\": \"" + client + "\", \"text\": \"   \"}");
        send("{\"id\": \"keeper\", \"client_id\": \"" + client + "\", \"content_base64\": \"" + pdf + "\", \"content_type\": \"application/pdf\"}");
        send("{\"id\": \"garbage\", \"client_id\": \"" + client + "\", \"content_base64\": \"" + Base64.getEncoder().encodeToString("junk".getBytes()) + "\", \"content_type\": \"application/pdf\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> store.count(client) == 2);
        assertThat(http.query(client, "How long do oak trees live?", 1).get("sources").get(0).get("document_id").asText()).isEqualTo("oak");
        assertThat(http.query(client, "What did lighthouse keepers trim?", 1).get("sources").get(0).get("document_id").asText()).isEqualTo("keeper");

        Exchange notJson = consumer.receive("jms:queue:ragline.documents.dlq", 10_000);
        Exchange emptyText = consumer.receive("jms:queue:ragline.documents.dlq", 10_000);
        Exchange badPdf = consumer.receive("jms:queue:ragline.documents.dlq", 10_000);
        assertThat(notJson.getMessage().getBody(String.class)).as("original value untouched").isEqualTo("this is not json");
        assertThat(notJson.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_REASON, String.class)).contains("not valid JSON");
        assertThat(emptyText.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_REASON, String.class)).contains("no text");
        assertThat(badPdf.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_REASON, String.class)).contains("could not parse application/pdf");
        assertThat(badPdf.getMessage().getHeader(QueueErrorPolicy.DEAD_LETTER_SOURCE, String.class)).contains("ragline.documents");

        send("{\"id\": \"oak\", \"client_id\": \"" + client + "\", \"op\": \"delete\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> store.count(client) == 1);
        assertThat(http.query(client, "How long do oak trees live?", 5).get("sources"))
                .allSatisfy(source -> assertThat(source.get("document_id").asText()).isEqualTo("keeper"));
    }

    private void send(String body) {
        producer.sendBody("jms:queue:ragline.documents", body);
    }
}
