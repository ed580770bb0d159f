package io.ragline.embedding;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.stereotype.Component;

import io.ragline.document.ChunkedDocument;
import io.ragline.resilience.Breakers;
import io.ragline.resilience.EmbeddingOutage;
import io.ragline.resilience.ResilienceConfiguration;
import io.ragline.resilience.ResiliencePolicies;
import io.ragline.resilience.ResilienceSettings;

/**
 * Embeds chunked documents batch by batch. A batch is the unit of work and of retry: a transient
 * failure redelivers that batch only, each attempt going through the embedding breaker.
 */
@Component
public class EmbeddingRoutes extends RouteBuilder {

    /** Body: a {@code ChunkedDocument}; reply: its {@code EmbeddedDocument}. */
    public static final String EMBED_DOCUMENT = "direct:embed-document";
    /** Body: a list of {@code ChunkedDocument}s, embedded in shared batches; reply: their {@code EmbeddedDocument}s in order. */
    public static final String EMBED_DOCUMENTS = "direct:embed-documents";
    static final String EMBED_BATCH = "direct:embed-batch";
    static final String EMBED_BATCH_ATTEMPT = "direct:embed-batch-attempt";

    private final ChunkBatches batches;
    private final EmbeddingOutage outage;
    private final ResilienceSettings.Breaker breaker;

    public EmbeddingRoutes(ChunkBatches batches, EmbeddingOutage outage, ResilienceSettings resilience) {
        this.batches = batches;
        this.outage = outage;
        this.breaker = resilience.embedding();
    }

    @Override
    public void configure() {
        from(EMBED_DOCUMENT).routeId("embed-document").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .transform().body(ChunkedDocument.class, document -> List.of(document))
                .to(EMBED_DOCUMENTS).id("embed-one-document")
                .transform().body(List.class, documents -> documents.get(0));

        from(EMBED_DOCUMENTS).routeId("embed-documents").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .setProperty(ChunkBatches.DOCUMENTS_PROPERTY, body())
                .split(method(batches, "split"), new GroupedBodyAggregationStrategy()).stopOnException()
                    .to(EMBED_BATCH).id("embed-batches")
                .end()
                .bean(batches, "assemble").id("assemble-embeddings");

        // redelivery re-sends the whole attempt, so each one waits out an open breaker first
        from(EMBED_BATCH).routeId("embed-batch").routeConfigurationId(ResiliencePolicies.INGEST_CALLS)
                .to(EMBED_BATCH_ATTEMPT).id("send-embed-batch-attempt");

        Breakers.guard(
                from(EMBED_BATCH_ATTEMPT).routeId("embed-batch-attempt").routeConfigurationId(ResiliencePolicies.INTERNAL)
                        .bean(outage, "awaitEmbedding").id("await-embedding"),
                ResilienceConfiguration.EMBEDDING_BREAKER, breaker.ingestTimeout()).id("embedding-breaker-ingest")
                .bean(batches, "embed").id("embed-batch-call")
                .end();
    }
}
