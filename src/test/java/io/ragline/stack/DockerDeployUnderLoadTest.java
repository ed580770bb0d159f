package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.ragline.deploy.NginxLoad;
import io.ragline.support.RequiresStack;

/**
 * scripts/deploy on Docker replaces the active colour by a new version, built from this checkout, while
 * about 20 queries and one ingest a second go through nginx over TLS: no request fails, no document is
 * lost, the env file names the version each colour runs, nginx serves the new one, and the team's
 * receiver gets the deployment's notice.
 */
@Tag("stack")
@RequiresStack
class DockerDeployUnderLoadTest {

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void aDeploymentUnderLoadFailsNoRequestAndLosesNoDocument() throws Exception {
        stack.awaitHealthy(Duration.ofMinutes(3));
        String before = stack.activeColour();
        String target = before.equals("blue") ? "green" : "blue";
        String version = "deploy-" + Long.toString(System.currentTimeMillis(), 36);
        String prefix = version + "-t";

        long start = System.nanoTime();
        Stack.Run deployment;
        try (NginxLoad load = new NginxLoad(stack.url, stack.https, stack.apiKey, prefix)) {
            load.start();
            deployment = stack.deploy(version);
            await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(40))
                    .until(() -> System.nanoTime() - start >= Duration.ofSeconds(30).toNanos());
            load.close();
            assertThat(deployment.exit()).as(deployment.output()).isZero();
            assertThat(load.failures).as("failed requests during the deployment").isEmpty();
            assertThat(load.requests()).as("requests sent").isGreaterThan(500);
            assertThat(stack.sql("SELECT count(DISTINCT document_id) FROM chunks WHERE document_id LIKE '" + prefix + "%'"))
                    .as("documents ingested during the deployment, stored").isEqualTo(Integer.toString(load.ingested()));
        }
        assertThat(stack.get("/health").json().get("version").asText()).isEqualTo(version);
        assertThat(stack.activeColour()).isEqualTo(target);
        assertThat(stack.setting(target.toUpperCase() + "_VERSION")).isEqualTo(version);
        assertThat(stack.compose("ps", "--status", "running", "--format", "{{.Service}}").output())
                .contains("ragline-" + target).doesNotContain("ragline-" + before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stack.alerts("firing",
                Map.of("alertname", "RaglineDeployment", "outcome", "success", "version", version))).hasSize(1));
        List<String> log = deployment.output().lines().toList();
        assertThat(log).anyMatch(line -> line.contains("done: " + version + " serves from " + target));
    }
}
