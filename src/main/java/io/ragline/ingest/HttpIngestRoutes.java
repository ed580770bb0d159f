package io.ragline.ingest;

import java.util.ArrayList;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiResponseWriter;
import io.ragline.resilience.ErrorPolicy;

/** POST /api/documents and DELETE /api/documents/{id}. */
@Component
public class HttpIngestRoutes extends RouteBuilder {

    private final DocumentsRequestParser parser;
    private final DocumentDeletion deletion;
    private final ApiResponseWriter responses;

    public HttpIngestRoutes(DocumentsRequestParser parser, DocumentDeletion deletion, ApiResponseWriter responses) {
        this.parser = parser;
        this.deletion = deletion;
        this.responses = responses;
    }

    @Override
    public void configure() {
        from("direct:documents-api").routeId("documents-api").routeConfigurationId(ErrorPolicy.API)
                .convertBodyTo(String.class)
                .bean(parser, "parse").id("validate-documents")
                .split(body(), AggregationStrategies.flexible(IngestResult.class).accumulateInCollection(ArrayList.class))
                    .stopOnException()
                    .to("direct:ingest").id("ingest-document")
                .end()
                .bean(IngestSummary.class, "of")
                .process(responses);

        from("direct:delete-document-api").routeId("delete-document-api").routeConfigurationId(ErrorPolicy.API)
                .bean(deletion, "delete").id("delete-document")
                .process(responses);
    }
}
