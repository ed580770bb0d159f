package io.ragline.ingest.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ragline_kafka_consumer_lag}: records of the topic not yet committed by the consumer group, the
 * backlog. Measured from the broker (end offsets against the group's committed offsets), so it counts the
 * whole group, every replica, and a stalled consumer shows as a lag that stops falling. Refreshed in the
 * background: a scrape never waits for the broker. While there is a backlog the log says so every 30 s.
 */
public class KafkaLag implements AutoCloseable {

    static final String METRIC = "ragline.kafka.consumer.lag";
    static final String DESCRIPTION = "Records of the topic the consumer group has not committed yet";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLag.class);
    private static final Duration REFRESH = Duration.ofSeconds(10);
    private static final Duration REPORT = Duration.ofSeconds(30);

    private final KafkaSettings settings;
    private final AtomicLong lag = new AtomicLong();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-lag");
        thread.setDaemon(true);
        return thread;
    });
    private final Admin admin;
    private long lastReport = System.nanoTime() - REPORT.toNanos();

    public KafkaLag(KafkaSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.brokers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        Gauge.builder(METRIC, lag, AtomicLong::get).tag("topic", settings.topic()).description(DESCRIPTION).register(registry);
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    void refresh() {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(settings.topic())).allTopicNames().get()
                    .get(settings.topic()).partitions().stream()
                    .map(partition -> new TopicPartition(settings.topic(), partition.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.groupId())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = offsets(partitions, OffsetSpec.earliest());
            long total = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : earliest.get(partition).offset();
                total += Math.max(0, latest.get(partition).offset() - from);
            }
            long before = lag.getAndSet(total);
            if (total > 0 && System.nanoTime() - lastReport >= REPORT.toNanos()) {
                lastReport = System.nanoTime();
                LOG.info("Kafka backlog on {}: {} records not yet indexed ({} {} s ago)", settings.topic(), total,
                        before, REFRESH.toSeconds());
            }
        } catch (Exception e) {
            LOG.debug("Kafka lag not measured: {}", e.getMessage());
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        return admin.listOffsets(request).all().get();
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
