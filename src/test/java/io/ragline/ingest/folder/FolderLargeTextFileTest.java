package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.SearchHit;
import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineIntegrationTest;

/**
 * A text file over the streaming threshold (lowered for tests) is ingested section by section: every part
 * is searchable, chunks are numbered across sections, and a new version replaces the old one whole.
 */
@Tag("slow")
class FolderLargeTextFileTest extends RaglineIntegrationTest {

    @Autowired
    VectorStore store;

    @Test
    void aLargeTextFileIsStreamedAndItsNextVersionReplacesIt() {
        String client = "large-" + UUID.randomUUID().toString().substring(0, 8);
        String first = text(260, "The harbour gate code is amber falcon.");
        assertThat(first.length()).isGreaterThan((int) STREAM_THRESHOLD_BYTES);
        InboxFiles.drop(INBOX, client + "/manual.txt", first.getBytes(StandardCharsets.UTF_8));
        awaitSearchable(client, "amber falcon");
        long firstChunks = store.count(client);
        assertThat(firstChunks).as("chunks of the first version").isGreaterThan(100);
        SearchHit needle = store.keywordSearch(client, "amber falcon", 1).get(0);
        assertThat(needle.text()).contains("amber falcon");
        assertThat(needle.chunkIndex()).as("numbered across sections").isGreaterThanOrEqualTo((int) firstChunks - 3);

        // the next version arrives once the first has left the inbox: dropped while the consumer still holds
        // the first, it would be moved to .done/ in its place
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(INBOX.resolve(client + "/manual.txt")));
        String second = text(200, "The harbour gate code is now silver heron.");
        InboxFiles.drop(INBOX, client + "/manual.txt", second.getBytes(StandardCharsets.UTF_8));
        awaitSearchable(client, "silver heron");
        long secondChunks = store.count(client);
        assertThat(secondChunks).isLessThan(firstChunks).isPositive();
        assertThat(store.keywordSearch(client, "amber falcon", 5))
                .noneSatisfy(hit -> assertThat(hit.text()).contains("amber falcon"));
    }

    /** On a time-out the message says where the file went and what the index holds for the client. */
    private void awaitSearchable(String client, String needle) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(store.keywordSearch(client, needle, 1))
                .as("%s searchable; client's chunks %d; file in inbox %s, done %s, failed %s", needle, store.count(client),
                        Files.exists(INBOX.resolve(client + "/manual.txt")),
                        Files.exists(INBOX.resolve(FailedFileNotes.DONE_DIR + "/" + client + "/manual.txt")),
                        Files.exists(INBOX.resolve(FailedFileNotes.FAILED_DIR + "/" + client + "/manual.txt")))
                .isNotEmpty());
    }

    /** Paragraphs of distinct sentences, about 1.2 KB each, and a last one holding the needle. */
    private static String text(int paragraphs, String needle) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            for (int s = 0; s < 12; s++) {
                text.append("Section ").append(p).append(" clause ").append(s).append(" covers inspection step ")
                        .append(p * 12 + s).append(" for the warehouse. ");
            }
            text.append("\n\n");
        }
        return text.append(needle).append('\n').toString();
    }
}
