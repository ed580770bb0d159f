package io.ragline.ingest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.chunking.TokenAwareChunker;
import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:ingest}, the one pipeline every source feeds: parse, normalise, chunk, embed, upsert,
 * commit. A document is durable and searchable when the route returns, unless the caller set
 * {@link RaglineHeaders#DEFER_COMMIT} to commit a whole batch at once.
 */
@Component
public class IngestPipelineRoutes extends RouteBuilder {

    public static final String INGEST = "direct:ingest";

    private final DocumentParser parser;
    private final TokenAwareChunker chunker;
    private final DocumentIndex index;

    public IngestPipelineRoutes(DocumentParser parser, TokenAwareChunker chunker, DocumentIndex index) {
        this.parser = parser;
        this.chunker = chunker;
        this.index = index;
    }

    @Override
    public void configure() {
        from(INGEST).routeId("ingest").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(SourceDocuments.class, "fromExchange").id("source-document")
                .bean(parser, "parse").id("parse")
                .choice()
                    .when(method(index, "isUnchanged"))
                        .log("Unchanged, not re-embedded: ${body.clientId}/${body.documentId}")
                        .bean(IngestResult.class, "unchanged").id("skip-unchanged")
                    .otherwise()
                        .bean(chunker, "chunk").id("chunk")
                        .to(EmbeddingRoutes.EMBED_DOCUMENT).id("embed")
                        .bean(index, "index").id("upsert")
                        .log("Indexed ${body.clientId}/${body.documentId}: ${body.chunkCount} chunks")
                .end()
                .filter(exchangeProperty(RaglineHeaders.DEFER_COMMIT).isNotEqualTo(true))
                    .bean(index, "commit").id("commit")
                .end();
    }
}
