package io.ragline.security;

import static io.ragline.security.KeyedHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.ragline.support.RaglineApps;

/**
 * acme floods its query limit from four threads and gets 429s with Retry-After, while globex, under its
 * own limit, keeps every answer and its latency: a client at its limit never slows another.
 */
@Tag("slow")
class RateLimitTest {

    @TempDir
    Path work;

    @Test
    void aFloodingClientIsRefusedWhileAnotherKeepsItsLatency() throws Exception {
        List<String> args = new ArrayList<>(ApiKeys.settings());
        args.add("--ragline.security.rate-limits.defaults.query.limit-for-period=100");
        args.add("--ragline.security.rate-limits.clients.acme.query.limit-for-period=5");
        try (ConfigurableApplicationContext app = RaglineApps.start(work, args.toArray(String[]::new))) {
            KeyedHttp http = new KeyedHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            http.send("POST", "/api/documents", "{\"documents\": [{\"id\": \"tides\", \"text\": \"Tides follow the moon.\"}]}",
                    bearer(ApiKeys.ACME));
            List<Long> before = globexLatencies(http, 30);

            AtomicBoolean flooding = new AtomicBoolean(true);
            AtomicInteger limited = new AtomicInteger();
            AtomicInteger withRetryAfter = new AtomicInteger();
            ExecutorService flood = Executors.newFixedThreadPool(4);
            List<Future<?>> floods = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                floods.add(flood.submit(() -> {
                    int i = 0;
                    while (flooding.get()) {
                        KeyedHttp.Reply reply = http.send("POST", "/api/query", "{\"query\": \"What do tides follow? " + i++ + "\"}",
                                bearer(ApiKeys.ACME));
                        if (reply.status() == 429) {
                            limited.incrementAndGet();
                            if (reply.raw().headers().firstValue("Retry-After").isPresent()
                                    && reply.json().get("error").asText().contains("rate limit")) {
                                withRetryAfter.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            List<Long> during;
            try {
                during = globexLatencies(http, 30);
            } finally {
                flooding.set(false);
                for (Future<?> future : floods) {
                    future.get(30, TimeUnit.SECONDS);
                }
                flood.shutdown();
            }

            assertThat(limited.get()).as("acme's requests refused").isGreaterThan(10);
            // the key's limit is taken before its body is read: a body over the query limit is a 429, not a 413
            KeyedHttp.Reply early = IntStream.range(0, 20).mapToObj(i -> http.send("POST", "/api/query",
                    "{\"query\": \"" + "x".repeat(40_000) + "\"}", bearer(ApiKeys.ACME))).filter(reply -> reply.status() == 429)
                    .findFirst().orElseThrow();
            assertThat(early.json().get("error").asText()).contains("rate limit");
            assertThat(withRetryAfter.get()).isEqualTo(limited.get());
            long p90Before = percentile(before, 0.9);
            long p90During = percentile(during, 0.9);
            // the flood shares two cores with globex's queries: allowed to cost something, never to starve them
            assertThat(p90During).as("globex p90 %d ms before, %d ms during", p90Before, p90During)
                    .isLessThanOrEqualTo(Math.max(4 * p90Before, p90Before + 250));
        }
    }

    /** Each must answer 200: globex is never refused for acme's flood. */
    private static List<Long> globexLatencies(KeyedHttp http, int count) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            KeyedHttp.Reply reply = http.send("POST", "/api/query", "{\"query\": \"When are tides highest? " + i + "\"}", bearer(ApiKeys.GLOBEX));
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(reply.status()).as("globex query %d", i).isEqualTo(200);
        }
        return millis;
    }

    private static long percentile(List<Long> values, double share) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
    }
}
