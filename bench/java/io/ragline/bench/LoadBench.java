package io.ragline.bench;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineHttp;

/**
 * Section {@code load}: 16 clients querying as fast as they can and 2 ingesting, for 30 s, over a corpus of
 * about 1.3k chunks; the load generator shares the machine's cores with the application.
 */
final class LoadBench {

    private static final int QUERY_CLIENTS = 16;
    private static final int INGEST_CLIENTS = 2;
    private static final long SECONDS = 30;

    private final RaglineBench bench;

    LoadBench(RaglineBench bench) {
        this.bench = bench;
    }

    void load(Path work) throws Exception {
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("load"), "--logging.level.root=WARN")) {
            RaglineHttp http = RaglineBench.httpOf(app);
            SyntheticText text = new SyntheticText(7);
            int chunks = 0;
            for (int batch = 0; chunks < 1_300; batch++) {
                List<Map<String, String>> documents = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    documents.add(Map.of("id", "d" + batch + "-" + i, "text", text.document(2)));
                }
                chunks += http.post("/api/documents", Map.of("client_id", "load", "documents", documents)).json().get("chunk_count").asInt();
            }

            AtomicBoolean running = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
            AtomicInteger ingested = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(QUERY_CLIENTS + INGEST_CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < QUERY_CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    SyntheticText questions = new SyntheticText(100 + client);
                    while (running.get()) {
                        long start = System.nanoTime();
                        RaglineHttp.Reply reply = http.post("/api/query", Map.of("client_id", "load", "query", questions.sentence()));
                        latencies.add((System.nanoTime() - start) / 1e6);
                        if (reply.status() != 200) {
                            errors.incrementAndGet();
                        } else {
                            answeredBy.computeIfAbsent(reply.json().get("source").asText(), source -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
            for (int c = 0; c < INGEST_CLIENTS; c++) {
                int client = c;
                futures.add(clients.submit(() -> {
                    SyntheticText documents = new SyntheticText(200 + client);
                    int n = 0;
                    while (running.get()) {
                        RaglineHttp.Reply reply = http.post("/api/documents", Map.of("client_id", "load",
                                "documents", List.of(Map.of("id", "i" + client + "-" + n++, "text", documents.document(2)))));
                        if (reply.status() == 200) {
                            ingested.addAndGet(reply.json().get("chunk_count").asInt());
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            long start = System.nanoTime();
            await().pollDelay(Duration.ofSeconds(SECONDS)).atMost(Duration.ofSeconds(SECONDS + 1)).until(() -> true);
            running.set(false);
            double seconds = RaglineBench.seconds(start);
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            Stats stats = Stats.of(latencies.stream().mapToDouble(Double::doubleValue).toArray());
            bench.row("Load: 16 query clients + 2 ingesting over HTTP, " + chunks + " chunks, " + SECONDS + " s (client on the same cores)",
                    RaglineBench.fmt("%.0f queries/s, p50 / p95 / p99 %.0f / %.0f / %.0f ms, %d errors, answered by %s; %.1f chunks/s ingested",
                            stats.count() / seconds, stats.p50(), stats.p95(), stats.p99(), errors.get(), new TreeMap<>(answeredBy),
                            ingested.get() / seconds),
                    ">= 120 queries/s, p95 <= 250 ms, 0 errors");
        }
    }
}
