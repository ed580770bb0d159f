package io.ragline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp.Reply;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class DocumentsValidationTest extends RaglineIntegrationTest {

    /** Each kind of refusal reaches the client as a 400 with its reason; the parser's own tests cover every rule. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty documents   | {\"documents\": []}                                 | documents must be a non-empty array",
        "control chars     | {\"documents\": [\"\\u0000\\u0001\"]}               | documents[0]: document has no text",
        "bad metadata      | {\"documents\": [{\"text\": \"t\", \"metadata\": 1}]} | documents[0].metadata must be an object",
        "not JSON          | nope                                                | not valid JSON",
    })
    void invalidDocumentRequestsAre400(String name, String body, String error) {
        Reply reply = http.post("/api/documents", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains(error);
    }

    @Autowired
    VectorStore store;

    @Test
    void oneBadDocumentRejectsTheWholeRequestBeforeAnythingIsIndexed() {
        String client = newClient("all-or-nothing");
        Reply reply = http.post("/api/documents",
                "{\"client_id\": \"" + client + "\", \"documents\": [\"a good document\", {\"id\": \"bad\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(store.count(client)).isZero();
    }
}
