package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.ragline.store.VectorStore;
import io.ragline.support.FakeEmbeddings;
import io.ragline.support.OpenAiStubTest;
import io.ragline.support.RaglineHttp.Reply;

/** A transient failure in the middle of a document retries that batch only, not the whole document. */
@Tag("slow")
class ResilienceBatchRetryTest extends OpenAiStubTest {

    @Autowired
    VectorStore store;

    @Test
    void onlyTheFailedBatchIsEmbeddedAgain() {
        String client = newClient("batches");
        StringBuilder text = new StringBuilder();
        for (int paragraph = 0; paragraph < 6; paragraph++) {
            text.append(("Paragraph " + paragraph + " explains how glaciers carve valleys, move boulders and leave moraines behind. ")
                    .repeat(9)).append("\n\n");
        }
        OPENAI.stubFor(embeddings().inScenario("hiccup").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)).willSetStateTo("second"));
        OPENAI.stubFor(embeddings().inScenario("hiccup").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        OPENAI.stubFor(embeddings().inScenario("hiccup").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));

        Reply reply = http.post("/api/documents", Map.of("client_id", client, "documents",
                List.of(Map.of("id", "glaciers", "text", text.toString()))));

        assertThat(reply.status()).isEqualTo(200);
        int chunks = reply.json().get("chunk_count").asInt();
        assertThat(chunks).isEqualTo(6);
        int batches = (chunks + 1) / 2;
        assertThat(embeddingRequests()).as("each batch once, the failed one twice").isEqualTo(batches + 1);
        assertThat(store.count(client)).isEqualTo(chunks);
    }
}
