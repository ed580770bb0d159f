package io.ragline.ingest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import io.ragline.api.ApiDocs;
import io.ragline.api.ApiErrorPolicy;
import io.ragline.api.ApiPaths;
import io.ragline.api.ApiResponseWriter;
import io.ragline.api.AuthenticatedClient;
import io.ragline.document.ClientIds;
import io.ragline.document.LogContext;
import io.ragline.document.SourceDocument;
import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestPipelineRoutes;
import io.ragline.ingest.IngestSettings;
import io.ragline.ingest.PreparedDocuments;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.EmbeddingOutage;
import io.ragline.security.ClientRateLimits;

/** POST /api/documents, GET /api/documents, DELETE /api/documents/{id} and DELETE /api/documents?document_id=.... */
@Component
public class HttpIngestRoutes extends RouteBuilder {

    static final String DOCUMENTS_API = "direct:documents-api";
    static final String DELETE_DOCUMENT_API = "direct:delete-document-api";
    static final String DELETE_NAMED_DOCUMENT_API = "direct:delete-named-document-api";
    static final String LIST_DOCUMENTS_API = "direct:list-documents-api";

    private final DocumentsRequestParser parser;
    private final DocumentDeletion deletion;
    private final DocumentListing listing;
    private final DocumentIndex index;
    private final ApiResponseWriter responses;
    private final int concurrency;
    private final RaglineMetrics metrics;
    private final ClientRateLimits rateLimits;

    public HttpIngestRoutes(DocumentsRequestParser parser, DocumentDeletion deletion, DocumentListing listing, DocumentIndex index,
                            ApiResponseWriter responses, IngestSettings settings, RaglineMetrics metrics,
                            ClientRateLimits rateLimits) {
        this.parser = parser;
        this.deletion = deletion;
        this.listing = listing;
        this.index = index;
        this.responses = responses;
        this.concurrency = settings.concurrency();
        this.metrics = metrics;
        this.rateLimits = rateLimits;
    }

    @Override
    public void configure() {
        ApiDocs.errors(rest()
                .post(ApiPaths.DOCUMENTS).id("rest-documents").consumes("application/json").produces("application/json")
                    .description("Indexes documents; answers once every chunk is searchable. A request that fails leaves nothing behind")
                    .type(DocumentsBody.class).outType(IngestSummary.class)
                    .responseMessage().code(200).message("Indexed").responseModel(IngestSummary.class).endResponseMessage(),
                400, 401, 403, 413, 429, 503)
                    .to(DOCUMENTS_API);
        ApiDocs.errors(ApiDocs.clientParameter(rest()
                .get(ApiPaths.DOCUMENTS).id("rest-list-documents").produces("application/json")
                    .description("A page of the client's documents in id order; next_cursor is null on the last page"))
                    .param().name(DocumentListing.LIMIT).type(RestParamType.query).required(false).dataType("integer")
                        .description("Documents per page, 1 to ragline.ingest.max-list-limit; ragline.ingest.list-limit when left out").endParam()
                    .param().name(DocumentListing.CURSOR).type(RestParamType.query).required(false).dataType("string")
                        .description("The next_cursor of the previous page").endParam()
                    .responseMessage().code(200).message("A page of documents").endResponseMessage(), 400, 401, 403, 429)
                    .to(LIST_DOCUMENTS_API);
        ApiDocs.errors(ApiDocs.clientParameter(rest()
                .delete(ApiPaths.DOCUMENTS + "/{" + DocumentDeletion.ID + "}").id("rest-delete-document").produces("application/json")
                    .description("Removes every chunk of the document")
                    .param().name(DocumentDeletion.ID).type(RestParamType.path).required(true).dataType("string")
                        .description("The document id, percent-encoded").endParam())
                    .responseMessage().code(200).message("Deleted: deleted_chunks").endResponseMessage(), 400, 401, 403, 404, 429)
                    .to(DELETE_DOCUMENT_API);
        ApiDocs.errors(ApiDocs.clientParameter(rest()
                .delete(ApiPaths.DOCUMENTS).id("rest-delete-named-document").produces("application/json")
                    .description("Removes every chunk of a document whose id a path cannot carry (one holding /, ; or \\)")
                    .param().name(DocumentDeletion.DOCUMENT_ID).type(RestParamType.query).required(true).dataType("string")
                        .description("The document id").endParam())
                    .responseMessage().code(200).message("Deleted: deleted_chunks").endResponseMessage(), 400, 401, 403, 404, 429)
                    .to(DELETE_NAMED_DOCUMENT_API);

        ExecutorService ingestPool = getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "http-ingest", concurrency);
        from(DOCUMENTS_API).routeId("documents-api").routeConfigurationId(ApiErrorPolicy.API)
                .convertBodyTo(String.class)
                .bean(parser, "parse(${body}, ${header." + AuthenticatedClient.HEADER + "})").id("validate-documents")
                .process(this::admit).id("admit-documents")
                // a client is waiting: during an embedding outage answer 503 now rather than in half an hour
                .setProperty(EmbeddingOutage.FAIL_FAST, constant(true))
                // every document is prepared (parsed, chunked, embedded) before any is written: a request
                // that fails leaves nothing behind
                .split(body(), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class))
                    .stopOnException()
                    .parallelProcessing().executorService(ingestPool)
                    .to(IngestPipelineRoutes.CHUNK_DOCUMENT).id("chunk-each-document")
                .end()
                // the request's chunks share embedding batches: full ones, as the model runs best
                .setProperty(PreparedDocuments.PREPARED, body())
                .bean(PreparedDocuments.class, "toEmbed")
                .to(EmbeddingRoutes.EMBED_DOCUMENTS).id("embed-request-documents")
                .bean(PreparedDocuments.class, "withEmbeddings")
                // written and committed as one, before the answer says the documents are searchable
                .bean(index, "writeAll").id("write-documents")
                .setProperty(RaglineHeaders.INGEST_SOURCE, constant("http"))
                .bean(metrics, RaglineHeaders.COUNT_INGESTED).id("count-documents")
                .bean(IngestSummary.class, "of")
                .process(responses);

        from(DELETE_DOCUMENT_API).routeId("delete-document-api").routeConfigurationId(ApiErrorPolicy.API)
                .bean(deletion, "deleteByPath").id("delete-document")
                .process(responses);

        from(LIST_DOCUMENTS_API).routeId("list-documents-api").routeConfigurationId(ApiErrorPolicy.API)
                .bean(listing, "list").id("list-documents")
                .process(responses);

        from(DELETE_NAMED_DOCUMENT_API).routeId("delete-named-document-api").routeConfigurationId(ApiErrorPolicy.API)
                .bean(deletion, "deleteNamed").id("delete-named-document")
                .process(responses);
    }

    /** The request's client into the log context, and through its rate limit before anything is embedded. */
    private void admit(Exchange exchange) {
        List<?> documents = exchange.getMessage().getBody(List.class);
        String client = documents.isEmpty() ? ClientIds.DEFAULT : ((SourceDocument) documents.get(0)).clientId();
        LogContext.client(client);
        rateLimits.checkIngest(client, exchange.getMessage().getHeader(AuthenticatedClient.HEADER, String.class));
    }
}
