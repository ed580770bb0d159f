package io.ragline.ingest.queue;

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
 * A producer outside the JVM publishes through the embedded broker's TCP acceptor with the configured
 * user and password, and its document is indexed; a wrong password is refused at connection.
 */
@Tag("slow")
class EmbeddedAcceptorTest {

    @TempDir
    Path work;

    @Test
    void aStandardJmsClientPublishesWithTheBrokerUserAndNoOneElse() throws Exception {
        int port = FreePorts.next();
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.jms.embedded-acceptor=" + port,
                "--ragline.ingest.jms.embedded-user=publisher",
                "--ragline.ingest.jms.embedded-password=s3cret-broker")) {
            String url = "tcp://127.0.0.1:" + port;
            try (Connection connection = new ActiveMQConnectionFactory(url, "publisher", "s3cret-broker").createConnection();
                 Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                session.createProducer(session.createQueue("ragline.documents")).send(session.createTextMessage(
                        "{\"id\": \"remote\", \"client_id\": \"outside\", \"text\": \"Published from another process over TCP.\"}"));
            }
            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> store.count("outside") == 1);

            assertThatThrownBy(() -> publish(new ActiveMQConnectionFactory(url, "publisher", "wrong")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> publish(new ActiveMQConnectionFactory(url)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThat(store.count("outside")).isEqualTo(1);
        }
    }

    private static void publish(ActiveMQConnectionFactory factory) throws Exception {
        try (Connection connection = factory.createConnection(); Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("ragline.documents")).send(session.createTextMessage(
                    "{\"id\": \"intruder\", \"client_id\": \"outside\", \"text\": \"Should never arrive.\"}"));
        }
    }
}
