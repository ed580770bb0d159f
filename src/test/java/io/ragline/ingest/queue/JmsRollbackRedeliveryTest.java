package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineIntegrationTest;

/**
 * A failure that is not the message's fault rolls the transaction back: the broker redelivers the
 * message, and once the failure passes it is indexed exactly once.
 */
@DirtiesContext
@Tag("slow")
class JmsRollbackRedeliveryTest extends RaglineIntegrationTest {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    VectorStore store;

    @Test
    void aFailedDeliveryIsRolledBackAndRedeliveredByTheBroker() throws Exception {
        String client = newClient("jms-rollback");
        AtomicInteger deliveries = new AtomicInteger();
        List<Integer> deliveryCounts = new ArrayList<>();
        AdviceWith.adviceWith(camel, "jms-ingest", route -> route.weaveById("apply-message").before().process(exchange -> {
            deliveryCounts.add(exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class));
            if (deliveries.incrementAndGet() <= 2) {
                throw new IllegalStateException("store briefly unavailable");
            }
        }));

        producer.sendBody("jms:queue:ragline.documents",
                "{\"id\": \"heron\", \"client_id\": \"" + client + "\", \"text\": \"Herons stand still for minutes before striking at fish.\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> store.count(client) == 1);
        assertThat(deliveries.get()).isEqualTo(3);
        assertThat(deliveryCounts).containsExactly(1, 2, 3);
        assertThat(store.count(client)).as("indexed once").isEqualTo(1);
    }
}
