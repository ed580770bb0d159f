package io.ragline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineApps;

/**
 * Every metric the alert rules and the Grafana dashboard read is exported by a freshly started
 * application on its embedded defaults (no Kafka, no LLM), before any traffic: a renamed meter, or one
 * that exists only once its feature is on, fails here, not in a silent dashboard.
 */
@Tag("slow")
class ExportedMetricsTest {

    @TempDir
    Path work;

    @Test
    void everyMetricTheRulesAndDashboardsReadIsExportedOnTheDefaults() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work)) {
            String scrape = RaglineApps.http(app).text("/actuator/prometheus");
            Set<String> exported = Arrays.stream(scrape.split("\n"))
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .collect(Collectors.toSet());

            Set<String> named = Monitoring.metricsNamed();
            assertThat(named).as("metrics the rules and dashboards read").hasSizeGreaterThan(10);
            assertThat(exported).containsAll(named);
        }
    }
}
