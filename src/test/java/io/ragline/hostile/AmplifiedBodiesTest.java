package io.ragline.hostile;

import static io.ragline.security.KeyedHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.security.ApiKeys;
import io.ragline.security.KeyedHttp;
import io.ragline.support.RaglineApps;

/**
 * Bodies built to amplify (ten megabytes of {@code {},}, millions of JSON nodes once parsed into a tree)
 * sent six at a time by one client, to the query and the ingest endpoints, while another client ingests
 * and asks: the attacker gets 413 or 400, the process stays up, and the other client is answered in
 * full and in time throughout.
 */
@Tag("slow")
class AmplifiedBodiesTest {

    private static final String MALLORY = "mallory-key-0c4d";

    @TempDir
    Path work;

    @Test
    void amplifyingBodiesAreStoppedEarlyAndHurtNoOtherClient() throws Exception {
        List<String> args = new ArrayList<>(ApiKeys.settings());
        args.addAll(List.of("--ragline.security.api-keys[3].sha256=" + ApiKeys.sha256(MALLORY),
                "--ragline.security.api-keys[3].client-id=mallory", "--ragline.security.api-keys[3].roles=query,ingest"));
        try (ConfigurableApplicationContext app = RaglineApps.start(work, args.toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"tides\", \"text\": "
                    + "\"Tides are caused by the gravity of the moon and the sun.\"}]}", bearer(ApiKeys.ACME)).status()).isEqualTo(200);

            String padding = "{},".repeat(3_300_000) + "{}";
            String amplifiedQuery = "{\"query\": \"q\", \"x\": [" + padding + "]}";
            String amplifiedDocuments = "{\"documents\": [{\"text\": \"x\"}], \"x\": [" + padding + "]}";
            ExecutorService attackers = Executors.newFixedThreadPool(6);
            List<Future<Integer>> attacks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String body = i % 2 == 0 ? amplifiedQuery : amplifiedDocuments;
                String path = i % 2 == 0 ? "/api/query" : "/api/documents";
                attacks.add(attackers.submit(() -> http.send("POST", path, body, bearer(MALLORY)).status()));
            }

            // meanwhile the other client ingests and asks, and is answered in full each time
            long slowest = 0;
            for (int round = 0; round < 10; round++) {
                long start = System.nanoTime();
                KeyedHttp.Reply ingested = http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"note-" + round
                        + "\", \"text\": \"Herons wade in shallow water, note " + round + ".\"}]}", bearer(ApiKeys.ACME));
                KeyedHttp.Reply answer = http.send("POST", "/api/query", "{\"query\": \"What causes the tides?\"}", bearer(ApiKeys.ACME));
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                assertThat(ingested.status()).isEqualTo(200);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().get("degraded").asBoolean()).isFalse();
                assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("tides");
            }
            for (Future<Integer> attack : attacks) {
                assertThat(attack.get()).isIn(400, 413);
            }
            attackers.shutdown();

            assertThat(slowest).as("the other client's slowest ingest and answer, ms").isLessThan(10_000);
            assertThat(http.send("GET", "/health", null).status()).isEqualTo(200);
            KeyedHttp.Reply refused = http.send("POST", "/api/documents", amplifiedDocuments, bearer(MALLORY));
            assertThat(refused.json().get("error").asText()).contains("ragline.limits.json-tokens");
            assertThat(http.send("POST", "/api/query", amplifiedQuery, bearer(MALLORY)).json().get("error").asText())
                    .contains("ragline.limits.small-request-bytes");
        }
    }
}
