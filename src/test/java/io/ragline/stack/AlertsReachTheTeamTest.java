package io.ragline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.RequiresStack;

/**
 * Monitoring on the running stack: Prometheus has loaded every alert rule, every panel query of the
 * Grafana dashboard returns series once traffic went through, and killing the serving colour fires
 * RaglineDown at the team's receiver through Alertmanager. Grafana itself is not packaged by Debian, so
 * the stack cannot build its image here: its dashboard's queries are evaluated on the stack's Prometheus,
 * which is what Grafana would ask.
 */
@Tag("stack")
@RequiresStack
class AlertsReachTheTeamTest {

    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*- alert: (\\w+)");

    private final Stack stack = Stack.fromEnvironment();

    @Test
    void everyRuleIsLoadedEveryPanelHasSeriesAndRaglineDownReachesTheReceiver() throws Exception {
        stack.awaitHealthy(Duration.ofMinutes(3));
        List<String> rules = new ArrayList<>();
        Matcher alert = ALERT.matcher(Files.readString(Path.of("monitoring/alerts.yml")));
        while (alert.find()) {
            rules.add(alert.group(1));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(8);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(loadedRules()).containsExactlyInAnyOrderElementsOf(rules));

        assertThat(stack.ingest("monitoring-lighthouse", "The lighthouse on the point was built in 1871.").status()).isEqualTo(200);
        List<String> queries = dashboardQueries();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            stack.query("When was the lighthouse built?");
            List<String> empty = queries.stream().filter(query -> series(query) == 0).toList();
            assertThat(empty).as("dashboard queries without series").isEmpty();
        });

        String colour = stack.activeColour();
        Stack.Run killed = stack.compose("kill", "ragline-" + colour);
        assertThat(killed.exit()).as(killed.output()).isZero();
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(stack.alerts("firing", Map.of("alertname", "RaglineDown", "severity", "critical"))).isNotEmpty());
        } finally {
            stack.compose("start", "ragline-" + colour);
        }
        stack.awaitHealthy(Duration.ofMinutes(3));
    }

    private List<String> loadedRules() {
        List<String> names = new ArrayList<>();
        JsonNode groups = stack.prometheus("/api/v1/rules?type=alert").orElseThrow().path("data").path("groups");
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                names.add(rule.path("name").asText());
            }
        }
        return names;
    }

    private List<String> dashboardQueries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("monitoring/grafana/dashboards/ragline.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(target.get("expr").asText());
                }
            }
        }
        assertThat(queries).isNotEmpty();
        return queries;
    }

    private int series(String query) {
        return stack.prometheus("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .map(answer -> answer.path("data").path("result").size()).orElse(0);
    }
}
