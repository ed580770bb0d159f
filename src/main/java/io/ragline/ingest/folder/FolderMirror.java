package io.ragline.ingest.folder;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ragline.ingest.DocumentIndex;
import io.ragline.store.StoredDocument;
import io.ragline.store.VectorStore;

/**
 * Mirror mode's other half: documents whose inbox file is gone (deleted, or renamed: the new name is
 * ingested as a new file) are removed. Run at start-up it reconciles what changed while the app was down.
 */
public class FolderMirror {

    private static final Logger LOG = LoggerFactory.getLogger(FolderMirror.class);

    private final Path inbox;
    private final VectorStore store;
    private final DocumentIndex index;

    public FolderMirror(Path inbox, VectorStore store, DocumentIndex index) {
        this.inbox = inbox.toAbsolutePath();
        this.store = store;
        this.index = index;
    }

    /** @return the number of documents removed */
    public int removeDeleted() {
        int removed = 0;
        for (StoredDocument document : store.documentsBySource(FolderFiles.SOURCE_PREFIX)) {
            String relative = FolderFiles.relativeOf(document.source());
            if (!Files.exists(inbox.resolve(relative))) {
                index.delete(document.clientId(), document.documentId());
                LOG.info("Removed {}/{}: {} is no longer in the inbox", document.clientId(), document.documentId(), relative);
                removed++;
            }
        }
        return removed;
    }
}
