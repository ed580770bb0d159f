package io.ragline.ingest.folder;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.ExpressionAdapter;
import org.springframework.stereotype.Component;

import io.ragline.document.ClientAllowList;
import io.ragline.document.LogContext;
import io.ragline.idempotency.IdempotencyConfiguration;
import io.ragline.ingest.IngestPipelineRoutes;
import io.ragline.ingest.IngestSettings;
import io.ragline.ingest.RaglineHeaders;
import io.ragline.resilience.EmbeddingOutage;

/**
 * The watched inbox, in {@code consume} or {@code mirror} mode. Either way a file is claimed through the
 * shared idempotent repository under its (client, id, content hash) key before it is read, so replicas
 * sharing the folder never both take it, and the {@code changed} part of the read lock waits until the
 * file has stopped growing and is old enough, so a half-written file is never read.
 * <ul>
 * <li>consume: the claim is released once the file moved to {@code .done/} or {@code .failed/}; a file
 * replaced while it was ingested is put back ({@link ReplacedFiles}).</li>
 * <li>mirror: files stay; the claim is kept as the record that this content is indexed, so only new or
 * changed files are taken. {@link FolderMirrorRoutes} removes what was deleted.</li>
 * </ul>
 * Hidden folders ({@code .done}, {@code .failed}) and folders that are links are skipped; a file that is a
 * link is refused with a note, never followed.
 */
@Component
public class FileIngestRoutes extends RouteBuilder {

    private final ClientAllowList clients;

    private final IngestSettings ingest;
    private final FolderSettings folder;
    private final FileSources fileSources;
    private final FolderKeys folderKeys;
    private final EmbeddingOutage outage;
    private final ReplacedFiles replacedFiles;

    public FileIngestRoutes(IngestSettings ingest, FolderSettings folder, FileSources fileSources, FolderKeys folderKeys,
                            EmbeddingOutage outage, ReplacedFiles replacedFiles) {
        this.ingest = ingest;
        this.replacedFiles = replacedFiles;
        this.folder = folder;
        this.outage = outage;
        this.fileSources = fileSources;
        this.folderKeys = folderKeys;
        this.clients = ClientAllowList.of(folder.allowedClients(), "the inbox");
    }

    @Override
    public void configure() {
        boolean mirror = folder.mirror();
        FileEndpoint inbox = getCamelContext().getEndpoint(inboxUri(mirror), FileEndpoint.class);
        inbox.setFilter(new LinkedFoldersSkipped());
        inbox.setIdempotentKey(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return folderKeys.key(exchange);
            }
        });
        RouteDefinition route = from(inbox)
                .routeId("file-ingest").routeConfigurationId(mirror ? FolderErrorPolicy.MIRROR_INGEST : FolderErrorPolicy.FILE_INGEST)
                .routePolicy(outage)
                .autoStartup(folder.enabled());
        if (!mirror) {
            route.bean(fileSources, "prepareDestinations").id("prepare-destinations")
                    .bean(replacedFiles, "watch").id("watch-for-replacement");
        }
        route.setProperty(RaglineHeaders.INGEST_SOURCE, constant("folder"))
                .bean(fileSources, "describe").id("describe-file")
                .process(exchange -> LogContext.client(clients.check(exchange.getMessage().getHeader(RaglineHeaders.CLIENT_ID, String.class))))
                .id("allowed-folder-client")
                .choice()
                    .when(header(RaglineHeaders.STREAMED))
                        .to(LargeTextRoutes.INGEST_LARGE_TEXT).id("ingest-large-file")
                    .otherwise()
                        .to(IngestPipelineRoutes.INGEST).id("ingest-file")
                .end();
    }

    private String inboxUri(boolean mirror) {
        String path = ingest.inbox().toAbsolutePath().toString();
        long checkInterval = folder.readLockCheckInterval().toMillis();
        long minAge = folder.readLockMinAge().toMillis();
        String common = String.format("file:%s?recursive=true&delay=%d&readLock=idempotent-changed"
                        + "&idempotentRepository=#%s&readLockCheckInterval=%d&readLockMinAge=%d&readLockTimeout=%d"
                        + "&readLockMinLength=0&antExclude=**/*.tmp,**/*.part,**/*.crdownload,**/*.swp",
                path, folder.pollDelay().toMillis(), IdempotencyConfiguration.REPOSITORY, checkInterval, minAge,
                // the lock attempt must outlast the minimum age plus a few checks
                minAge + 5 * checkInterval);
        if (mirror) {
            // The claim is kept as the record that this content is indexed: the read lock skips the file
            // until it changes. The consumer's own idempotency stays off, or it would claim the key first.
            // A failed file keeps its claim too (MIRROR_INGEST handles the failure): not retried until it changes.
            return common + "&noop=true&idempotent=false&readLockRemoveOnCommit=false&readLockRemoveOnRollback=true";
        }
        // the repository serves the read lock only: consumed files leave the inbox anyway
        return common + String.format("&idempotent=false&readLockRemoveOnCommit=true&readLockRemoveOnRollback=true"
                        + "&move=%s/%s/${file:name}&moveFailed=%s/%s/${file:name}",
                path, FailedFileNotes.DONE_DIR, path, FailedFileNotes.FAILED_DIR);
    }
}
