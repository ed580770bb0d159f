package io.ragline.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.ChildApplication;
import io.ragline.support.InboxFiles;

/**
 * With JSON logs switched on, the lines of an exchange carry its exchange id and its client id. The
 * application runs in a JVM of its own: logging is set up once per JVM.
 */
@Tag("slow")
class StructuredLogsTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void logLinesAreJsonWithTheExchangeAndClient() throws Exception {
        ChildApplication app = ChildApplication.start(work, "json-logs", "--logging.structured.format.console=ecs");
        try {
            InboxFiles.drop(work.resolve("inbox"), "log-client/logged.txt",
                    "Every line of this exchange names its client.".getBytes(StandardCharsets.UTF_8));
            Path log = work.resolve("json-logs.log");
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("Indexed log-client/"));
            JsonNode line = Files.readAllLines(log).stream().filter(text -> text.contains("Indexed log-client/"))
                    .map(this::parse).findFirst().orElseThrow();
            assertThat(line.path("client_id").asText()).isEqualTo("log-client");
            assertThat(line.path("camel").path("exchangeId").asText()).isNotBlank();
            assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        } finally {
            app.kill();
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + text, e);
        }
    }
}
