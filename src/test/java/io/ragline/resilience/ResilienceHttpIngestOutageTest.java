package io.ragline.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.OpenAiStubTest;
import io.ragline.support.RaglineHttp.Reply;

/** HTTP ingest during an embedding outage answers 503 at once: a client is waiting, unlike a folder. */
@Tag("slow")
class ResilienceHttpIngestOutageTest extends OpenAiStubTest {

    @Autowired
    VectorStore store;

    @Test
    void anOpenEmbeddingBreakerFailsHttpIngestFastWithAnError() {
        String client = newClient("http-outage");
        breakers.get(CircuitBreakers.EMBEDDING).transitionToOpenState();

        long start = System.nanoTime();
        Reply reply = http.post("/api/documents", Map.of("client_id", client, "documents", List.of("Emus cannot walk backwards.")));
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).contains("embedding").contains("OPEN");
        assertThat(seconds).isLessThan(5);
        assertThat(embeddingRequests()).isZero();
        assertThat(store.count(client)).isZero();
    }
}
