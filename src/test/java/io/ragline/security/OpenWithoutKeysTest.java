package io.ragline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineApps;

/**
 * Without keys (the embedded default) the API serves local use as before, a warning says so at start-up,
 * and a caller still cannot forge the authenticated-client header to act for a client it does not name.
 */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class OpenWithoutKeysTest {

    @TempDir
    Path work;

    @Test
    void theApiIsOpenAndSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext app = RaglineApps.start(work)) {
            assertThat(output.getAll()).contains("No API keys configured (ragline.security.api-keys)");
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(http.send("POST", "/api/documents", "{\"client_id\": \"local\", \"documents\": [{\"id\": \"d\", \"text\": "
                    + "\"Local use needs no key.\"}]}").status()).isEqualTo(200);
            KeyedHttp.Reply forged = http.send("POST", "/api/query", "{\"query\": \"Does local use need a key?\", \"client_id\": \"other\"}",
                    "RaglineAuthenticatedClient", "local");
            assertThat(forged.status()).isEqualTo(200);
            assertThat(forged.json().get("sources")).as("the forged header is dropped: client other sees nothing of local").isEmpty();
            assertThat(http.send("GET", "/actuator/metrics", null).status()).isEqualTo(200);
        }
    }
}
