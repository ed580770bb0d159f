package io.ragline.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.document.IngestKeys;

class DirectoryIdempotentRepositoryTest {

    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path directory;

    @Test
    void ofManyProcessesRacingForOneKeyExactlyOneWins() throws Exception {
        // separate instances on one directory stand for replicas sharing a volume
        List<DirectoryIdempotentRepository> replicas = List.of(repository(Clock.systemUTC()), repository(Clock.systemUTC()),
                repository(Clock.systemUTC()), repository(Clock.systemUTC()));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int k = 0; k < 50; k++) {
                String key = IngestKeys.of("acme", "doc-" + k, "hash");
                List<Callable<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    DirectoryIdempotentRepository replica = replicas.get(i % replicas.size());
                    attempts.add(() -> replica.add(key));
                }
                int winners = 0;
                for (Future<Boolean> attempt : threads.invokeAll(attempts)) {
                    winners += attempt.get() ? 1 : 0;
                }
                assertThat(winners).as("claims won for " + key).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aConfirmedKeyStaysAcrossRestartsUntilRemoved() {
        String key = IngestKeys.of("acme", "handbook", "abc");
        DirectoryIdempotentRepository first = repository(Clock.systemUTC());
        assertThat(first.add(key)).isTrue();
        first.confirm(key);

        DirectoryIdempotentRepository restarted = repository(Clock.systemUTC());
        assertThat(restarted.contains(key)).isTrue();
        assertThat(restarted.add(key)).isFalse();
        assertThat(restarted.contains(IngestKeys.of("acme", "handbook", "other content"))).isFalse();

        assertThat(restarted.remove(key)).isTrue();
        assertThat(restarted.contains(key)).isFalse();
        assertThat(restarted.add(key)).isTrue();
    }

    @Test
    void aClaimNeverConfirmedLapsesSoACrashedOwnerBlocksNothing() {
        String key = IngestKeys.of("acme", "handbook", "abc");
        assertThat(repository(Clock.systemUTC()).add(key)).isTrue();

        DirectoryIdempotentRepository soon = repository(Clock.offset(Clock.systemUTC(), CLAIM_TIMEOUT.minusMinutes(1)));
        assertThat(soon.contains(key)).isTrue();
        assertThat(soon.add(key)).isFalse();

        DirectoryIdempotentRepository later = repository(Clock.fixed(Instant.now().plus(CLAIM_TIMEOUT).plusSeconds(5), ZoneOffset.UTC));
        assertThat(later.contains(key)).isFalse();
        assertThat(later.add(key)).isTrue();
    }

    @Test
    void aProcessThatFailedToClaimCannotReleaseTheOwnersClaim() {
        String key = IngestKeys.of("acme", "handbook", "abc");
        DirectoryIdempotentRepository owner = repository(Clock.systemUTC());
        DirectoryIdempotentRepository other = repository(Clock.systemUTC());
        assertThat(owner.add(key)).isTrue();
        assertThat(other.add(key)).isFalse();

        // what Camel's idempotent-changed read lock does after a failed claim
        other.remove(key);
        assertThat(other.add(key)).as("still claimed by its owner").isFalse();

        owner.remove(key);
        assertThat(other.add(key)).isTrue();
    }

    @Test
    void aConfirmedKeyNeverLapses() {
        String key = IngestKeys.of("acme", "handbook", "abc");
        DirectoryIdempotentRepository repository = repository(Clock.systemUTC());
        repository.add(key);
        repository.confirm(key);

        DirectoryIdempotentRepository muchLater = repository(Clock.offset(Clock.systemUTC(), Duration.ofDays(365)));
        assertThat(muchLater.contains(key)).isTrue();
        assertThat(muchLater.add(key)).isFalse();
    }

    @Test
    void aConfirmedKeyWhoseContentTheStoreNoLongerHoldsIsTakenAgain() {
        String key = IngestKeys.of("acme", "handbook", "abc");
        DirectoryIdempotentRepository before = repository(Clock.systemUTC());
        before.add(key);
        before.confirm(key);

        // the index was wiped: the record must not keep the content out of the new one
        DirectoryIdempotentRepository rebuilt = new DirectoryIdempotentRepository(directory, CLAIM_TIMEOUT, Clock.systemUTC(), k -> false);
        rebuilt.start();
        assertThat(rebuilt.contains(key)).isFalse();
        assertThat(rebuilt.add(key)).as("claimed again").isTrue();

        String failed = IngestKeys.of("acme", "broken", "def");
        rebuilt.add(failed);
        rebuilt.recordFailure(failed);
        rebuilt.confirm(failed);
        assertThat(rebuilt.add(failed)).as("a failure stays recorded until the content changes").isFalse();
    }

    private DirectoryIdempotentRepository repository(Clock clock) {
        DirectoryIdempotentRepository repository = new DirectoryIdempotentRepository(directory, CLAIM_TIMEOUT, clock, key -> true);
        repository.start();
        return repository;
    }
}
