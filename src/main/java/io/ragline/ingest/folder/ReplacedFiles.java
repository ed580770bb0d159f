package io.ragline.ingest.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.Ordered;
import org.apache.camel.spi.Synchronization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consume mode: Camel moves a finished file to {@code .done/} (or {@code .failed/}) by its name, so a file
 * replaced while its previous version was being ingested would be moved in its place, unread. Before a
 * file is read this notes which file it is (file key, size, modification time, and the content hash its
 * claim was made with); once the consumer has moved it, it looks at what was moved. A file that is not
 * the one read goes back into the inbox, to be taken at the next poll. The camel-file component offers
 * no such check: its move and its read lock both go by name.
 */
public class ReplacedFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ReplacedFiles.class);

    private final Path inbox;
    private final FolderKeys keys;

    public ReplacedFiles(Path inbox, FolderKeys keys) {
        this.inbox = inbox.toAbsolutePath();
        this.keys = keys;
    }

    /** Call before the file is read. A file already gone is left to the steps that read it. */
    public void watch(Exchange exchange) {
        String relative = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Path file = inbox.resolve(relative);
        Version read = Version.of(file);
        if (read != null) {
            exchange.getExchangeExtension().addOnCompletion(
                    new PutBackIfReplaced(relative, file, read, keys.contentHash(exchange.getMessage())));
        }
    }

    /** What tells two versions of a file at one path apart without reading them. */
    record Version(Object fileKey, long size, FileTime lastModified) {

        static Version of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new Version(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Runs after the file consumer's own move: its synchronization is unordered (0), and lower orders run first. */
    private final class PutBackIfReplaced implements Synchronization, Ordered {

        private final String relative;
        private final Path file;
        private final Version read;
        private final String claimedHash;

        PutBackIfReplaced(String relative, Path file, Version read, String claimedHash) {
            this.relative = relative;
            this.file = file;
            this.read = read;
            this.claimedHash = claimedHash;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST;
        }

        @Override
        public void onComplete(Exchange exchange) {
            putBackIfReplaced(inbox.resolve(FailedFileNotes.DONE_DIR).resolve(relative));
        }

        @Override
        public void onFailure(Exchange exchange) {
            putBackIfReplaced(inbox.resolve(FailedFileNotes.FAILED_DIR).resolve(relative));
        }

        private void putBackIfReplaced(Path moved) {
            Version found = Version.of(moved);
            if (found == null || found.equals(read)) {
                return;
            }
            try {
                // a move across file systems makes a new file of the same content: that is the file read
                if (Objects.equals(FolderKeys.hashOf(moved), claimedHash)) {
                    return;
                }
                Files.move(moved, file);
                LOG.info("{} was replaced while its previous version was ingested: the new version is back in the inbox", relative);
            } catch (FileAlreadyExistsException e) {
                LOG.warn("{} was replaced twice while ingested: the newest version is in the inbox, the one between stays in {}",
                        relative, moved.getParent());
            } catch (NoSuchFileException e) {
                // taken from .done/ or .failed/ meanwhile: nothing to put back
            } catch (IOException | UncheckedIOException e) {
                LOG.error("{} was replaced while ingested and cannot be put back in the inbox from {}", relative, moved, e);
            }
        }
    }
}
