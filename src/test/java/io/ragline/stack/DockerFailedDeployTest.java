package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.deploy.NginxLoad;
import io.ragline.support.RequiresStack;

/**
 * A version whose smoke test fails (its own configuration refuses every request body) never receives
 * traffic on Docker: no request fails meanwhile, the env file and nginx still name what they named, and
 * the team's receiver gets the rollback notice.
 */
@Tag("stack")
@RequiresStack
class DockerFailedDeployTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void aVersionFailingItsSmokeTestNeverGetsTraffic() throws Exception {
        stack.awaitHealthy(Duration.ofMinutes(3));
        String active = stack.activeColour();
        String activeVersion = stack.get("/health").json().get("version").asText();
        String version = "broken-" + Long.toString(System.currentTimeMillis(), 36);
        String envBefore = Files.readString(stack.envFile);
        Path upstream = Path.of(stack.setting("RAGLINE_NGINX_ACTIVE_DIR"), "upstream.conf");
        String upstreamBefore = Files.readString(upstream);
        // the running version, configured to refuse any body over 20 bytes
        Stack.Run built = stack.docker("build", "-t", "ragline:" + version, "--build-arg", "FROM=ragline:" + activeVersion,
                "-f", "src/test/resources/stack/broken-release.Dockerfile", "src/test/resources/stack");
        assertThat(built.exit()).as(built.output()).isZero();

        Stack.Run deployment;
        try (NginxLoad load = new NginxLoad(stack.url, stack.https, stack.apiKey, version + "-t")) {
            load.start();
            deployment = stack.deploy(version);
            load.close();
            assertThat(load.failures).as("failed requests").isEmpty();
            assertThat(load.requests()).isGreaterThan(100);
        }
        assertThat(deployment.exit()).isNotZero();
        assertThat(deployment.output()).contains("FAILED: smoke tests").contains("traffic stays on " + active);
        assertThat(stack.activeColour()).isEqualTo(active);
        assertThat(Files.readString(stack.envFile)).isEqualTo(envBefore);
        assertThat(Files.readString(upstream)).isEqualTo(upstreamBefore);
        assertThat(stack.get("/health").json().get("version").asText()).isEqualTo(activeVersion);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.alerts("firing",
                Map.of("alertname", "RaglineDeployment", "outcome", "rollback", "version", version))).hasSize(1));
    }
}
