package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.store.StoredDocument;
import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;

/** Mirror mode follows creates, changes, deletes and renames, and catches up at start-up with what changed while down. */
@Tag("slow")
class FolderMirrorTest {

    private static final String CLIENT = "mirror";

    @TempDir
    Path work;

    @Test
    void theIndexFollowsTheFolderIncludingChangesMadeWhileTheAppWasDown() throws IOException {
        Path inbox = work.resolve("inbox");
        try (ConfigurableApplicationContext app = start()) {
            VectorStore store = app.getBean(VectorStore.class);
            drop("lighthouse.txt", "The lighthouse keeper feeds the gulls every morning.");
            drop("bakery.txt", "The bakery sells rye bread on Saturdays.");
            drop("garden.txt", "The community garden grows pumpkins.");
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(store).size() == 3);
            assertThat(inbox.resolve(CLIENT + "/lighthouse.txt")).as("files stay in place").exists();
            assertThat(inbox.resolve(FailedFileNotes.DONE_DIR)).doesNotExist();

            // modify
            String before = indexed(store).get("lighthouse.txt");
            drop("lighthouse.txt", "The lighthouse keeper paints the tower red.");
            await().atMost(Duration.ofSeconds(30)).until(() -> !before.equals(indexed(store).get("lighthouse.txt")));
            RaglineHttp http = RaglineApps.http(app);
            assertThat(http.query(CLIENT, "What colour does the keeper paint the tower?", 3).get("sources").get(0).get("text").asText())
                    .contains("paints the tower red");
            assertThat(store.count(CLIENT)).isEqualTo(3);

            // delete
            Files.delete(inbox.resolve(CLIENT + "/bakery.txt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !indexed(store).containsKey("bakery.txt"));

            // rename
            Files.move(inbox.resolve(CLIENT + "/garden.txt"), inbox.resolve(CLIENT + "/allotment.txt"));
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(store).keySet().equals(Set.of("lighthouse.txt", "allotment.txt")));
            assertThat(store.count(CLIENT)).isEqualTo(2);

            // a file that cannot be parsed: a note, the file left alone, not taken again and again
            drop("broken.pdf", "%PDF-1.7 this is not really a PDF");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(FailedFileNotes.FAILED_DIR + "/" + CLIENT + "/broken.pdf" + FailedFileNotes.NOTE_SUFFIX)));
            assertThat(inbox.resolve(CLIENT + "/broken.pdf")).exists();
        }

        // while the application is down: one file created, one deleted, one changed
        drop("harbour.txt", "The harbour master logs every ship that docks.");
        Files.delete(inbox.resolve(CLIENT + "/allotment.txt"));
        drop("lighthouse.txt", "The lighthouse was automated in 1998.");

        try (ConfigurableApplicationContext app = start()) {
            VectorStore store = app.getBean(VectorStore.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> indexed(store).keySet().equals(Set.of("lighthouse.txt", "harbour.txt")));
            RaglineHttp http = RaglineApps.http(app);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.query(CLIENT, "When was the lighthouse automated?", 3)
                    .get("sources").get(0).get("text").asText().contains("1998"));
            assertThat(store.count(CLIENT)).isEqualTo(2);
        }
    }

    private void drop(String name, String text) {
        InboxFiles.drop(work.resolve("inbox"), CLIENT + "/" + name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** File name to content hash of every mirrored document of the client. */
    private static Map<String, String> indexed(VectorStore store) {
        Map<String, String> byName = new TreeMap<>();
        for (StoredDocument document : store.documentsBySource(FolderFiles.SOURCE_PREFIX + CLIENT + "/")) {
            byName.put(FolderFiles.fileNameOf(FolderFiles.relativeOf(document.source())), document.contentHash());
        }
        return byName;
    }

    private ConfigurableApplicationContext start() {
        return RaglineApps.start(work,
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.folder.mode=mirror",
                "--ragline.ingest.folder.sweep-interval=300ms",
                "--ragline.ingest.folder.poll-delay=100ms",
                "--ragline.ingest.folder.read-lock-check-interval=200ms",
                "--ragline.ingest.folder.read-lock-min-age=300ms");
    }
}
