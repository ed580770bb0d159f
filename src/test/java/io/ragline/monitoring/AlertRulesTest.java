package io.ragline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus configuration is valid, and every alert rule passes its unit tests (promtool). */
@Tag("slow")
class AlertRulesTest {

    private static final String ADMIN_KEY_FILE = "/run/secrets/ragline-admin-key";

    @TempDir
    Path copy;

    @Test
    void configurationIsValidAndEveryRulePassesItsTests() throws Exception {
        // promtool checks that the scrape's key file exists: it is mounted only where the stack runs, so the
        // configuration is checked as it stands, with the key file's path pointing at one made here
        String configuration = Files.readString(Monitoring.DIRECTORY.resolve("prometheus.yml"));
        assertThat(configuration).contains("credentials_file: " + ADMIN_KEY_FILE);
        Path key = Files.writeString(copy.resolve("ragline-admin-key"), "an-admin-key\n");
        Files.writeString(copy.resolve("prometheus.yml"), configuration.replace(ADMIN_KEY_FILE, key.toString()));
        Files.copy(Monitoring.DIRECTORY.resolve("alerts.yml"), copy.resolve("alerts.yml"));

        assertThat(Monitoring.promtoolIn(copy, "check", "config", "prometheus.yml")).contains("SUCCESS: 8 rules found");
        assertThat(Monitoring.promtool("test", "rules", "alerts_test.yml")).contains("SUCCESS");
    }
}
