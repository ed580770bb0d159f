package io.ragline.ingest.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file replaced while its previous version is being ingested: the real file consumer moves by name, so
 * it moves the new version to {@code .done/} (or {@code .failed/}) unread; {@link ReplacedFiles} puts it
 * back, and it is ingested at the next poll.
 */
class ReplacedWhileIngestedTest extends CamelTestSupport {

    @TempDir
    Path work;

    private final List<String> ingested = new CopyOnWriteArrayList<>();
    private volatile boolean firstAttemptFails;

    private Path inbox() {
        return work.resolve("inbox");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() throws Exception {
        Files.createDirectories(inbox().resolve("zoo"));
        ReplacedFiles replacedFiles = new ReplacedFiles(inbox(), new FolderKeys(inbox()));
        String path = inbox().toString();
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the consume mode's move, as FileIngestRoutes sets it
                from("file:" + path + "?recursive=true&delay=20&readLock=none&move=" + path + "/.done/${file:name}"
                        + "&moveFailed=" + path + "/.failed/${file:name}")
                        .routeId("inbox")
                        .bean(replacedFiles, "watch")
                        .process(exchange -> {
                            ingested.add(exchange.getMessage().getBody(String.class));
                            if (ingested.size() == 1) {
                                saveAsAnEditorDoes(inbox().resolve("zoo/tapirs.txt"), "Tapirs, second version.");
                                if (firstAttemptFails) {
                                    throw new IllegalStateException("the first version cannot be ingested");
                                }
                            }
                        });
            }
        };
    }

    @ParameterizedTest(name = "the first version fails: {0}")
    @ValueSource(booleans = {false, true})
    void theNewVersionIsPutBackAndIngestedInsteadOfMovedUnread(boolean failFirst) throws Exception {
        firstAttemptFails = failFirst;
        Files.writeString(inbox().resolve("zoo/tapirs.txt"), "Tapirs, first version.");

        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.size() == 2
                && Files.exists(inbox().resolve(".done/zoo/tapirs.txt")) && !Files.exists(inbox().resolve("zoo/tapirs.txt")));

        assertThat(ingested).containsExactly("Tapirs, first version.", "Tapirs, second version.");
        assertThat(Files.readString(inbox().resolve(".done/zoo/tapirs.txt"))).isEqualTo("Tapirs, second version.");
        assertThat(inbox().resolve(".failed/zoo/tapirs.txt")).as("nothing left where the first version failed").doesNotExist();
    }

    /** Written beside, then renamed over the old file: a new file at the same name. */
    private void saveAsAnEditorDoes(Path file, String text) throws Exception {
        Path written = Files.writeString(work.resolve("saved.txt"), text);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
