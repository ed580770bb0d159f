package io.ragline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.support.RaglineApps;
import io.ragline.support.RaglineHttp;

/**
 * /health and /actuator/health are one computation: with the answer cache's Redis unreachable both say
 * degraded and still answer 200 (questions are answered without the cache), both name the same
 * components, and /health/db alone answers 503.
 */
@Tag("slow")
class HealthEndpointsAgreeTest {

    @TempDir
    Path work;

    @Test
    void bothEndpointsReportTheSameDegradedState() {
        try (ConfigurableApplicationContext app = RaglineApps.start(work,
                "--ragline.cache.backend=redis",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=9")) {
            RaglineHttp http = RaglineApps.http(app);
            RaglineHttp.Reply ragline = http.get("/health");
            RaglineHttp.Reply actuator = http.get("/actuator/health");

            assertThat(ragline.status()).as(ragline.json().toString()).isEqualTo(200);
            assertThat(actuator.status()).isEqualTo(200);
            assertThat(ragline.json().get("status").asText()).isEqualTo("degraded");
            assertThat(actuator.json().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(ragline.json().get("failed")).extracting(JsonNode::asText).containsExactly("db");
            assertThat(ragline.json().get("components").fieldNames()).toIterable()
                    .containsExactlyInAnyOrderElementsOf(() -> actuator.json().get("components").fieldNames())
                    .contains("vector", "ai", "db");
            assertThat(http.get("/health/db").status()).isEqualTo(503);
            assertThat(http.get("/health/vector").status()).isEqualTo(200);
            assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        }
    }
}
