package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.OpenAiStubTest;

/** A duplicated queue message (same client, id and content) is not embedded again. */
@Tag("slow")
class JmsDuplicateTest extends OpenAiStubTest {

    @Autowired
    ProducerTemplate producer;

    @Autowired
    VectorStore store;

    @Test
    void aDuplicateMessageDoesNotCallTheEmbeddingModelAgain() {
        String client = newClient("duplicate");
        String message = "{\"id\": \"puffin\", \"client_id\": \"" + client + "\", \"text\": \"Puffins carry a dozen fish in their beaks.\"}";
        OPENAI.resetRequests();

        producer.sendBody("jms:queue:ragline.documents", message);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.count(client) == 1);
        producer.sendBody("jms:queue:ragline.documents", message);
        producer.sendBody("jms:queue:ragline.documents",
                "{\"id\": \"marker\", \"client_id\": \"" + client + "\", \"text\": \"A marker document sent after the duplicate.\"}");
        // the queue is consumed in order: once the marker is in, the duplicate has been handled
        await().atMost(Duration.ofSeconds(20)).until(() -> store.count(client) == 2);

        assertThat(embeddingRequests()).as("puffin once, marker once").isEqualTo(2);
    }
}
