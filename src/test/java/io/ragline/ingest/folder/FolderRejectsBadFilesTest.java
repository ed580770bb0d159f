package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class FolderRejectsBadFilesTest extends RaglineIntegrationTest {

    @Autowired
    VectorStore store;

    @Test
    void corruptPdfUnsupportedTypeAndEmptyFileLandInFailedWithANote() throws Exception {
        String client = newClient("bad-files");
        byte[] corruptPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref".getBytes(StandardCharsets.US_ASCII);
        InboxFiles.drop(INBOX, client + "/broken.pdf", corruptPdf);
        InboxFiles.drop(INBOX, client + "/archive.zip", "not really a zip".getBytes(StandardCharsets.UTF_8));
        InboxFiles.drop(INBOX, client + "/empty.txt", " \n\t \n".getBytes(StandardCharsets.UTF_8));
        InboxFiles.drop(INBOX, client + "/good.txt", "Otters hold hands while sleeping so they do not drift apart.".getBytes(StandardCharsets.UTF_8));

        Path failed = INBOX.resolve(".failed").resolve(client);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed.resolve("broken.pdf"))
                && Files.exists(failed.resolve("archive.zip")) && Files.exists(failed.resolve("empty.txt"))
                && Files.exists(INBOX.resolve(".done").resolve(client).resolve("good.txt")));

        assertThat(Files.readString(failed.resolve("broken.pdf.error.txt"))).contains("could not parse application/pdf");
        assertThat(Files.readString(failed.resolve("archive.zip.error.txt"))).contains("unsupported content type: application/zip");
        assertThat(Files.readString(failed.resolve("empty.txt.error.txt"))).contains("document has no text");
        assertThat(Files.readAllBytes(failed.resolve("broken.pdf"))).as("the original is kept").isEqualTo(corruptPdf);
        assertThat(store.count(client)).as("only the good file is indexed").isEqualTo(1);
    }
}
