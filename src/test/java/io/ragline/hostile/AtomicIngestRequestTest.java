package io.ragline.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.OpenAiStubTest;
import io.ragline.support.RaglineHttp.Reply;

/**
 * A request is one commit or none: when one of its documents fails, the others are not written either,
 * and a later commit (anybody's) publishes nothing of it.
 */
@Tag("slow")
class AtomicIngestRequestTest extends OpenAiStubTest {

    @Autowired
    VectorStore store;

    @Test
    void aRequestWithOneFailingDocumentLeavesNothingBehind() {
        String client = newClient("atomic");
        OPENAI.stubFor(embeddings().withRequestBody(containing("refused-by-the-provider")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withBody("{\"error\": \"input too long\"}")));

        Reply failed = http.post("/api/documents", Map.of("client_id", client, "documents", List.of(
                Map.of("id", "first", "text", "Lemurs live only on Madagascar."),
                Map.of("id", "second", "text", "This text is refused-by-the-provider."),
                Map.of("id", "third", "text", "Fossas hunt lemurs at night."))));

        assertThat(failed.status()).as("%s", failed.json()).isEqualTo(422);
        assertThat(failed.json().get("error").asText()).contains("refused this input");
        ingest(newClient("someone-else"), "later", "A later commit by another client.");
        assertThat(store.contentHash(client, "first")).as("nothing of the failed request was written").isEmpty();
        assertThat(store.contentHash(client, "third")).isEmpty();
        assertThat(store.count(client)).isZero();
    }
}
