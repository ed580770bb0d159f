package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.document.ChunkedDocument;
import io.ragline.document.EmbeddedDocument;
import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:ingest}, the one pipeline every source feeds: prepare (parse, normalise, chunk, embed),
 * then upsert and commit. A document is durable and searchable when the route returns.
 * {@code direct:chunk-document} stops before embedding, for callers that embed and write many documents
 * together.
 */
@Component
public class IngestPipelineRoutes extends RouteBuilder {

    public static final String INGEST = "direct:ingest";
    /** Body: a source document; reply: its {@code EmbeddedDocument}, or the {@link IngestResult} of unchanged content. */
    static final String PREPARE_DOCUMENT = "direct:prepare-document";
    /** Body: a source document; reply: its {@code ChunkedDocument}, or the {@link IngestResult} of unchanged content. */
    public static final String CHUNK_DOCUMENT = "direct:chunk-document";

    private final DocumentParser parser;
    private final TokenAwareChunker chunker;
    private final DocumentIndex index;
    private final RaglineMetrics metrics;

    public IngestPipelineRoutes(DocumentParser parser, TokenAwareChunker chunker, DocumentIndex index, RaglineMetrics metrics) {
        this.parser = parser;
        this.chunker = chunker;
        this.index = index;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        from(INGEST).routeId("ingest").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .to(PREPARE_DOCUMENT).id("prepare")
                .filter(body().isInstanceOf(EmbeddedDocument.class))
                    .bean(index, "index").id("upsert")
                    .log("Indexed ${body.clientId}/${body.documentId}: ${body.chunkCount} chunks")
                .end()
                .bean(index, "commit").id("commit")
                .bean(metrics, RaglineHeaders.COUNT_INGESTED).id("count-ingested");

        from(PREPARE_DOCUMENT).routeId("prepare-document").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .to(CHUNK_DOCUMENT).id("chunk-then-embed")
                .filter(body().isInstanceOf(ChunkedDocument.class))
                    .to(EmbeddingRoutes.EMBED_DOCUMENT).id("embed")
                .end();

        from(CHUNK_DOCUMENT).routeId("chunk-document").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(SourceDocuments.class, "fromExchange").id("source-document")
                .bean(parser, "parse").id("parse")
                .choice()
                    .when(method(index, "isUnchanged"))
                        .log("Unchanged, not re-embedded: ${body.clientId}/${body.documentId}")
                        .bean(IngestResult.class, "unchanged").id("skip-unchanged")
                    .otherwise()
                        .bean(chunker, "chunk").id("chunk")
                .end();
    }
}
