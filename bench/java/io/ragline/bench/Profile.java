package io.ragline.bench;

import java.nio.file.Files;
import java.util.*;
import java.util.concurrent.*;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.RaglineApplication;
import io.ragline.support.RaglineHttp;

public class Profile {
    public static void main(String[] a) throws Exception {
        var work = Files.createTempDirectory("prof");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RaglineApplication.class).run("--server.port=0", "--logging.level.root=WARN", "--logging.level.ingest=WARN", "--ragline.ingest.folder.enabled=false", "--ragline.ingest.concurrency=" + a[0], "--ragline.store.lucene.path=" + work.resolve("i"))) {
            RaglineHttp http = new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            SyntheticText text = new SyntheticText(42);
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < 176; i++) docs.add(text.document(5 + i % 4));
            http.post("/api/documents", Map.of("client_id", "warm", "documents", docs.subList(0, 16)));
            Map<String, Integer> samples = new ConcurrentHashMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                for (var e : Thread.getAllStackTraces().entrySet()) {
                    if (e.getKey().getState() != Thread.State.RUNNABLE) continue;
                    String n = e.getKey().getName().replaceAll("[0-9]+", "#");
                    if (n.contains("pool-") || n.contains("Signal") || n.contains("Reference") || n.contains("Finalizer") || n.contains("Attach")) continue;
                    StackTraceElement[] st = e.getValue();
                    String top = st.length == 0 ? "?" : st[0].getClassName().replaceAll(".*\\.", "") + "." + st[0].getMethodName();
                    String ours = "";
                    for (StackTraceElement f : st) { if (f.getClassName().startsWith("io.ragline") || f.getClassName().startsWith("org.apache.lucene.index.IndexWriter") || f.getClassName().contains("Merge")) { ours = f.getClassName().replaceAll(".*\\.", "") + "." + f.getMethodName(); break; } }
                    samples.merge(n + " :: " + top + " <.. " + ours, 1, Integer::sum);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            long t = System.nanoTime(); int chunks = 0;
            for (int from = 16; from < docs.size(); from += 40) {
                chunks += http.post("/api/documents", Map.of("client_id", "bench", "documents", docs.subList(from, Math.min(docs.size(), from + 40)))).json().get("chunk_count").asInt();
            }
            System.out.printf("pipeline %.1f chunks/s%n", chunks / ((System.nanoTime() - t) / 1e9));
            sampler.shutdown();
            int total = samples.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("total samples " + total);
            samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(22).forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
        }
        System.exit(0);
    }
}
