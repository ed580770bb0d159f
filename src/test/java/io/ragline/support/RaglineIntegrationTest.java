package io.ragline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application for every integration test: real ONNX model, real Lucene index and inbox in a
 * temporary folder. Tests stay independent by using their own client ids.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("slow")
public abstract class RaglineIntegrationTest {

    protected static final Path WORK = createWorkDir();
    protected static final Path INBOX = WORK.resolve("inbox");
    /** Text files over this size are streamed in sections; low, so tests need no huge files. */
    protected static final long STREAM_THRESHOLD_BYTES = 150_000;
    protected static final long REQUEST_BYTES = 1_000_000;

    @LocalServerPort
    private int port;

    protected RaglineHttp http;

    @DynamicPropertySource
    static void embeddedDefaultsInTempFolders(DynamicPropertyRegistry registry) {
        registry.add("ragline.ingest.inbox", INBOX::toString);
        registry.add("ragline.store.lucene.path", () -> WORK.resolve("index").toString());
        registry.add("ragline.ingest.idempotency.path", () -> WORK.resolve("idempotency").toString());
        registry.add("spring.artemis.embedded.data-directory", () -> WORK.resolve("artemis").toString());
        registry.add("ragline.ingest.folder.poll-delay", () -> "100ms");
        registry.add("ragline.ingest.folder.stream-threshold-bytes", () -> STREAM_THRESHOLD_BYTES);
        registry.add("ragline.ingest.folder.read-lock-check-interval", () -> "250ms");
        registry.add("ragline.ingest.folder.read-lock-min-age", () -> "500ms");
        // small, so a test can go past it with a body Tomcat still reads to the end
        registry.add("ragline.limits.request-bytes", () -> REQUEST_BYTES);
    }

    @BeforeEach
    void httpClient() {
        http = new RaglineHttp(port);
    }

    /** A client id no other test uses. */
    protected static String newClient(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("ragline-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
