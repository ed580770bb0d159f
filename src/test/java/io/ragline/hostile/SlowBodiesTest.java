package io.ragline.hostile;

import static io.ragline.security.KeyedHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.security.ApiKeys;
import io.ragline.security.KeyedHttp;
import io.ragline.support.RaglineApps;
import io.ragline.support.RawHttp;

/**
 * More connections than Tomcat has request threads, each trickling two bytes a second of its body: each is
 * cut off at {@code ragline.limits.body-read-timeout} with a 408, so another client is answered within
 * seconds, not when the attacker stops. A refusal before the body (a missing key) closes the connection
 * rather than holding a thread to swallow the body.
 */
@Tag("slow")
class SlowBodiesTest {

    private static final int CONNECTIONS = 210;

    @TempDir
    Path work;

    @Test
    void tricklingBodiesAreCutOffAndNoRefusalWaitsForABody() throws Exception {
        List<String> args = new ArrayList<>(ApiKeys.settings());
        args.add("--ragline.limits.body-read-timeout=3s");
        try (ConfigurableApplicationContext app = RaglineApps.start(work, args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            KeyedHttp http = new KeyedHttp(port);
            assertThat(http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"tides\", \"text\": "
                    + "\"Tides are caused by the gravity of the moon.\"}]}", bearer(ApiKeys.ACME)).status()).isEqualTo(200);

            // a refusal before the body closes the connection at once: no thread waits for the other 990 bytes
            try (RawHttp anonymous = new RawHttp(port)) {
                anonymous.send("POST /api/query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"query\":");
                String reply = anonymous.readUntilClosedOrQuiet(2_000);
                assertThat(reply).startsWith("HTTP/1.1 401").doesNotContain(RawHttp.QUIET);
            }

            List<RawHttp> tricklers = new ArrayList<>();
            AtomicBoolean trickling = new AtomicBoolean(true);
            ExecutorService dripper = Executors.newSingleThreadExecutor();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    RawHttp trickler = new RawHttp(port);
                    trickler.send("POST /api/query HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ApiKeys.GLOBEX
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
                    tricklers.add(trickler);
                }
                // a byte every half second to each, for 20 s at most
                dripper.submit(() -> {
                    for (int round = 0; round < 40 && trickling.get(); round++) {
                        for (RawHttp trickler : tricklers) {
                            try {
                                trickler.send(" ");
                            } catch (IOException cutOff) {
                                // the server closed it: as it should
                            }
                        }
                        try {
                            TimeUnit.MILLISECONDS.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });

                long start = System.nanoTime();
                KeyedHttp.Reply answer = http.send("POST", "/api/query", "{\"query\": \"What causes the tides?\"}", bearer(ApiKeys.ACME));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().get("sources").get(0).get("document_id").asText()).isEqualTo("tides");
                assertThat(millis).as("the other client's answer during the attack, ms").isLessThan(10_000);
            } finally {
                trickling.set(false);
                dripper.shutdownNow();
                dripper.awaitTermination(5, TimeUnit.SECONDS);
            }
            for (RawHttp trickler : tricklers) {
                String cutOff = trickler.readUntilClosedOrQuiet(5_000);
                assertThat(cutOff).startsWith("HTTP/1.1 408").contains("ragline.limits.body-read-timeout").doesNotContain(RawHttp.QUIET);
            }
            tricklers.forEach(RawHttp::close);
        }
    }
}
