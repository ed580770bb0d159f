package io.ragline.hostile;

import static io.ragline.security.KeyedHttp.bearer;
import static io.ragline.security.KeyedHttp.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.security.ApiKeys;
import io.ragline.security.KeyedHttp;
import io.ragline.support.RaglineApps;

/**
 * With keys configured, a cookie, the key itself and a custom header sent to every endpoint, on its
 * success and its error paths, come back in no response header and no body; and a route takes its
 * parameters only from the path, the query string and the body, never from a request header.
 */
@Tag("slow")
class RequestHeadersNeverEchoedTest {

    private static final String COOKIE_SECRET = "session-cookie-3f9a1c";
    private static final String PROBE = "probe-value-77e2b";

    @TempDir
    Path work;

    @Test
    void noRequestHeaderReachesAResponseOrARoute() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work, ApiKeys.settings().toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            String[] acme = with(bearer(ApiKeys.ACME), "Cookie", "JSESSIONID=" + COOKIE_SECRET, "X-Ragline-Probe", PROBE);
            String[] admin = with(bearer(ApiKeys.ADMIN), "Cookie", "JSESSIONID=" + COOKIE_SECRET, "X-Ragline-Probe", PROBE);
            String[] queryOnly = with(bearer(ApiKeys.GLOBEX), "Cookie", "JSESSIONID=" + COOKIE_SECRET, "X-Ragline-Probe", PROBE);
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"victim-doc\", \"text\": \"Herons nest in tall trees.\"},"
                    + " {\"id\": \"b\", \"text\": \"Bees make honey.\"}]}", acme).status()).isEqualTo(200);

            List<Map.Entry<KeyedHttp.Reply, String>> replies = List.of(
                    call(http, "GET", "/health", null, acme),
                    call(http, "GET", "/health/vector", null, acme),
                    call(http, "GET", "/health/ai", null, acme),
                    call(http, "GET", "/health/db", null, acme),
                    call(http, "GET", "/actuator/health", null, acme),
                    call(http, "GET", "/metrics/summary", null, admin),
                    call(http, "GET", "/metrics/summary", null, acme),
                    call(http, "POST", "/api/query", "{\"query\": \"Where do herons nest?\"}", acme),
                    call(http, "POST", "/api/query", "{\"query\": \"\"}", acme),
                    call(http, "POST", "/api/query", "{\"query\": \"q\", \"client_id\": \"globex\"}", acme),
                    call(http, "POST", "/api/query", "{\"query\": \"q\"}", with(new String[] {"X-API-Key", "wrong-key"}, "X-Ragline-Probe", PROBE)),
                    call(http, "POST", "/api/documents", "{\"documents\": [{\"id\": \"c\", \"text\": \"Crows are clever.\"}]}", acme),
                    call(http, "POST", "/api/documents", "{\"documents\": []}", acme),
                    call(http, "POST", "/api/documents", "{\"documents\": [\"x\"]}", queryOnly),
                    call(http, "DELETE", "/api/documents/c", null, acme),
                    call(http, "DELETE", "/api/documents/nothing-here", null, acme),
                    call(http, "DELETE", "/api/documents?document_id=nothing-here", null, acme),
                    call(http, "GET", "/api/query", null, acme),
                    call(http, "GET", "/api/nothing-here", null, acme));

            for (Map.Entry<KeyedHttp.Reply, String> reply : replies) {
                reply.getKey().raw().headers().map().forEach((name, values) -> {
                    assertThat(name).as(reply.getValue()).isNotEqualToIgnoringCase("X-Ragline-Probe").isNotEqualToIgnoringCase("Cookie")
                            .isNotEqualToIgnoringCase("Authorization").isNotEqualToIgnoringCase("Set-Cookie");
                    assertThat(String.join(" ", values)).as("%s: header %s", reply.getValue(), name)
                            .doesNotContain(COOKIE_SECRET, PROBE, ApiKeys.ACME, ApiKeys.ADMIN, ApiKeys.GLOBEX, "wrong-key");
                });
                assertThat(reply.getKey().raw().body()).as(reply.getValue())
                        .doesNotContain(COOKIE_SECRET, PROBE, ApiKeys.ACME, ApiKeys.ADMIN, ApiKeys.GLOBEX, "wrong-key");
            }
            assertThat(replies.get(7).getKey().status()).isEqualTo(200);
            assertThat(replies.get(11).getKey().status()).isEqualTo(200);
            assertThat(replies.get(14).getKey().status()).isEqualTo(200);

            // parameters come from the query string only: a header of the same name names nothing
            KeyedHttp.Reply smuggled = http.send("DELETE", "/api/documents", null, with(acme, "document_id", "victim-doc", "client_id", "acme"));
            assertThat(smuggled.status()).isEqualTo(400);
            assertThat(smuggled.json().get("error").asText()).contains("document_id is required");
            KeyedHttp.Reply twice = http.send("DELETE", "/api/documents?document_id=victim-doc&document_id=b", null, acme);
            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.json().get("error").asText()).contains("document_id is given more than once");
            KeyedHttp.Reply answer = http.send("POST", "/api/query", "{\"query\": \"Where do herons nest?\"}", acme);
            assertThat(answer.json().get("sources").get(0).get("document_id").asText()).as("nothing was deleted").isEqualTo("victim-doc");
        }
    }

    private static Map.Entry<KeyedHttp.Reply, String> call(KeyedHttp http, String method, String path, String body, String... headers) {
        return Map.entry(http.send(method, path, body, headers), method + " " + path);
    }
}
