package io.ragline.embedding;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.stereotype.Component;

import io.ragline.resilience.ErrorPolicy;

/** Embeds a chunked document batch by batch: a batch is the unit of work, and of retry. */
@Component
public class EmbeddingRoutes extends RouteBuilder {

    private final ChunkBatches batches;

    public EmbeddingRoutes(ChunkBatches batches) {
        this.batches = batches;
    }

    @Override
    public void configure() {
        from("direct:embed-document").routeId("embed-document").routeConfigurationId(ErrorPolicy.INTERNAL)
                .setProperty(ChunkBatches.DOCUMENT_PROPERTY, body())
                .split(method(batches, "split"), new GroupedBodyAggregationStrategy()).stopOnException()
                    .to("direct:embed-batch").id("embed-batches")
                .end()
                .bean(batches, "assemble").id("assemble-embeddings");

        from("direct:embed-batch").routeId("embed-batch").routeConfigurationId(ErrorPolicy.INTERNAL)
                .bean(batches, "embed").id("embed-batch-call");
    }
}
