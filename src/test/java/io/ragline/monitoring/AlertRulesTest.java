package io.ragline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The Prometheus configuration is valid, and every alert rule passes its unit tests (promtool). */
@Tag("slow")
class AlertRulesTest {

    @Test
    void configurationIsValidAndEveryRulePassesItsTests() throws Exception {
        assertThat(Monitoring.promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 8 rules found");
        assertThat(Monitoring.promtool("test", "rules", "alerts_test.yml")).contains("SUCCESS");
    }
}
