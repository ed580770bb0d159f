package io.ragline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ragline.support.RaglineHttp;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/**
 * scripts/deploy replaces v1 by v2 while about 20 queries a second and a trickle of ingests go through
 * nginx: no request fails, no ingested document is lost, and /health through nginx reports v2.
 */
@Tag("slow")
@RequiresServices
class DeployUnderLoadTest {

    @TempDir
    Path home;

    @Test
    void aDeploymentUnderLoadFailsNoRequestAndLosesNoDocument() throws Exception {
        try (Deployments deployments = new Deployments(home)) {
            deployments.release("v1", null);
            deployments.release("v2", null);
            assertThat(deployments.deploy("v1")).as(deployments.log("v1")).isZero();
            assertThat(deployments.activeColour()).isEqualTo("blue");

            RaglineHttp nginx = new RaglineHttp(deployments.nginxPort);
            assertThat(nginx.post("/api/documents", Map.of("client_id", "golden", "documents", List.of(
                    Map.of("id", "harbour", "text", "The harbour office opens at seven in the morning and closes at noon."),
                    Map.of("id", "tides", "text", "Spring tides happen when the sun and the moon line up."),
                    Map.of("id", "ferry", "text", "The ferry to the island leaves every two hours from pier four.")))).status())
                    .isEqualTo(200);
            deployments.golden(List.of(
                    "{\"client_id\": \"golden\", \"query\": \"When does the harbour office open?\", \"document_id\": \"harbour\"}",
                    "{\"client_id\": \"golden\", \"query\": \"What causes spring tides?\", \"document_id\": \"tides\"}",
                    "{\"client_id\": \"golden\", \"query\": \"Where does the island ferry leave from?\", \"document_id\": \"ferry\"}"));

            long start = System.nanoTime();
            int exit;
            try (NginxLoad load = new NginxLoad(deployments.nginxUrl())) {
                load.start();
                exit = deployments.deploy("v2");
                await().pollDelay(Duration.ZERO).atMost(Duration.ofSeconds(40))
                        .until(() -> System.nanoTime() - start >= Duration.ofSeconds(30).toNanos());
                load.close();
                assertThat(exit).as(deployments.log("v2")).isZero();
                assertThat(load.failures).as("failed requests during the deployment").isEmpty();
                assertThat(load.requests()).as("requests sent").isGreaterThan(400);
                assertThat(storedDocuments(deployments.databaseUrl)).as("trickle documents stored").isEqualTo(load.ingested());
            }
            assertThat(nginx.get("/health").json().get("version").asText()).isEqualTo("v2");
            assertThat(deployments.activeColour()).isEqualTo("green");
        }
    }

    private static long storedDocuments(String databaseUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl, TestServices.postgresUser(), "");
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT count(DISTINCT document_id) FROM chunks WHERE client_id = '" + NginxLoad.CLIENT + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
