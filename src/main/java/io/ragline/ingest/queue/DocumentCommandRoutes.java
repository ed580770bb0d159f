package io.ragline.ingest.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.ragline.document.LogContext;
import io.ragline.embedding.EmbeddingRoutes;
import io.ragline.ingest.DocumentIndex;
import io.ragline.ingest.IngestPipelineRoutes;
import io.ragline.ingest.IngestSettings;
import io.ragline.ingest.PreparedDocuments;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.metrics.RaglineMetrics;
import io.ragline.resilience.ResiliencePolicies;

/**
 * {@code direct:apply-command} and {@code direct:apply-commands}: what every queue source does with parsed
 * messages, index or delete. A document whose content the store already holds was indexed by some
 * replica: a redelivered or duplicated message is acknowledged without being embedded again. The store
 * is asked itself, so an index wiped or restored from an older copy is rebuilt by replaying the queue.
 * Every skip is logged and counted.
 */
@Component
public class DocumentCommandRoutes extends RouteBuilder {

    static final String APPLY_COMMAND = "direct:apply-command";
    /**
     * A batch of parsed messages ({@code List<DocumentCommand>}, anything else ignored): the last command
     * for each document counts; deletes are done, duplicates skipped, and the rest chunked, embedded in
     * shared model batches and written in one store commit before the route returns.
     */
    static final String APPLY_COMMANDS = "direct:apply-commands";
    static final String PREPARE_COMMAND = "direct:prepare-command";

    private final DocumentIndex index;
    private final SkippedDuplicates skipped;
    private final DocumentBatches batches;
    private final RaglineMetrics metrics;
    private final int concurrency;

    public DocumentCommandRoutes(DocumentIndex index, SkippedDuplicates skipped,
                                 DocumentBatches batches, RaglineMetrics metrics, IngestSettings settings) {
        this.index = index;
        this.skipped = skipped;
        this.batches = batches;
        this.metrics = metrics;
        this.concurrency = settings.concurrency();
    }

    @Override
    public void configure() {
        // one message is a batch of one: a single way to skip, prepare, write and remember
        from(APPLY_COMMAND).routeId("apply-command").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .transform().body(DocumentCommand.class, command -> List.of(command))
                .to(APPLY_COMMANDS).id("apply-one-command");

        ExecutorService preparing = getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "queue-ingest", concurrency);
        from(APPLY_COMMANDS).routeId("apply-commands").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .bean(DocumentBatches.class, "latestPerDocument")
                .setProperty(DocumentBatches.COMMANDS, body())
                // while a batch is prepared the model waits (256 one-paragraph records: 86 ms on one thread,
                // 60 on the pool); the replies keep the commands' order
                .split(body(), AggregationStrategies.flexible().accumulateInCollection(ArrayList.class)).stopOnException()
                    .parallelProcessing().executorService(preparing)
                    .to(PREPARE_COMMAND).id("prepare-commands")
                .end()
                .bean(PreparedDocuments.class, "toEmbed")
                .to(EmbeddingRoutes.EMBED_DOCUMENTS).id("embed-batch-documents")
                .bean(index, "writeAll").id("write-batch")
                .bean(batches, "markProcessed").id("mark-processed")
                .bean(metrics, RaglineHeaders.COUNT_INGESTED).id("count-batch");

        // a delete is done at once; a document to index is chunked, and embedded and written with the batch
        from(PREPARE_COMMAND).routeId("prepare-command").routeConfigurationId(ResiliencePolicies.INTERNAL)
                .process(exchange -> LogContext.client(exchange.getMessage().getBody(DocumentCommand.class).clientId()))
                .choice()
                    .when(exchange -> exchange.getMessage().getBody(DocumentCommand.class).isDelete())
                        .bean(index, "delete(${body.clientId}, ${body.documentId})").id("delete-batched-document")
                    // the store itself, not a record of having written there: an index wiped or restored
                    // from an older copy is written again by a replay, whatever the records say
                    .when(exchange -> index.holds(exchange.getMessage().getBody(DocumentCommand.class).document()))
                        .bean(skipped, "record").id("count-skipped-batched")
                    .otherwise()
                        .transform().body(DocumentCommand.class, DocumentCommand::document)
                        .to(IngestPipelineRoutes.CHUNK_DOCUMENT).id("chunk-batched-document")
                .end();
    }
}
