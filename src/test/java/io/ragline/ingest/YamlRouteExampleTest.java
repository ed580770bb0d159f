package io.ragline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;
import io.ragline.support.InboxFiles;
import io.ragline.support.RaglineHttp;

/** The shipped YAML route in routes/ loads at start-up, stays off by default and feeds direct:ingest when enabled. */
@Tag("slow")
class YamlRouteExampleTest {

    @TempDir
    Path work;

    @Test
    void theExampleNotesFolderRouteIngestsWhenEnabled() {
        Path notes = work.resolve("notes");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RaglineApplication.class).run(
                "--server.port=0",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"),
                "--ragline.examples.notes-folder.enabled=true",
                "--ragline.examples.notes-folder.path=" + notes,
                "--ragline.examples.notes-folder.client-id=yaml-notes")) {
            CamelContext camel = app.getBean(CamelContext.class);
            assertThat(camel.getRouteController().getRouteStatus("example-notes-folder")).isEqualTo(ServiceStatus.Started);

            InboxFiles.drop(notes, "meeting.txt", "The offsite will take place in Reykjavik in March.".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(notes.resolve(".done").resolve("meeting.txt")));
            RaglineHttp http = new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            var answer = http.query("yaml-notes", "Where is the offsite?", 3);
            assertThat(answer.get("answer").asText()).contains("Reykjavik");
            assertThat(answer.get("sources").get(0).get("title").asText()).isEqualTo("meeting.txt");
        }
    }

    @Test
    void theExampleRouteIsOffByDefault() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RaglineApplication.class).run(
                "--server.port=0",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"))) {
            CamelContext camel = app.getBean(CamelContext.class);
            assertThat(camel.getRoute("example-notes-folder")).as("loaded from routes/").isNotNull();
            assertThat(camel.getRouteController().getRouteStatus("example-notes-folder")).isEqualTo(ServiceStatus.Stopped);
        }
    }
}
