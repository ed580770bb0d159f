package io.ragline.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load through nginx while a deployment runs: about 20 queries a second and one ingested
 * document a second. Every answer that is not a 200, or no answer at all, is a failure, kept with its reason.
 * With an API key the client is the key's, and the documents' ids start with a prefix of the caller's.
 */
public final class NginxLoad implements AutoCloseable {

    static final String CLIENT = "trickle";

    private final String base;
    private final HttpClient http;
    private final String apiKey;
    private final String documentPrefix;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger ingested = new AtomicInteger();
    public final List<String> failures = new CopyOnWriteArrayList<>();

    public NginxLoad(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), null, "t");
    }

    public NginxLoad(String base, HttpClient http, String apiKey, String documentPrefix) {
        this.base = base;
        this.http = http;
        this.apiKey = apiKey;
        this.documentPrefix = documentPrefix;
    }

    public void start() {
        String client = apiKey == null ? "\"client_id\": \"" + CLIENT + "\", " : "";
        clock.scheduleAtFixedRate(() -> senders.submit(() -> send("/api/query",
                "{" + client + "\"query\": \"When is the harbour office open? " + requests.get() + "\"}")),
                0, 50, TimeUnit.MILLISECONDS);
        clock.scheduleAtFixedRate(() -> senders.submit(() -> {
            int id = ingested.get();
            if (send("/api/documents", "{" + client + "\"documents\": [{\"id\": \"" + documentPrefix + id
                    + "\", \"text\": \"Trickle document number " + id + " arrived during a deployment.\"}]}")) {
                ingested.incrementAndGet();
            }
        }), 0, 1, TimeUnit.SECONDS);
    }

    private boolean send(String path, String body) {
        requests.incrementAndGet();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (apiKey != null) {
                request.header("X-API-Key", apiKey);
            }
            HttpResponse<String> response = sendAgainIfUnanswered(request.build());
            if (response.statusCode() != 200) {
                failures.add(path + " -> " + response.statusCode() + " " + response.body());
                return false;
            }
            return true;
        } catch (Exception e) {
            failures.add(path + " -> " + e);
            return false;
        }
    }

    /**
     * What docs/operations.md asks of clients: a request that got no answer at all, on a keep-alive connection
     * nginx closed in a graceful reload, is sent again once; both POST endpoints are idempotent. The JDK
     * client does that itself only once per request, and a reload under TLS can close the next pooled
     * connection too.
     */
    private HttpResponse<String> sendAgainIfUnanswered(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException noAnswer) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    public int requests() {
        return requests.get();
    }

    public int ingested() {
        return ingested.get();
    }

    @Override
    public void close() throws InterruptedException {
        clock.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
    }
}
