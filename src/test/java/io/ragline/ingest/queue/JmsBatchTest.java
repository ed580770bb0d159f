package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;

import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.component.redis.processor.aggregate.RedisAggregationRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineApps;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * JMS messages indexed in batches waiting in Redis: every valid message is indexed, a poison message is
 * dead-lettered on its own at once, and no batch is left behind in the repository.
 */
@Tag("slow")
@RequiresServices
class JmsBatchTest {

    private static final String CLIENT = "jms-batched";
    private static final int MESSAGES = 45;

    @TempDir
    Path work;

    @Test
    void messagesAreIndexedInBatchesAndPoisonAlone() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.queue=ragline.batched",
                "--ragline.ingest.jms.batch-size=20",
                "--ragline.ingest.jms.batch-wait=300ms",
                "--spring.data.redis.host=" + TestServices.redisHost(),
                "--spring.data.redis.port=" + TestServices.redisPort())) {
            JmsTemplate jms = app.getBean(JmsTemplate.class);
            for (int i = 0; i < MESSAGES; i++) {
                jms.convertAndSend("ragline.batched", i == 7 ? "{not json"
                        : "{\"id\": \"m" + i + "\", \"client_id\": \"" + CLIENT + "\", \"text\": \"Batched message number " + i + ".\"}");
            }

            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> store.count(CLIENT) == MESSAGES - 1);
            assertThat(IntStream.range(0, MESSAGES).filter(i -> i != 7 && store.contentHash(CLIENT, "m" + i).isEmpty()))
                    .as("messages missing").isEmpty();

            CamelContext camel = app.getBean(CamelContext.class);
            ConsumerTemplate dlq = camel.createConsumerTemplate();
            Exchange dead = dlq.receive("jms:queue:ragline.documents.dlq", 10_000);
            assertThat(dead).isNotNull();
            assertThat(dead.getMessage().getBody(String.class)).isEqualTo("{not json");

            RedisAggregationRepository repository = app.getBean(RedisAggregationRepository.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> repository.getKeys().isEmpty() && repository.scan(camel).isEmpty());
        }
    }
}
