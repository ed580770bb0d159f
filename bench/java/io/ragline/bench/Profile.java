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
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RaglineApplication.class).run("--server.port=0", "--logging.level.root=WARN", "--ragline.ingest.folder-enabled=false", "--ragline.store.lucene.path=" + work.resolve("i"))) {
            RaglineHttp http = new RaglineHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            SyntheticText text = new SyntheticText(42);
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < 160; i++) docs.add(text.document(5 + i % 4));
            http.post("/api/documents", Map.of("client_id", "warm", "documents", docs.subList(0, 10)));
            Map<String, Integer> samples = new ConcurrentHashMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                for (var e : Thread.getAllStackTraces().entrySet()) {
                    String n = e.getKey().getName();
                    if (e.getKey().getState() != Thread.State.RUNNABLE) continue;
                    if (!(n.contains("http-ingest") || n.contains("ragline-embed") || n.contains("Merge") || n.contains("task"))) continue;
                    StackTraceElement[] st = e.getValue();
                    StringBuilder k = new StringBuilder(n.replaceAll("[0-9]+", "#")).append(" :: ");
                    int added = 0;
                    for (StackTraceElement f : st) {
                        String c = f.getClassName();
                        if (c.startsWith("io.ragline") || c.startsWith("org.apache.lucene.index.IndexWriter") || c.startsWith("dev.langchain4j") || c.startsWith("ai.") || c.contains("Merge")) {
                            k.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(f.getMethodName()).append(" < ");
                            if (++added == 3) break;
                        }
                    }
                    samples.merge(k.toString(), 1, Integer::sum);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            long t = System.nanoTime(); int chunks = 0;
            for (int from = 10; from < docs.size(); from += 10) {
                chunks += http.post("/api/documents", Map.of("client_id", "bench", "documents", docs.subList(from, from + 10))).json().get("chunk_count").asInt();
            }
            System.out.printf("pipeline %.1f chunks/s%n", chunks / ((System.nanoTime() - t) / 1e9));
            sampler.shutdown();
            samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25).forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
        }
        System.exit(0);
    }
}
