package io.ragline.ingest.folder;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestResult;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:ingest-large-text}: a text file too large to read whole, streamed through the splitter one
 * section at a time (chunk, embed, append), so memory stays bounded whatever the file's size. The new
 * version replaces the old one only once every section is in; a failure removes the sections written.
 */
@Component
public class LargeTextRoutes extends RouteBuilder {

    static final String INGEST_LARGE_TEXT = "direct:ingest-large-text";

    private final LargeTextFiles largeFiles;
    private final DocumentIndex index;
    private final RaglineMetrics metrics;

    public LargeTextRoutes(LargeTextFiles largeFiles, DocumentIndex index, RaglineMetrics metrics) {
        this.largeFiles = largeFiles;
        this.index = index;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        from(INGEST_LARGE_TEXT).routeId("ingest-large-text").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .onCompletion().onFailureOnly()
                    .bean(index, "abandonParts(${exchangeProperty." + LargeTextFiles.DOCUMENT + "})").id("abandon-sections")
                .end()
                .onCompletion()
                    .bean(largeFiles, "finish").id("large-file-finished")
                .end()
                .bean(largeFiles, "describe").id("describe-large-text")
                .choice()
                    .when(method(index, "isUnchanged"))
                        .log("Unchanged, not re-embedded: ${body.clientId}/${body.documentId}")
                        .bean(IngestResult.class, "unchanged").id("skip-unchanged-large-text")
                    .otherwise()
                        .bean(index, "beginParts").id("begin-sections")
                        .split(method(largeFiles, "sections")).streaming().stopOnException()
                            .bean(largeFiles, "chunkSection").id("chunk-section")
                            .filter(simple("${body.chunks.size} > 0"))
                                .to(EmbeddingRoutes.EMBED_DOCUMENT).id("embed-section")
                                .bean(index, "appendPart").id("append-section")
                            .end()
                        .end()
                        .bean(index, "finishParts(${exchangeProperty." + LargeTextFiles.DOCUMENT + "}, ${exchangeProperty."
                                + LargeTextFiles.CHUNK_OFFSET + ".get})").id("finish-sections")
                        .log("Indexed ${body.clientId}/${body.documentId} in sections: ${body.chunkCount} chunks")
                .end()
                .bean(index, "commit").id("commit-large-text")
                .bean(metrics, RaglineHeaders.COUNT_INGESTED).id("count-large-text");
    }
}
