package io.ragline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class DeleteDocumentTest extends RaglineIntegrationTest {

    @Test
    void deleteRemovesEveryChunkAndUnknownIdsAre404() {
        String client = newClient("delete");
        http.post("/api/documents", Map.of("client_id", client, "documents", List.of(
                Map.of("id", "keep", "text", "Lemurs live only on the island of Madagascar."),
                Map.of("id", "drop", "text", "Penguins live almost exclusively in the southern hemisphere."))));
        assertThat(http.query(client, "Where do penguins live?", 1).get("sources").get(0).get("document_id").asText())
                .isEqualTo("drop");

        Reply deleted = http.delete("/api/documents/drop?client_id=" + client);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted_chunks").asInt()).isEqualTo(1);
        assertThat(http.query(client, "Where do penguins live?", 5).get("sources"))
                .allSatisfy(source -> assertThat(source.get("document_id").asText()).isEqualTo("keep"));

        Reply again = http.delete("/api/documents/drop?client_id=" + client);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).contains("drop");

        Reply otherClient = http.delete("/api/documents/keep?client_id=" + newClient("someone-else"));
        assertThat(otherClient.status()).as("another client cannot delete it").isEqualTo(404);
    }
}
