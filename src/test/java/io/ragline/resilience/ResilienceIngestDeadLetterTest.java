package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.ragline.support.OpenAiStubTest;

/** An embedding service that never comes back: after the outage limit the file is dead-lettered with the reason. */
@Tag("slow")
class ResilienceIngestDeadLetterTest extends OpenAiStubTest {

    @Autowired
    VectorStore store;

    @Test
    void aPermanentFailureEndsInFailedWithItsReason() throws Exception {
        String client = newClient("dead-letter");
        OPENAI.stubFor(embeddings().willReturn(aResponse().withStatus(500).withBody("{\"error\": \"model crashed\"}")));

        InboxFiles.drop(OPENAI_INBOX, client + "/doomed.txt", "Dodos lived on Mauritius.".getBytes(StandardCharsets.UTF_8));

        Path failed = OPENAI_INBOX.resolve(".failed").resolve(client);
        await().atMost(Duration.ofSeconds(40)).until(() -> Files.exists(failed.resolve("doomed.txt.error.txt")));
        assertThat(Files.readString(failed.resolve("doomed.txt.error.txt"))).containsAnyOf("500", "OPEN");
        assertThat(failed.resolve("doomed.txt")).exists();
        assertThat(store.count(client)).isZero();
    }
}
