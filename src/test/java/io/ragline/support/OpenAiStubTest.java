package io.ragline.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.ragline.resilience.CircuitBreakers;

/**
 * The application against an OpenAI-compatible server played by WireMock, with near-zero redelivery
 * delays and a short open state. Every test starts with a healthy server and closed breakers. All
 * subclasses share one configuration, so one application: two would contend for the index lock.
 */
@org.apache.camel.test.spring.junit5.CamelSpringBootTest
// metrics are part of what is tested: keep the Prometheus endpoint that tests turn off by default
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("slow")
public abstract class OpenAiStubTest {

    protected static final WireMockServer OPENAI = startServer();
    /** Its own index and inbox: the index records the embedding model, and this is another one. */
    protected static final java.nio.file.Path WORK = createWorkDir();
    protected static final java.nio.file.Path OPENAI_INBOX = WORK.resolve("inbox");

    @org.springframework.boot.test.web.server.LocalServerPort
    private int port;

    protected RaglineHttp http;

    @Autowired
    protected CircuitBreakers breakers;

    @DynamicPropertySource
    static void openAiProvider(DynamicPropertyRegistry registry) {
        registry.add("ragline.store.lucene.path", () -> WORK.resolve("index").toString());
        registry.add("ragline.ingest.idempotency.path", () -> WORK.resolve("idempotency").toString());
        registry.add("spring.artemis.embedded.data-directory", () -> WORK.resolve("artemis").toString());
        registry.add("ragline.ingest.folder.poll-delay", () -> "100ms");
        registry.add("ragline.ingest.folder.read-lock-check-interval", () -> "250ms");
        registry.add("ragline.ingest.folder.read-lock-min-age", () -> "500ms");
        registry.add("ragline.ingest.inbox", OPENAI_INBOX::toString);
        registry.add("ragline.embedding.provider", () -> "openai");
        registry.add("ragline.embedding.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("ragline.embedding.openai.model", () -> "fake-embedding");
        // Camel starts only once the test runs, after the runner that would ask the provider
        registry.add("ragline.embedding.openai.dimension", () -> FakeEmbeddings.DIMENSION);
        registry.add("ragline.llm.provider", () -> "openai");
        registry.add("ragline.llm.openai.base-url", () -> OPENAI.baseUrl() + "/v1");
        registry.add("ragline.llm.openai.model", () -> "fake-chat");
        // two chunks per embedding call: a document spans several batches
        registry.add("ragline.embedding.batch-size", () -> "2");
        registry.add("ragline.resilience.ingest.initial-delay", () -> "10ms");
        registry.add("ragline.resilience.ingest.max-delay", () -> "50ms");
        registry.add("ragline.resilience.query.initial-delay", () -> "10ms");
        registry.add("ragline.resilience.query.max-retry-after", () -> "3s");
        registry.add("ragline.resilience.embedding.wait-in-open-state", () -> "2s");
        registry.add("ragline.resilience.embedding.query-timeout", () -> "1s");
        registry.add("ragline.resilience.vectorstore.wait-in-open-state", () -> "2s");
        registry.add("ragline.resilience.llm.query-timeout", () -> "1s");
        // long enough to ride out the outages the tests stage, short enough to dead-letter in a test
        registry.add("ragline.resilience.outage-max-wait", () -> "8s");
    }

    @BeforeEach
    void healthyServerAndClosedBreakers() {
        http = new RaglineHttp(port);
        leaveServerHealthy();
        breakers.get(CircuitBreakers.EMBEDDING).reset();
        breakers.get(CircuitBreakers.VECTORSTORE).reset();
        breakers.get(CircuitBreakers.LLM).reset();
    }

    protected void ingest(String client, String id, String text) {
        RaglineHttp.Reply reply = http.post("/api/documents",
                java.util.Map.of("client_id", client, "documents", java.util.List.of(java.util.Map.of("id", id, "text", text))));
        org.assertj.core.api.Assertions.assertThat(reply.status()).as("ingest %s", reply.json()).isEqualTo(200);
    }

    /** The next context may start before any test of its class runs: leave the server healthy. */
    @org.junit.jupiter.api.AfterEach
    void leaveServerHealthy() {
        OPENAI.resetAll();
        OPENAI.stubFor(embeddings().willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));
        OPENAI.stubFor(chat().willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"" + GENERATED_ANSWER + "\"}}]}")));
    }

    /** What the stub chat model says unless a test stubs it otherwise. */
    protected static final String GENERATED_ANSWER = "A generated answer [1].";

    protected static MappingBuilder chat() {
        return post(urlEqualTo("/v1/chat/completions"));
    }

    protected static MappingBuilder embeddings() {
        return post(urlEqualTo("/v1/embeddings"));
    }

    protected static int embeddingRequests() {
        return OPENAI.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/v1/embeddings"))).size();
    }

    protected static String newClient(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static java.nio.file.Path createWorkDir() {
        try {
            return java.nio.file.Files.createTempDirectory("ragline-openai-it-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WireMockServer startServer() {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new FakeEmbeddings()));
        server.start();
        server.stubFor(embeddings().willReturn(aResponse().withTransformers(FakeEmbeddings.NAME)));
        return server;
    }
}
