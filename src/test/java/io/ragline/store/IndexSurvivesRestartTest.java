package io.ragline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;
import io.ragline.support.RaglineHttp;

@Tag("slow")
class IndexSurvivesRestartTest {

    @TempDir
    Path work;

    @Test
    void documentsIndexedBeforeARestartAreFoundAfterIt() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            RaglineHttp http = httpOf(first);
            assertThat(http.post("/api/documents", Map.of("client_id", "restart", "documents",
                    List.of(Map.of("id", "durable", "text", "Tardigrades survive the vacuum of outer space.")))).status())
                    .isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            RaglineHttp http = httpOf(second);
            var answer = http.query("restart", "Which animal survives in outer space?", 3);
            assertThat(answer.get("sources").get(0).get("document_id").asText()).isEqualTo("durable");
            assertThat(second.getBean(VectorStore.class).count("restart")).isEqualTo(1);
        }
        assertThat(Files.list(work.resolve("index"))).isNotEmpty();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RaglineApplication.class).run(
                "--server.port=0",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis"),
                "--ragline.store.lucene.path=" + work.resolve("index"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"));
    }

    private static RaglineHttp httpOf(ConfigurableApplicationContext context) {
        return new RaglineHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
