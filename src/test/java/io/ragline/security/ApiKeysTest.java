package io.ragline.security;

import static io.ragline.security.KeyedHttp.apiKey;
import static io.ragline.security.KeyedHttp.bearer;
import static io.ragline.security.KeyedHttp.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineApps;

/**
 * With keys configured: 401 without a key or with an unknown one, Bearer and X-API-Key both accepted,
 * 403 for a role not granted and for a client_id naming another client, on every endpoint; the client
 * comes from the key; health stays open; the actuator needs admin; a forged client header counts for nothing.
 */
@Tag("slow")
class ApiKeysTest {

    private static final String QUERY = "{\"query\": \"What do otters eat?\"}";

    @TempDir
    Path work;

    @Test
    void everyEndpointChecksTheKeyItsRolesAndItsClient() {
        List<String> args = new ArrayList<>(ApiKeys.settings());
        try (ConfigurableApplicationContext app = RaglineApps.start(work, args.toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());

            KeyedHttp.Reply anonymous = http.send("POST", "/api/query", QUERY);
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.json().get("success").asBoolean()).isFalse();
            assertThat(anonymous.json().get("error").asText()).contains("API key is required");
            assertThat(http.send("POST", "/api/query", QUERY, bearer("not-a-key")).status()).isEqualTo(401);
            assertThat(http.send("POST", "/api/query", QUERY, apiKey("not-a-key")).json().get("error").asText()).isEqualTo("unknown API key");
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [\"x\"]}").status()).isEqualTo(401);
            assertThat(http.send("DELETE", "/api/documents/x", null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/api/documents", null).status()).isEqualTo(401);

            // the client comes from the key, by either header
            KeyedHttp.Reply ingested = http.send("POST", "/api/documents",
                    "{\"documents\": [{\"id\": \"otters\", \"text\": \"Otters eat fish, crabs and frogs.\"}]}", bearer(ApiKeys.ACME));
            assertThat(ingested.status()).isEqualTo(200);
            KeyedHttp.Reply answer = http.send("POST", "/api/query", QUERY, apiKey(ApiKeys.ACME));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("otters");
            assertThat(http.send("POST", "/api/query", "{\"query\": \"What do otters eat?\", \"client_id\": \"acme\"}",
                    bearer(ApiKeys.ACME)).status()).isEqualTo(200);

            // another client named in the body or the query string: 403, on every endpoint
            KeyedHttp.Reply otherClient = http.send("POST", "/api/query", "{\"query\": \"What do otters eat?\", \"client_id\": \"globex\"}",
                    bearer(ApiKeys.ACME));
            assertThat(otherClient.status()).isEqualTo(403);
            assertThat(otherClient.json().get("error").asText()).contains("bound to another client");
            assertThat(http.send("POST", "/api/documents", "{\"client_id\": \"globex\", \"documents\": [\"x\"]}", bearer(ApiKeys.ACME))
                    .status()).isEqualTo(403);
            assertThat(http.send("DELETE", "/api/documents/otters?client_id=globex", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/api/documents?client_id=globex", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            KeyedHttp.Reply listed = http.send("GET", "/api/documents", null, bearer(ApiKeys.ACME));
            assertThat(listed.json().get("client_id").asText()).as("the key's own client").isEqualTo("acme");
            assertThat(listed.json().get("documents").get(0).get("document_id").asText()).isEqualTo("otters");

            // roles: globex may query, not ingest or delete; admin may not query
            assertThat(http.send("POST", "/api/query", QUERY, bearer(ApiKeys.GLOBEX)).status()).isEqualTo(200);
            KeyedHttp.Reply noRole = http.send("POST", "/api/documents", "{\"documents\": [\"x\"]}", bearer(ApiKeys.GLOBEX));
            assertThat(noRole.status()).isEqualTo(403);
            assertThat(noRole.json().get("error").asText()).contains("roles do not allow");
            assertThat(http.send("DELETE", "/api/documents/otters", null, bearer(ApiKeys.GLOBEX)).status()).isEqualTo(403);
            assertThat(http.send("DELETE", "/api/documents?document_id=otters", null, bearer(ApiKeys.GLOBEX)).status()).isEqualTo(403);
            assertThat(http.send("POST", "/api/query", QUERY, bearer(ApiKeys.ADMIN)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/api/documents", null, bearer(ApiKeys.GLOBEX)).status()).as("a query key lists").isEqualTo(200);
            assertThat(http.send("GET", "/api/documents", null, bearer(ApiKeys.ADMIN)).status()).isEqualTo(403);

            // a forged client header is replaced by the key's client
            KeyedHttp.Reply forged = http.send("POST", "/api/query", QUERY, with(bearer(ApiKeys.GLOBEX), "RaglineAuthenticatedClient", "acme"));
            assertThat(forged.status()).isEqualTo(200);
            assertThat(forged.json().get("sources")).isEmpty();

            // health open; the rest of the actuator, the Prometheus scrape included (it shows every tenant's
            // counters and the working directory), and the metrics summary need admin
            assertThat(http.send("GET", "/health", null).status()).isEqualTo(200);
            assertThat(http.send("GET", "/health/vector", null).status()).isEqualTo(200);
            assertThat(http.send("GET", "/actuator/health", null).status()).isEqualTo(200);
            assertThat(http.send("GET", "/actuator/prometheus", null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/actuator/prometheus", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/actuator/prometheus", null, bearer(ApiKeys.ADMIN)).status()).isEqualTo(200);
            assertThat(http.send("GET", "/actuator/sbom", null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/actuator/metrics", null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/actuator/metrics", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/actuator/metrics", null, bearer(ApiKeys.ADMIN)).status()).isEqualTo(200);
            assertThat(http.send("GET", "/metrics/summary", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/metrics/summary", null, bearer(ApiKeys.ADMIN)).status()).isEqualTo(200);
            assertThat(http.send("GET", "/v3/api-docs", null).status()).isEqualTo(401);
            assertThat(http.send("GET", "/v3/api-docs", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);
            assertThat(http.send("GET", "/v3/api-docs", null, bearer(ApiKeys.ADMIN)).status()).isEqualTo(200);
            assertThat(http.send("GET", "/swagger-ui/index.html", null, bearer(ApiKeys.ACME)).status()).isEqualTo(403);

            // a path no endpoint takes: 401 without a key, so nothing can be probed; 404 with one
            assertThat(http.send("GET", "/api/nothing-here", null).status()).isEqualTo(401);
            KeyedHttp.Reply missing = http.send("GET", "/api/nothing-here", null, bearer(ApiKeys.ACME));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("no such endpoint");

            // acme deletes its own document; the delete names no client, the key does
            assertThat(http.send("DELETE", "/api/documents/otters", null, bearer(ApiKeys.ACME)).status()).isEqualTo(200);
        }
    }
}
