package io.ragline.ingest.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.store.VectorStore;
import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/** Two replicas in one consumer group split the topic's partitions between them: every record is indexed, by one of them. */
@Tag("slow")
class KafkaReplicasShareGroupTest {

    private static final String CLIENT = "replicated";
    private static final String GROUP = "KafkaReplicasShareGroupTest";
    private static final int RECORDS = 300;
    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void twoReplicasShareTheTopicThroughTheConsumerGroup() throws Exception {
        try (ConfigurableApplicationContext first = RaglineApps.start(work.resolve("first"), kafkaArgs());
             ConfigurableApplicationContext second = RaglineApps.start(work.resolve("second"), kafkaArgs());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.brokers()))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                return group.members().size() == 2
                        && group.members().stream().allMatch(member -> !member.assignment().topicPartitions().isEmpty());
            });

            kafka.sendDocuments("ragline.documents", CLIENT, RECORDS);

            VectorStore one = first.getBean(VectorStore.class);
            VectorStore other = second.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> missing(one, other).isEmpty());
            assertThat(one.count(CLIENT)).as("records indexed by the first replica").isPositive();
            assertThat(other.count(CLIENT)).as("records indexed by the second replica").isPositive();
        }
    }

    private static List<Integer> missing(VectorStore one, VectorStore other) {
        return IntStream.range(0, RECORDS)
                .filter(i -> one.contentHash(CLIENT, "r" + i).isEmpty() && other.contentHash(CLIENT, "r" + i).isEmpty())
                .boxed().toList();
    }

    private static String[] kafkaArgs() {
        return new String[] {
                "--ragline.ingest.folder.enabled=false",
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.group-id=" + GROUP,
                "--ragline.ingest.kafka.brokers=" + kafka.brokers()};
    }
}
