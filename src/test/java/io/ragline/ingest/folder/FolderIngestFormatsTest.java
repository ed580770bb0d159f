package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.document.DocumentIds;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineIntegrationTest;

@Tag("slow")
class FolderIngestFormatsTest extends RaglineIntegrationTest {

    static java.util.stream.Stream<Arguments> formats() {
        return java.util.stream.Stream.of(
                Arguments.of("notes.txt", "Flamingos are pink because of the carotenoids in the shrimp they eat.".getBytes(StandardCharsets.UTF_8),
                        "Why are flamingos pink?", "carotenoids"),
                Arguments.of("guide.md", "# Field guide\n\nThe **axolotl** can regrow its limbs, heart and parts of its brain.".getBytes(StandardCharsets.UTF_8),
                        "Which animal regrows its limbs?", "axolotl"),
                Arguments.of("page.html", "<html><head><title>Stars</title><script>var hidden='noise';</script></head><body><p>Neutron stars are so dense that a teaspoon weighs a billion tonnes.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8), "How dense are neutron stars?", "teaspoon"),
                Arguments.of("report.pdf", InboxFiles.pdf("Quarterly report.", "The Oslo office cut its energy use by thirty percent with heat pumps."),
                        "How did the Oslo office cut energy use?", "heat pumps"),
                Arguments.of("handbook.docx", InboxFiles.docx("Employee handbook", "New employees receive a brass key to the rooftop garden on their first day."),
                        "What do new employees receive on their first day?", "brass key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void eachFormatDroppedIntoAClientFolderBecomesSearchable(String fileName, byte[] content, String question, String expected) {
        String client = newClient("folder");
        InboxFiles.drop(INBOX, client + "/docs/" + fileName, content);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(INBOX.resolve(".done").resolve(client).resolve("docs").resolve(fileName)));

        JsonNode answer = http.query(client, question, 3);
        JsonNode top = answer.get("sources").get(0);
        assertThat(top.get("text").asText()).contains(expected);
        assertThat(top.get("title").asText()).isEqualTo(fileName);
        assertThat(top.get("document_id").asText()).isEqualTo(DocumentIds.forSource(client, client + "/docs/" + fileName));
        assertThat(answer.get("answer").asText()).contains(expected).contains("[1]");
        assertThat(answer.get("answer").asText()).doesNotContain("noise");
    }
}
