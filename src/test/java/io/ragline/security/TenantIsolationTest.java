package io.ragline.security;

import static io.ragline.security.KeyedHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineApps;

/**
 * Two clients with keys, one question: globex never reads, deletes or overwrites acme's document, even
 * knowing its id, through the full path, the cached answer, the keyword search or a document of its own
 * with the same id; and acme's cached answer is never served to globex.
 */
@Tag("slow")
class TenantIsolationTest {

    private static final String QUESTION = "{\"query\": \"Where is the vault combination kept?\"}";

    @TempDir
    Path work;

    @Test
    void aClientCanNeverReachAnotherClientsDocument() {
        List<String> args = new ArrayList<>(ApiKeys.settings());
        args.add("--ragline.security.api-keys[1].roles=query,ingest");
        try (ConfigurableApplicationContext app = RaglineApps.start(work, args.toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"vault\", \"text\": "
                    + "\"The vault combination is kept in the red binder in the manager's office.\"}]}", bearer(ApiKeys.ACME)).status())
                    .isEqualTo(200);
            JsonNode acmeAnswer = http.send("POST", "/api/query", QUESTION, bearer(ApiKeys.ACME)).json();
            assertThat(documentIds(acmeAnswer)).contains("vault");
            assertThat(http.send("POST", "/api/query", QUESTION, bearer(ApiKeys.ACME)).json().get("cached").asBoolean())
                    .as("acme's answer is now cached").isTrue();

            // the same question from globex: no acme source, not acme's cached answer
            JsonNode globexAnswer = http.send("POST", "/api/query", QUESTION, bearer(ApiKeys.GLOBEX)).json();
            assertThat(documentIds(globexAnswer)).isEmpty();
            assertThat(globexAnswer.get("cached").asBoolean()).isFalse();
            assertThat(globexAnswer.get("answer").asText()).doesNotContain("red binder");
            // the keyword search alone (words of acme's text) finds nothing of acme's either
            JsonNode keywords = http.send("POST", "/api/query", "{\"query\": \"red binder manager office vault\"}", bearer(ApiKeys.GLOBEX)).json();
            assertThat(documentIds(keywords)).isEmpty();

            // the guessed id: globex's delete removes nothing of acme's, its upsert writes its own document
            assertThat(http.send("DELETE", "/api/documents/vault", null, bearer(ApiKeys.GLOBEX)).status()).isEqualTo(404);
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"vault\", \"text\": "
                    + "\"Globex keeps nothing in vaults.\"}]}", bearer(ApiKeys.GLOBEX)).status()).isEqualTo(200);
            JsonNode acmeAgain = http.send("POST", "/api/query", "{\"query\": \"Where is the vault combination kept? (again)\"}",
                    bearer(ApiKeys.ACME)).json();
            assertThat(acmeAgain.get("sources").get(0).get("text").asText()).contains("red binder");
            assertThat(http.send("POST", "/api/query", QUESTION, bearer(ApiKeys.GLOBEX)).json().get("answer").asText())
                    .doesNotContain("red binder");
        }
    }

    private static List<String> documentIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("sources").forEach(source -> ids.add(source.get("document_id").asText()));
        return ids;
    }
}
