package io.ragline.idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An idempotent repository kept as one small file per key in a directory, so it survives restarts and
 * can be shared by every process that sees the directory (replicas on one shared volume).
 * <p>
 * {@link #add} claims a key by creating {@code <hash>.claim} (file creation is atomic: of two processes
 * exactly one succeeds); {@link #confirm} turns the claim into {@code <hash>.done} for good. A claim that
 * was never confirmed (its owner crashed) lapses after {@code claimTimeout}, so the work is not stuck.
 * <p>
 * A confirmed key counts only while the store still holds that content ({@code stillHeld}): a record
 * that outlived the index (wiped, moved, rebuilt from a replayed topic) is dropped, and the content
 * indexed again, never skipped silently.
 * <p>
 * Only the process holding a claim can release it with {@link #remove}: Camel's {@code idempotent-changed}
 * read lock also removes the key after a failed attempt to claim, which would otherwise free another
 * replica's file while it is being processed. Confirmed keys can be removed by anyone.
 */
public class DirectoryIdempotentRepository extends ServiceSupport implements IngestRepository {

    private static final String CLAIM = ".claim";
    private static final String DONE = ".done";
    private static final String FAILED = ".failed";
    private static final int MAX_SEEN_HELD = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryIdempotentRepository.class);

    private final Path directory;
    private final Duration claimTimeout;
    private final Clock clock;
    private final Predicate<String> stillHeld;
    /** Claims this process made and has not confirmed or released yet. */
    private final Set<String> ownClaims = ConcurrentHashMap.newKeySet();
    /** Confirmed keys the store was seen to hold: mirror mode asks about every file at every poll. */
    private final Set<String> seenHeld = ConcurrentHashMap.newKeySet();

    /** @param stillHeld whether the store still holds the content a confirmed key stands for */
    public DirectoryIdempotentRepository(Path directory, Duration claimTimeout, Clock clock, Predicate<String> stillHeld) {
        this.directory = directory.toAbsolutePath();
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.stillHeld = stillHeld;
    }

    @Override
    public boolean add(String key) {
        Path done = file(key, DONE);
        if (isDone(done, key)) {
            return false;
        }
        Path claim = file(key, CLAIM);
        if (tryCreate(claim, key)) {
            ownClaims.add(key);
            return true;
        }
        // someone holds a claim: take it over only once it has lapsed
        if (isFresh(claim)) {
            return false;
        }
        try {
            Files.deleteIfExists(claim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!isDone(done, key) && tryCreate(claim, key)) {
            ownClaims.add(key);
            return true;
        }
        return false;
    }

    @Override
    public boolean contains(String key) {
        return isDone(file(key, DONE), key) || isFresh(file(key, CLAIM));
    }

    @Override
    public void recordFailure(String key) {
        tryCreate(file(key, FAILED), key);
    }

    /** Confirmed, and the store still holds it (or it failed for good); a record that outlived the store is dropped. */
    private boolean isDone(Path done, String key) {
        if (!Files.exists(done)) {
            return false;
        }
        if (seenHeld.contains(key) || Files.exists(file(key, FAILED)) || stillHeld.test(key)) {
            if (seenHeld.size() < MAX_SEEN_HELD) {
                seenHeld.add(key);
            }
            return true;
        }
        LOG.info("Idempotency record {} outlived the store's copy of that content: indexing it again", done.getFileName());
        delete(done);
        return false;
    }

    @Override
    public boolean remove(String key) {
        seenHeld.remove(key);
        try {
            boolean claimed = ownClaims.remove(key) && Files.deleteIfExists(file(key, CLAIM));
            Files.deleteIfExists(file(key, FAILED));
            return Files.deleteIfExists(file(key, DONE)) || claimed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean confirm(String key) {
        ownClaims.remove(key);
        Path claim = file(key, CLAIM);
        Path done = file(key, DONE);
        try {
            Files.move(claim, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            tryCreate(done, key);
        } catch (AtomicMoveNotSupportedException e) {
            tryCreate(done, key);
            delete(claim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    @Override
    public void clear() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(directory)).forEach(this::delete);
            ownClaims.clear();
            seenHeld.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean tryCreate(Path path, String key) {
        try {
            Files.createDirectories(path.getParent());
            // the key itself is written for people reading the directory; the name is what counts
            Files.write(path, key.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write idempotency entry " + path, e);
        }
    }

    private boolean isFresh(Path claim) {
        try {
            FileTime modified = Files.getLastModifiedTime(claim);
            return Duration.between(modified.toInstant(), clock.instant()).compareTo(claimTimeout) < 0;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys hash to a fixed-length name, fanned out over 256 folders. */
    private Path file(String key, String suffix) {
        String hash = sha256(key);
        return directory.resolve(hash.substring(0, 2)).resolve(hash + suffix);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    @Override
    protected void doStart() throws IOException {
        Files.createDirectories(directory);
    }

    @Override
    public String toString() {
        return "DirectoryIdempotentRepository[" + directory + "]";
    }
}
