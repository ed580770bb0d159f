package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class FolderHalfWrittenFileTest extends RaglineIntegrationTest {

    @Test
    void aFileStillBeingWrittenIsNotReadUntilItIsComplete() throws Exception {
        String client = newClient("slow-writer");
        Path file = INBOX.resolve(client).resolve("growing.txt");
        Files.createDirectories(file.getParent());
        AtomicInteger lines = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.scheduleAtFixedRate(() -> append(out, "Line " + lines.incrementAndGet() + " of the slowly written log.\n"),
                    0, 100, TimeUnit.MILLISECONDS);

            // written to for three seconds, several read-lock intervals: it must stay put all along
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> Files.exists(file) && !Files.exists(INBOX.resolve(".done").resolve(client)));

            writer.shutdown();
            assertThat(writer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            append(out, "The final line says the kraken was sighted off Lisbon.\n");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(INBOX.resolve(".done").resolve(client).resolve("growing.txt")));
        assertThat(lines.get()).isGreaterThan(20);
        assertThat(http.query(client, "Where was the kraken sighted?", 3).get("answer").asText()).contains("Lisbon");
    }

    private static void append(OutputStream out, String line) {
        try {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
