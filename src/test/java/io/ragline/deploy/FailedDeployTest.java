package io.ragline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.support.RaglineHttp;
import io.ragline.support.RequiresServices;

/**
 * A version that fails its smoke test (it refuses every request body over 20 bytes) is never given
 * traffic: scripts/deploy exits non-zero with the reason, stops it, and the old colour keeps serving
 * without a single failed request.
 */
@Tag("slow")
@RequiresServices
class FailedDeployTest {

    @TempDir
    Path home;

    @Test
    void aVersionFailingItsSmokeTestNeverGetsTraffic() throws Exception {
        try (Deployments deployments = new Deployments(home)) {
            deployments.release("v1", null);
            deployments.release("v2-broken", "ragline:\n  limits:\n    request-bytes: 20B\n");
            assertThat(deployments.deploy("v1")).as(deployments.log("v1")).isZero();

            try (NginxLoad load = new NginxLoad(deployments.nginxUrl())) {
                load.start();
                int exit = deployments.deploy("v2-broken");
                await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
                load.close();
                assertThat(exit).isNotZero();
                assertThat(deployments.log("v2-broken")).contains("FAILED: smoke tests").contains("traffic stays on blue");
                assertThat(load.failures).as("failed requests").isEmpty();
                assertThat(load.requests()).isGreaterThan(50);
            }
            assertThat(deployments.activeColour()).isEqualTo("blue");
            assertThat(new RaglineHttp(deployments.nginxPort).get("/health").json().get("version").asText()).isEqualTo("v1");
        }
    }
}
