package io.ragline.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ragline.support.RaglineApps;

/** With JSON logs switched on, the lines of an exchange carry its exchange id and its client id. */
@Tag("slow")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void logLinesAreJsonWithTheExchangeAndClient(CapturedOutput output) {
        try (ConfigurableApplicationContext app = RaglineApps.start(work, "--logging.structured.format.console=ecs")) {
            app.getBean(JmsTemplate.class).convertAndSend("ragline.documents",
                    "{\"id\": \"logged\", \"client_id\": \"log-client\", \"text\": \"Every line of this exchange names its client.\"}");

            await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Indexed log-client/logged"));
            JsonNode line = Arrays.stream(output.getOut().split("\n"))
                    .filter(text -> text.contains("Indexed log-client/logged"))
                    .map(this::parse).findFirst().orElseThrow();
            assertThat(line.path("client_id").asText()).isEqualTo("log-client");
            assertThat(line.path("camel").path("exchangeId").asText()).isNotBlank();
            assertThat(line.path("log").path("level").asText()).isEqualTo("INFO");
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.substring(text.indexOf('{')));
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + text, e);
        }
    }
}
