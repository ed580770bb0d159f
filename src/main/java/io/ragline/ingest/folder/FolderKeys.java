package io.ragline.ingest.folder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.file.FileConstants;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.ragline.document.DocumentIds;
import io.ragline.document.DocumentRejectedException;
import io.ragline.document.IngestKeys;

/**
 * The idempotency key of an inbox file: its client, document id and content hash. The folder consumer
 * uses it to claim a file (so replicas sharing the folder never both take it) and, in mirror mode, to
 * skip files whose current content is already indexed. Hashes are remembered per path, size and
 * modification time, so an unchanged file is not read again at every poll.
 */
public class FolderKeys {

    private final Cache<String, String> hashes = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Path inbox;

    public FolderKeys(Path inbox) {
        this.inbox = inbox.toAbsolutePath();
    }

    /** Never fails: a file it cannot name properly still gets a key, and fails later with a note in .failed/. */
    public String key(Exchange exchange) {
        // the file consumer describes the file in the usual headers of a dummy exchange
        Message message = exchange.getMessage();
        String relative = message.getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        String hash = contentHash(message);
        // a file gone since it was listed (another replica took it) gets a key nothing else holds
        String content = hash == null ? "missing" : hash;
        try {
            return IngestKeys.of(FolderFiles.clientOf(relative), FolderFiles.documentIdOf(relative), content);
        } catch (DocumentRejectedException e) {
            return IngestKeys.of("invalid client folder", relative, content);
        }
    }

    /**
     * SHA-256 of the file the consumer's headers describe, or null when it no longer exists. A link, or
     * a file outside the inbox, is not read: it is hashed by its name.
     */
    public String contentHash(Message message) {
        Path file = Path.of(message.getHeader(FileConstants.FILE_ABSOLUTE_PATH, String.class));
        if (FolderFiles.isOutside(inbox, file)) {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? "not-followed:" + file : null;
        }
        return hashes.get(file + "\u001f" + message.getHeader(Exchange.FILE_LENGTH) + '\u001f'
                + message.getHeader(Exchange.FILE_LAST_MODIFIED), ignored -> hashOf(file));
    }

    /** SHA-256 of the file's bytes, or null when it no longer exists. */
    static String hashOf(Path file) {
        MessageDigest digest = DocumentIds.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
