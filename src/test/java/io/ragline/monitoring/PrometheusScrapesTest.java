package io.ragline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.ChildApplication;
import io.ragline.support.FreePorts;

/**
 * A real Prometheus (Debian's package) scrapes a running application and evaluates monitoring/alerts.yml:
 * the target is up, every rule loads and evaluates without error, nothing fires for an application that
 * has just started (as a deployment starts one), and the restart rule fires once the same application is
 * killed and started again on its port (in a JVM of its own: the start time is the JVM's).
 */
@Tag("slow")
class PrometheusScrapesTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void prometheusScrapesTheAppAndEvaluatesEveryRule() throws Exception {
        Files.createDirectories(work.resolve("app"));
        ChildApplication first = ChildApplication.start(work.resolve("app"), "prometheus-target");
        ChildApplication app = first;
        try {
            int appPort = app.port();
            int prometheusPort = FreePorts.next();
            Path config = work.resolve("prometheus.yml");
            Files.writeString(config, """
                    global:
                      scrape_interval: 1s
                      evaluation_interval: 1s
                    rule_files:
                      - %s
                    scrape_configs:
                      - job_name: ragline
                        metrics_path: /actuator/prometheus
                        static_configs:
                          - targets: ["127.0.0.1:%d"]
                            labels:
                              colour: blue
                    """.formatted(Monitoring.DIRECTORY.resolve("alerts.yml").toAbsolutePath(), appPort));
            Process prometheus = new ProcessBuilder("prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
            try {
                String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode targets = get(api + "targets").path("data").path("activeTargets");
                    assertThat(targets).hasSize(1);
                    assertThat(targets.get(0).path("health").asText()).isEqualTo("up");
                });
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode rules = get(api + "rules").path("data").path("groups").get(0).path("rules");
                    assertThat(rules).hasSize(8);
                    assertThat(rules).allSatisfy(rule -> assertThat(rule.path("health").asText()).as(rule.path("name").asText()).isEqualTo("ok"));
                    assertThat(rules).allSatisfy(rule -> assertThat(rule.path("lastEvaluation").asText()).doesNotStartWith("0001"));
                });
                assertThat(get(api + "alerts").path("data").path("alerts")).as("a colour that just started is no restart")
                        .noneSatisfy(alert -> assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("RaglineJustRestarted"));

                // the same colour killed and started again: a restart while it ran
                first.kill();
                app = ChildApplication.startOn(appPort, work.resolve("app"), "prometheus-target-again");
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode alerts = get(api + "alerts").path("data").path("alerts");
                    assertThat(alerts).anySatisfy(alert -> {
                        assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("RaglineJustRestarted");
                        assertThat(alert.path("labels").path("colour").asText()).isEqualTo("blue");
                        assertThat(alert.path("state").asText()).isEqualTo("firing");
                    });
                });
                JsonNode heap = get(api + "query?query=ragline_heap_used_ratio").path("data").path("result");
                assertThat(heap.get(0).path("value").get(1).asDouble()).isBetween(0.0, 1.0);
            } finally {
                prometheus.destroy();
                prometheus.waitFor();
            }
        } finally {
            app.kill();
        }
    }

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
