package io.ragline.hostile;

import static io.ragline.security.KeyedHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.resilience.CircuitBreakers;
import io.ragline.security.ApiKeys;
import io.ragline.security.KeyedHttp;
import io.ragline.support.RaglineApps;

/**
 * Questions and documents made only of what the model's tokenizer drops (private-use characters,
 * noncharacters, a combining grapheme joiner) are refused as bad input by a query-only key: the shared
 * embedding breaker never counts them, and another client's ingest and answers go on whole.
 */
@Tag("slow")
class InvisibleTextTest {

    private static final List<String> INVISIBLE = List.of("\ue000\ue001\ue002", "\ufdd0\ufff0", "\u034f\u034f\u034f",
            "\ue000 \ufdd0 \u034f", "\udbc0\udc00");

    @TempDir
    Path work;

    @Test
    void textTheModelWouldSeeAsNothingIsRefusedAndNeverOpensTheBreaker() throws Exception {
        try (ConfigurableApplicationContext app = RaglineApps.start(work, ApiKeys.settings().toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            CircuitBreakers breakers = app.getBean(CircuitBreakers.class);
            ObjectMapper json = new ObjectMapper();

            for (int round = 0; round < 3; round++) {
                for (String text : INVISIBLE) {
                    KeyedHttp.Reply refused = http.send("POST", "/api/query",
                            json.createObjectNode().put("query", text).toString(), bearer(ApiKeys.GLOBEX));
                    assertThat(refused.status()).as("%s", text.codePoints().boxed().toList()).isEqualTo(400);
                    assertThat(refused.json().get("error").asText()).contains("no visible characters");
                }
            }
            for (String text : INVISIBLE) {
                KeyedHttp.Reply refused = http.send("POST", "/api/documents", json.createObjectNode().set("documents",
                        json.createArrayNode().add(json.createObjectNode().put("id", "blank").put("text", text))).toString(), bearer(ApiKeys.ACME));
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.json().get("error").asText()).contains("no letter, digit, punctuation or symbol");
            }

            assertThat(breakers.describe(CircuitBreakers.EMBEDDING)).containsEntry("state", "closed").containsEntry("failed_calls", 0);
            assertThat(http.send("GET", "/health", null).status()).isEqualTo(200);
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"otters\", \"text\": \"Otters eat fish.\"}]}",
                    bearer(ApiKeys.ACME)).status()).isEqualTo(200);
            KeyedHttp.Reply answer = http.send("POST", "/api/query", "{\"query\": \"What do otters eat?\"}", bearer(ApiKeys.ACME));
            assertThat(answer.json().get("degraded").asBoolean()).isFalse();
            assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("otters");
        }
    }
}
