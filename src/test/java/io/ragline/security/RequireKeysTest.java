package io.ragline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineApps;

/**
 * With ragline.security.require-keys, as a deployment sets it, a missing key file stops the start-up
 * instead of serving the API open; with a key, it starts and the API needs that key.
 */
@Tag("slow")
class RequireKeysTest {

    @TempDir
    Path work;

    @Test
    void requiredKeysThatAreMissingStopTheStartUp() {
        assertThatThrownBy(() -> RaglineApps.start(work.resolve("open"), "--ragline.security.require-keys=true").close())
                .hasStackTraceContaining("refusing to serve the API open");

        List<String> keyed = new ArrayList<>(ApiKeys.settings());
        keyed.add("--ragline.security.require-keys=true");
        try (ConfigurableApplicationContext app = RaglineApps.start(work.resolve("keyed"), keyed.toArray(String[]::new))) {
            assertThat(RaglineApps.http(app).post("/api/query", "{\"query\": \"q\"}").status()).isEqualTo(401);
        }
    }
}
