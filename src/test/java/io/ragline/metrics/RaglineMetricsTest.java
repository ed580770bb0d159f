package io.ragline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Client labels stay bounded by the allow-list, and the cost comes from the provider's token counts and the configured prices. */
class RaglineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RaglineMetrics metrics = new RaglineMetrics(registry, new MetricsSettings(List.of("acme"),
            Map.of("small-model", new MetricsSettings.Price(0.15, 0.60))));

    @Test
    void onlyAllowListedClientsAreLabels() {
        assertThat(metrics.clientLabel("acme")).isEqualTo("acme");
        assertThat(metrics.clientLabel("globex")).isEqualTo(RaglineMetrics.OTHER_CLIENTS);
        assertThat(metrics.clientLabel(null)).isEqualTo(RaglineMetrics.OTHER_CLIENTS);
    }

    @Test
    void tokensAndEstimatedCostPerClientAndModel() {
        metrics.llmUsage("acme", "small-model", 2_000_000, 500_000);
        metrics.llmUsage("globex", "small-model", 1_000_000, 0);
        metrics.llmUsage("acme", "unpriced-model", 10, 10);

        assertThat(registry.get("ragline.llm.tokens").tags("client", "acme", "model", "small-model", "type", "prompt").counter().count())
                .isEqualTo(2_000_000);
        assertThat(registry.get("ragline.llm.cost.usd").tags("client", "acme", "model", "small-model").counter().count())
                .isEqualTo(0.30 + 0.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(registry.get("ragline.llm.cost.usd").tags("client", "other", "model", "small-model").counter().count())
                .isEqualTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        // a model without a price still has its cost series, at zero, as the dashboard's panels expect
        assertThat(registry.get("ragline.llm.cost.usd").tags("model", "unpriced-model").counter().count()).isZero();
    }

    @Test
    void theTokenAndCostSeriesExistBeforeAnyLlmIsCalled() {
        assertThat(registry.get("ragline.llm.tokens").tags("client", "other", "model", "none", "type", "prompt").counter().count()).isZero();
        assertThat(registry.get("ragline.llm.tokens").tags("client", "other", "model", "none", "type", "completion").counter().count()).isZero();
        assertThat(registry.get("ragline.llm.cost.usd").tags("client", "other", "model", "none").counter().count()).isZero();
    }

    @Test
    void cachedAnswersCountAsCacheWhateverStepFirstProducedThem() {
        metrics.answered("rag", true, "acme");
        metrics.answered("keyword", false, "acme");

        assertThat(registry.get("ragline.answers").tags("source", "cache", "client", "acme").counter().count()).isEqualTo(1);
        assertThat(registry.get("ragline.answers").tags("source", "keyword", "client", "acme").counter().count()).isEqualTo(1);
        assertThat(registry.get("ragline.answers").tags("source", "rag", "client", "other").counter().count()).isZero();
    }
}
