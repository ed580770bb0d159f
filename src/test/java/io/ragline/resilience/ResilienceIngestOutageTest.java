package io.ragline.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.ragline.store.VectorStore;
import io.ragline.support.FakeEmbeddings;
import io.ragline.support.InboxFiles;
import io.ragline.support.OpenAiStubTest;

/**
 * The embedding server fails for a while during folder ingestion: the consumer pauses while the breaker
 * is open and resumes after, and every document ends up indexed exactly once, none dead-lettered.
 */
@Tag("slow")
class ResilienceIngestOutageTest extends OpenAiStubTest {

    private static final int FAILED_CALLS = 7;

    @Autowired
    CamelContext camel;

    @Autowired
    VectorStore store;

    @Autowired
    EmbeddingOutage outage;

    @Test
    void ingestionPausesDuringTheOutageAndLosesNothing() {
        String client = newClient("outage");
        String state = Scenario.STARTED;
        for (int call = 1; call <= FAILED_CALLS; call++) {
            String next = "failed-" + call;
            OPENAI.stubFor(embeddings().inScenario("outage").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(503)).willSetStateTo(next));
            state = next;
        }
        OPENAI.stubFor(embeddings().inScenario("outage").whenScenarioStateIs(state)
                .willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));

        for (String animal : new String[] {"ibex", "marmot", "chamois"}) {
            InboxFiles.drop(OPENAI_INBOX, client + "/" + animal + ".txt",
                    ("The " + animal + " lives high in the Alps.").getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> outage.isPaused("file-ingest"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(java.nio.file.NoSuchFileException.class)
                .until(() -> Files.list(OPENAI_INBOX.resolve(".done").resolve(client)).count() == 3);

        assertThat(store.count(client)).as("each document exactly once").isEqualTo(3);
        assertThat(OPENAI_INBOX.resolve(".failed").resolve(client)).isEmptyDirectory();
        assertThat(embeddingRequests()).isGreaterThan(FAILED_CALLS);
        await().atMost(Duration.ofSeconds(10)).until(() -> !outage.isPaused("file-ingest"));
        assertThat(camel.getRouteController().getRouteStatus("file-ingest")).isEqualTo(ServiceStatus.Started);
        for (String animal : new String[] {"ibex", "marmot", "chamois"}) {
            assertThat(http.query(client, "Where does the " + animal + " live?", 1).get("sources").get(0).get("text").asText())
                    .contains(animal);
        }
    }
}
