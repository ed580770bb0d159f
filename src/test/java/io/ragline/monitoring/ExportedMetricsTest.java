package io.ragline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.EmbeddedKafka;
import io.ragline.support.RaglineApps;

/**
 * Every metric the alert rules and the Grafana dashboard read is exported by a freshly started
 * application, before any traffic: a renamed meter fails here, not in a silent dashboard.
 */
@Tag("slow")
class ExportedMetricsTest {

    @RegisterExtension
    static final EmbeddedKafka kafka = new EmbeddedKafka("ragline.documents", "ragline.documents.dlq");

    @TempDir
    Path work;

    @Test
    void everyMetricTheRulesAndDashboardsReadIsExported() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.ingest.kafka.enabled=true",
                "--ragline.ingest.kafka.brokers=" + kafka.brokers(),
                "--ragline.llm.provider=openai",
                "--ragline.llm.openai.base-url=http://127.0.0.1:9/v1",
                "--ragline.llm.openai.model=small-model",
                "--ragline.metrics.prices.small-model.input-per-million=0.15",
                "--ragline.metrics.prices.small-model.output-per-million=0.6")) {
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
