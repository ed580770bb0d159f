package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RequiresStack;

/**
 * PostgreSQL is killed for 30 seconds in the middle of a Kafka stream, then started again: every record
 * is indexed, once, and meanwhile queries keep getting 200 answers that say they are degraded.
 */
@Tag("stack")
@RequiresStack
class DatabaseKilledDuringKafkaStreamTest {

    private static final int PER_BATCH = 20;

    private final Stack stack = Stack.fromEnvironment();
    private final String prefix = "kafka-" + Long.toString(System.currentTimeMillis(), 36) + "-";

    @Test
    void everyRecordIsIndexedOnceAndAnswersStayUp() {
        stack.awaitHealthy(Duration.ofMinutes(3));
        long indexedBefore = Metrics.kafkaDocuments(stack);
        produce(0);

        Stack.Run killed = stack.compose("kill", "postgres");
        assertThat(killed.exit()).as(killed.output()).isZero();
        long outageStart = System.nanoTime();
        produce(1);
        List<Stack.Reply> answers = new ArrayList<>();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(40)).until(() -> {
            answers.add(stack.query("Which record of the stream is this?"));
            return System.nanoTime() - outageStart >= Duration.ofSeconds(30).toNanos();
        });
        assertThat(answers).as("answers while PostgreSQL is down").allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("degraded").asBoolean()).isTrue();
        });

        Stack.Run started = stack.compose("start", "postgres");
        assertThat(started.exit()).as(started.output()).isZero();
        produce(2);

        int records = 3 * PER_BATCH;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(stack.sql("SELECT count(DISTINCT document_id) FROM chunks WHERE document_id LIKE '" + prefix + "%'"))
                        .isEqualTo(Integer.toString(records)));
        assertThat(stack.sql("SELECT count(*) FROM chunks WHERE document_id LIKE '" + prefix + "%'"))
                .as("one chunk a record").isEqualTo(Integer.toString(records));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Metrics.kafkaDocuments(stack) - indexedBefore).as("records indexed").isEqualTo(records));
        stack.awaitHealthy(Duration.ofMinutes(2));
    }

    /** One batch of records, keyed client:id, through the broker's console producer. */
    private void produce(int batch) {
        String records = IntStream.range(batch * PER_BATCH, (batch + 1) * PER_BATCH).mapToObj(n -> {
            String id = prefix + n;
            return "operations:" + id + "|{\"id\": \"" + id + "\", \"client_id\": \"operations\", \"text\": \"Stream record "
                    + n + " tells of lighthouse keeper number " + n + ".\"}";
        }).collect(Collectors.joining("\n", "", "\n"));
        Stack.Run sent = stack.composeWithInput(records, "exec", "-T", "kafka", "/opt/kafka/bin/kafka-console-producer.sh",
                "--bootstrap-server", "localhost:9092", "--topic", "ragline.documents",
                "--property", "parse.key=true", "--property", "key.separator=|");
        assertThat(sent.exit()).as(sent.output()).isZero();
    }
}
