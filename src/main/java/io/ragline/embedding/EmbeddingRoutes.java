package io.ragline.embedding;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.stereotype.Component;

import io.ragline.config.RaglineProperties;
import io.ragline.resilience.Breakers;
import io.ragline.resilience.EmbeddingOutage;
import io.ragline.resilience.ErrorPolicy;
import io.ragline.resilience.ResilienceConfiguration;

/**
 * Embeds a chunked document batch by batch. A batch is the unit of work and of retry: a transient
 * failure redelivers that batch only, each attempt going through the embedding breaker.
 */
@Component
public class EmbeddingRoutes extends RouteBuilder {

    private final ChunkBatches batches;
    private final EmbeddingOutage outage;
    private final RaglineProperties.Breaker breaker;

    public EmbeddingRoutes(ChunkBatches batches, EmbeddingOutage outage, RaglineProperties properties) {
        this.batches = batches;
        this.outage = outage;
        this.breaker = properties.getResilience().getEmbedding();
    }

    @Override
    public void configure() {
        from("direct:embed-document").routeId("embed-document").routeConfigurationId(ErrorPolicy.INTERNAL)
                .setProperty(ChunkBatches.DOCUMENT_PROPERTY, body())
                .split(method(batches, "split"), new GroupedBodyAggregationStrategy()).stopOnException()
                    .to("direct:embed-batch").id("embed-batches")
                .end()
                .bean(batches, "assemble").id("assemble-embeddings");

        // redelivery re-sends the whole attempt, so each one waits out an open breaker first
        from("direct:embed-batch").routeId("embed-batch").routeConfigurationId(ErrorPolicy.INGEST_CALLS)
                .to("direct:embed-batch-attempt").id("send-embed-batch-attempt");

        Breakers.guard(
                from("direct:embed-batch-attempt").routeId("embed-batch-attempt").routeConfigurationId(ErrorPolicy.INTERNAL)
                        .bean(outage, "awaitEmbedding").id("await-embedding"),
                ResilienceConfiguration.EMBEDDING_BREAKER, breaker.getIngestTimeout()).id("embedding-breaker-ingest")
                .bean(batches, "embed").id("embed-batch-call")
                .end();
    }
}
