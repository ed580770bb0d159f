package io.ragline.ingest.queue;

import java.util.ArrayList;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.processor.aggregate.RedisAggregationRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.ragline.ingest.RaglineHeaders;
import io.ragline.resilience.ResiliencePolicies;

/**
 * JMS messages indexed in batches ({@code ragline.ingest.jms.batch-size} above 1): a valid message joins
 * a batch in Redis's recoverable aggregation repository and is acknowledged once it is there, durable. A
 * batch completes on size or after {@code batch-wait} and is indexed in one store commit. A batch that
 * fails is tried again by the repository (a crashed replica's batches by the replicas that remain); once
 * its attempts are used up its messages go back to the queue one by one, marked to skip batching, so
 * only the message at fault ends in the dead-letter queue.
 */
@Component
@ConditionalOnExpression("${ragline.ingest.jms.batch-size:1} > 1")
public class JmsBatchRoutes extends RouteBuilder {

    static final String BATCH_MESSAGE = "direct:jms-batch-message";
    static final String BATCH_FAILED = "direct:jms-batch-failed";
    /** A message put back on the queue on its own: it is applied alone, not batched again. */
    static final String UNBATCHED = "RaglineUnbatched";

    private final JmsSettings settings;
    private final DocumentMessages messages;
    private final RedisAggregationRepository repository;

    public JmsBatchRoutes(JmsSettings settings, DocumentMessages messages, RedisAggregationRepository repository) {
        this.settings = settings;
        this.messages = messages;
        this.repository = repository;
    }

    @Override
    public void configure() {
        from(BATCH_MESSAGE).routeId("jms-batch").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .aggregate(constant(true), new MessageTexts()).id("gather-batch")
                    .aggregationRepository(repository)
                    .completionSize(settings.batchSize())
                    .completionTimeout(settings.batchWait().toMillis())
                    .setProperty(RaglineHeaders.INGEST_SOURCE, constant("jms"))
                    .split(body(), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                        .bean(messages, "parse")
                    .end()
                    .to(DocumentCommandRoutes.APPLY_COMMANDS).id("apply-batch")
                    .log("Indexed a batch of ${exchangeProperty." + DocumentBatches.COMMANDS + ".size()} JMS messages")
                .end();

        from(BATCH_FAILED).routeId("jms-batch-failed").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .log(LoggingLevel.WARN, "A batch of ${body.size()} JMS messages failed every attempt: they go back to the queue one by one")
                .split(body())
                    .setHeader(UNBATCHED, constant(true))
                    .toF("jms:queue:%s", settings.queue()).id("requeue-unbatched")
                .end();
    }
}
