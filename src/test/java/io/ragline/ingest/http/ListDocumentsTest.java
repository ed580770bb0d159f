package io.ragline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

/** GET /api/documents pages through a client's documents, and refuses what it does not define. */
@Tag("slow")
class ListDocumentsTest extends RaglineIntegrationTest {

    @Test
    void aClientsDocumentsComeAPageAtATimeWithWhatWasStored() {
        String client = newClient("listing");
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documents.add(Map.of("id", "doc-" + i, "title", "Harbour notice " + i,
                    "text", "The harbour office posts notice " + i + " about berths and tides.", "metadata", Map.of("dept", "port", "n", i)));
        }
        http.post("/api/documents", Map.of("client_id", client, "documents", documents));
        http.post("/api/documents", Map.of("client_id", newClient("listing-other"), "documents", List.of("Someone else's text.")));

        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = http.get("/api/documents?client_id=" + client + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("documents").forEach(document -> ids.add(document.get("document_id").asText()));
            cursor = page.json().get("next_cursor").isNull() ? null : page.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(ids).containsExactly("doc-0", "doc-1", "doc-2", "doc-3", "doc-4");
        assertThat(pages).isEqualTo(3);
        JsonNode first = http.get("/api/documents?client_id=" + client + "&limit=1").json().get("documents").get(0);
        assertThat(first.get("title").asText()).isEqualTo("Harbour notice 0");
        assertThat(first.get("chunks").asInt()).isEqualTo(1);
        assertThat(first.get("content_hash").asText()).isNotBlank();
        assertThat(first.get("ingested_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.get("metadata").get("dept").asText()).isEqualTo("port");
        assertThat(first.get("metadata").get("n").asInt()).isZero();
    }

    @Test
    void whatTheListingDoesNotDefineIs400() {
        assertThat(http.get("/api/documents?client_id=x&limit=0").json().get("error").asText()).contains("limit must be an integer between 1 and 1000");
        assertThat(http.get("/api/documents?client_id=x&limit=1001").status()).isEqualTo(400);
        assertThat(http.get("/api/documents?client_id=x&cursor=%25%25").json().get("error").asText()).contains("cursor");
        Reply misspelt = http.get("/api/documents?client=x");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.json().get("error").asText()).contains("unknown query parameter 'client'");
    }
}
