package io.ragline.ingest;

import java.util.ArrayList;
import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponseWriter;
import io.ragline.config.RaglineHeaders;
import io.ragline.config.RaglineProperties;
import io.ragline.resilience.ErrorPolicy;

/** POST /api/documents and DELETE /api/documents/{id}. */
@Component
public class HttpIngestRoutes extends RouteBuilder {

    private final DocumentsRequestParser parser;
    private final DocumentDeletion deletion;
    private final DocumentIndex index;
    private final ApiResponseWriter responses;
    private final int concurrency;

    public HttpIngestRoutes(DocumentsRequestParser parser, DocumentDeletion deletion, DocumentIndex index,
                            ApiResponseWriter responses, RaglineProperties properties) {
        this.index = index;
        this.concurrency = properties.getIngest().getConcurrency();
        this.parser = parser;
        this.deletion = deletion;
        this.responses = responses;
    }

    @Override
    public void configure() {
        ExecutorService ingestPool = getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "http-ingest", concurrency);
        from("direct:documents-api").routeId("documents-api").routeConfigurationId(ErrorPolicy.API)
                .convertBodyTo(String.class)
                .bean(parser, "parse").id("validate-documents")
                .setProperty(RaglineHeaders.DEFER_COMMIT, constant(true))
                // a client is waiting: during an embedding outage answer 503 now rather than in half an hour
                .setProperty(RaglineHeaders.FAIL_FAST_ON_OUTAGE, constant(true))
                .split(body(), AggregationStrategies.flexible(IngestResult.class).accumulateInCollection(ArrayList.class))
                    .stopOnException()
                    // documents of one request overlap: while one embeds, the next is parsed and chunked
                    .parallelProcessing().executorService(ingestPool)
                    .to("direct:ingest").id("ingest-document")
                .end()
                // one commit for the whole request, before the answer says the documents are searchable
                .bean(index, "commit").id("commit-documents")
                .bean(IngestSummary.class, "of")
                .process(responses);

        from("direct:delete-document-api").routeId("delete-document-api").routeConfigurationId(ErrorPolicy.API)
                .bean(deletion, "delete").id("delete-document")
                .process(responses);
    }
}
