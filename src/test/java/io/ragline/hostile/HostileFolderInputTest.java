package io.ragline.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineIntegrationTest;

/**
 * Files nobody should be able to ingest through the inbox: each gets its note in {@code .failed/} (or,
 * a folder that is a link, is not entered at all), nothing outside the inbox is read or moved, and the
 * process stays healthy with good files still indexed.
 */
@Tag("slow")
class HostileFolderInputTest extends RaglineIntegrationTest {

    @Autowired
    VectorStore store;

    @Test
    void everyFileTheInboxCannotTakeGetsANoteAndNothingOutsideIsTouched() throws Exception {
        String client = newClient("hostile-folder");
        byte[] noise = new byte[50_000];
        new Random(3).nextBytes(noise);
        Path outside = Files.createTempDirectory("outside-inbox");
        Path secret = Files.writeString(outside.resolve("secret.txt"), "The launch code is 0000.");
        Files.createDirectories(INBOX.resolve(client));
        Files.createSymbolicLink(INBOX.resolve(client).resolve("linked.txt"), secret);
        Files.createSymbolicLink(INBOX.resolve(client).resolve("linked-folder"), outside);
        InboxFiles.drop(INBOX, client + "/noise.txt", noise);
        InboxFiles.drop(INBOX, client + "/zero.txt", new byte[0]);
        InboxFiles.drop(INBOX, "a b/spaced.txt", "Folders with spaces are no client.".getBytes(StandardCharsets.UTF_8));
        InboxFiles.drop(INBOX, "-x/dash.txt", "Nor are folders starting with a dash.".getBytes(StandardCharsets.UTF_8));
        InboxFiles.drop(INBOX, client + "/good.txt", "Puffins nest in burrows on cliff tops.".getBytes(StandardCharsets.UTF_8));

        Path failed = INBOX.resolve(".failed");
        List<Path> notes = List.of(failed.resolve(client).resolve("linked.txt.error.txt"), failed.resolve(client).resolve("noise.txt.error.txt"),
                failed.resolve(client).resolve("zero.txt.error.txt"), failed.resolve("a b").resolve("spaced.txt.error.txt"),
                failed.resolve("-x").resolve("dash.txt.error.txt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> notes.stream().allMatch(Files::exists)
                && Files.exists(INBOX.resolve(".done").resolve(client).resolve("good.txt")));

        assertThat(Files.readString(notes.get(0))).contains("links are not followed");
        assertThat(Files.readString(notes.get(1))).contains("binary data");
        assertThat(Files.readString(notes.get(2))).contains("no text");
        assertThat(Files.readString(notes.get(3))).contains("client_id must be");
        assertThat(Files.readString(notes.get(4))).contains("client_id must be");
        assertThat(secret).as("the link's target stays where it is, unread").hasContent("The launch code is 0000.");
        assertThat(INBOX.resolve(client).resolve("linked-folder")).as("a linked folder is not entered").exists();
        assertThat(store.count(client)).as("only the good file").isEqualTo(1);
        assertThat(http.query(client, "launch code", 5).get("sources").toString()).doesNotContain("0000");
        assertThat(http.get("/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
