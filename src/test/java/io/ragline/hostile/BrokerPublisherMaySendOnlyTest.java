package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;

import io.ragline.store.VectorStore;
import io.ragline.support.FreePorts;
import io.ragline.support.RaglineApps;

/**
 * With the publisher's password a client sends to the ingest queue and nothing else: it cannot run a
 * competing consumer on the ingest queue (its documents would never be indexed), read a dead letter, or
 * call the broker's management address; every document it sends is indexed.
 */
@Tag("slow")
class BrokerPublisherMaySendOnlyTest {

    @TempDir
    Path work;

    @Test
    void thePublisherCanOnlySendToTheIngestQueue() throws Exception {
        int port = FreePorts.next();
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.jms.embedded-acceptor=" + port,
                "--ragline.ingest.jms.embedded-user=publisher",
                "--ragline.ingest.jms.embedded-password=s3cret-broker")) {
            ActiveMQConnectionFactory publisher = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port, "publisher", "s3cret-broker");
            try (Connection connection = publisher.createConnection();
                 Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                assertThatThrownBy(() -> session.createConsumer(session.createQueue("ragline.documents")))
                        .isInstanceOf(JMSSecurityException.class);
                assertThatThrownBy(() -> session.createConsumer(session.createQueue("ragline.documents.dlq")))
                        .isInstanceOf(JMSSecurityException.class);
                assertThatThrownBy(() -> session.createBrowser(session.createQueue("ragline.documents.dlq")).getEnumeration().hasMoreElements())
                        .isInstanceOf(JMSSecurityException.class);
                assertThatThrownBy(() -> session.createProducer(session.createQueue("activemq.management"))
                        .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
                for (int i = 0; i < 6; i++) {
                    session.createProducer(session.createQueue("ragline.documents")).send(session.createTextMessage(
                            "{\"id\": \"doc-" + i + "\", \"client_id\": \"outside\", \"text\": \"Document " + i + " sent over TCP.\"}"));
                }
            }
            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count("outside") == 6);
            assertThat(store.count("outside")).isEqualTo(6);
        }
    }
}
