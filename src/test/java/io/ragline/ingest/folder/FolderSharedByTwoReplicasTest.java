package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;
import io.ragline.store.StoredDocument;
import io.ragline.store.VectorStore;
import io.ragline.support.InboxFiles;
import io.ragline.support.TestServices;
import io.ragline.support.RequiresServices;

/** Two replicas poll one inbox and share one idempotent repository: each file is indexed by exactly one of them. */
@Tag("slow")
@RequiresServices
class FolderSharedByTwoReplicasTest {

    private static final int FILES = 30;

    @TempDir
    Path work;

    /** With the idempotent repository in a shared directory, and in Redis. */
    @ParameterizedTest(name = "repository in {0}")
    @ValueSource(strings = {"directory", "redis"})
    void eachFileIsProcessedByExactlyOneReplica(String repository) throws IOException {
        Path inbox = work.resolve("inbox");
        try (ConfigurableApplicationContext first = start("a", repository);
             ConfigurableApplicationContext second = start("b", repository)) {
            for (int i = 0; i < FILES; i++) {
                InboxFiles.drop(inbox, "shared/note-" + i + ".txt",
                        ("Shared note " + i + " describes harbour crane number " + i + ".").getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> filesUnder(inbox.resolve(FailedFileNotes.DONE_DIR)) == FILES);
            // a replica that took a file twice would commit it after the move: give it the chance to show
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> filesUnder(inbox) == FILES);

            List<StoredDocument> inFirst = first.getBean(VectorStore.class).documentsBySource(FolderFiles.SOURCE_PREFIX);
            List<StoredDocument> inSecond = second.getBean(VectorStore.class).documentsBySource(FolderFiles.SOURCE_PREFIX);
            Set<String> sources = new HashSet<>();
            inFirst.forEach(document -> sources.add(document.source()));
            inSecond.forEach(document -> sources.add(document.source()));
            assertThat(inFirst.size() + inSecond.size()).as("documents indexed by both replicas together").isEqualTo(FILES);
            assertThat(sources).as("distinct files indexed").hasSize(FILES);
            assertThat(first.getBean(VectorStore.class).count("shared") + second.getBean(VectorStore.class).count("shared"))
                    .as("one chunk per file").isEqualTo(FILES);
            assertThat(filesUnder(inbox.resolve(FailedFileNotes.FAILED_DIR))).isZero();
        }
    }

    private ConfigurableApplicationContext start(String replica, String repository) {
        List<String> redis = repository.equals("redis")
                ? List.of("--spring.data.redis.host=" + TestServices.redisHost(), "--spring.data.redis.port=" + TestServices.redisPort())
                : List.of();
        return new SpringApplicationBuilder(RaglineApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0",
                "--ragline.ingest.idempotency.backend=" + repository,
                "--ragline.ingest.jms.enabled=false",
                "--ragline.ingest.inbox=" + work.resolve("inbox"),
                "--ragline.ingest.idempotency.path=" + work.resolve("idempotency"),
                "--ragline.ingest.folder.poll-delay=50ms",
                "--ragline.ingest.folder.read-lock-check-interval=200ms",
                "--ragline.ingest.folder.read-lock-min-age=300ms",
                "--spring.artemis.embedded.data-directory=" + work.resolve("artemis-" + replica),
                "--ragline.store.lucene.path=" + work.resolve("index-" + replica)), redis.stream()).toArray(String[]::new));
    }

    private static long filesUnder(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
