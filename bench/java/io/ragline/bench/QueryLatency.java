package io.ragline.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.ragline.embedding.Embedder;
import io.ragline.query.ExtractiveAnswerer;
import io.ragline.query.QuerySettings;
import io.ragline.store.HybridQuery;
import io.ragline.store.KeywordHeadStart;
import io.ragline.store.SearchHit;
import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp;

/**
 * Query latency over HTTP as a ratio of the raw query embedding, and where its time goes: every stage
 * timed again on its own, on the same questions, in the same run. The stages are medians, so they add
 * up to roughly, not exactly, the median over HTTP.
 */
final class QueryLatency {

    // enough for the JIT to settle the whole request path, not only the model: the first size measured
    // also pays for compiling the request path, the later ones only for their index's own state
    private static final int FIRST_WARMUP = 2_000;
    private static final int WARMUP = 500;
    private static final int MEASURED = 300;

    private final RaglineBench bench;
    private boolean warmedUp;

    QueryLatency(RaglineBench bench) {
        this.bench = bench;
    }

    void measure(ConfigurableApplicationContext app, String client, String size, String label) {
        Embedder embedder = app.getBean(Embedder.class);
        VectorStore store = app.getBean(VectorStore.class);
        QuerySettings settings = app.getBean(QuerySettings.class);
        ExtractiveAnswerer answerer = app.getBean(ExtractiveAnswerer.class);
        RaglineHttp http = RaglineBench.httpOf(app);
        SyntheticText questions = new SyntheticText(size.hashCode(), 20_000);
        int topK = settings.defaultTopK();
        double[] total = new double[MEASURED];
        double[] server = new double[MEASURED];
        double[] embed = new double[MEASURED];
        double[] hnsw = new double[MEASURED];
        double[] bm25 = new double[MEASURED];
        double[] hybrid = new double[MEASURED];
        double[] retrieval = new double[MEASURED];
        double[] compose = new double[MEASURED];
        int warmup = warmedUp ? WARMUP : FIRST_WARMUP;
        warmedUp = true;
        // Spring's own timer of the servlet request, async dispatch included: splits what lies outside
        // processing_time into the server's share and the client's
        Timer serverRequests = null;
        double serverMillisBefore = 0;
        long serverCountBefore = 0;
        for (int i = 0; i < warmup + MEASURED; i++) {
            if (i == warmup) {
                serverRequests = app.getBean(MeterRegistry.class).find("http.server.requests").tag("uri", "/api/query").timer();
                serverMillisBefore = serverRequests.totalTime(TimeUnit.MILLISECONDS);
                serverCountBefore = serverRequests.count();
            }
            // distinct questions: every request takes the full path, none is a cache hit
            String question = questions.sentence() + " " + i;
            long start = System.nanoTime();
            RaglineHttp.Reply reply = http.post("/api/query", Map.of("query", question, "client_id", client, "top_k", topK));
            double millis = (System.nanoTime() - start) / 1e6;
            if (reply.status() != 200 || reply.json().get("cached").asBoolean() || reply.json().get("degraded").asBoolean()) {
                throw new IllegalStateException("query failed, cached or degraded: " + reply.json());
            }
            start = System.nanoTime();
            float[] vector = embedder.embedQuestion(question);
            double embedMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            // the HNSW walk costs the same for 1 hit as for 50 (it explores its own candidate count): 1 read
            store.vectorSearch(client, vector, 1);
            double hnswMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            store.keywordSearch(client, question, settings.candidates());
            double bm25Millis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            List<SearchHit> hits = store.hybridSearch(new HybridQuery(client, vector, question, settings.candidates(), topK,
                    settings.fusionSettings(), settings.minSimilarity()));
            double hybridMillis = (System.nanoTime() - start) / 1e6;
            // as the route runs them: the keyword ranking first, beside the question's embedding
            start = System.nanoTime();
            KeywordHeadStart ahead = store.startKeywordRanking(client, question, settings.candidates());
            store.hybridSearch(new HybridQuery(client, embedder.embedQuestion(question), question, settings.candidates(), topK,
                    settings.fusionSettings(), settings.minSimilarity()), ahead);
            double retrievalMillis = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            answerer.answer(question, hits);
            double composeMillis = (System.nanoTime() - start) / 1e6;
            if (i >= warmup) {
                int at = i - warmup;
                total[at] = millis;
                server[at] = reply.json().get("processing_time").asDouble() * 1000;
                embed[at] = embedMillis;
                hnsw[at] = hnswMillis;
                bm25[at] = bm25Millis;
                hybrid[at] = hybridMillis;
                retrieval[at] = retrievalMillis;
                compose[at] = composeMillis;
            }
        }
        double serverRequestMean = (serverRequests.totalTime(TimeUnit.MILLISECONDS) - serverMillisBefore)
                / (serverRequests.count() - serverCountBefore);
        Stats overHttp = Stats.of(total);
        Stats model = Stats.of(embed);
        Stats vectorSearch = Stats.of(hnsw);
        bench.row(label + "Query over HTTP at " + size + " chunks (p50 / p95 / p99)",
                RaglineBench.fmt("%.1f / %.1f / %.1f ms (%d queries); raw query embedding p50 / p95 %.1f / %.1f ms: %.1fx / %.1fx",
                        overHttp.p50(), overHttp.p95(), overHttp.p99(), overHttp.count(), model.p50(), model.p95(),
                        overHttp.p50() / model.p50(), overHttp.p95() / model.p95()),
                size.equals("100k") ? RaglineBench.fmt("p95 <= 4x (raw embedding + raw vector search %.1f ms): %.1fx",
                        vectorSearch.p95(), overHttp.p95() / (model.p95() + vectorSearch.p95()))
                        : "p50 <= 2.5x, p95 <= 4x the raw query embedding");
        double hybridP50 = Stats.of(hybrid).p50();
        Stats processing = Stats.of(server);
        double serverP50 = processing.p50();
        double composeP50 = Stats.of(compose).p50();
        double vectorP50 = vectorSearch.p50();
        double keywordP50 = Stats.of(bm25).p50();
        double retrievalP50 = Stats.of(retrieval).p50();
        bench.row(label + "Query at " + size + " chunks, median per stage",
                RaglineBench.fmt("embedding %.1f; hybrid search alone %.1f (vector %.1f, keyword %.1f, fusion,"
                                + " reading the top %d); both as the route runs them, the keyword ranking started first and run"
                                + " beside the embedding, %.1f; answer %.1f; routing + breakers + cache %.1f; HTTP + JSON + security"
                                + " %.1f ms (server %.1f, client %.1f); of the HTTP share, in means: the server outside processing_time"
                                + " (Tomcat, security filters, JSON in and out, rate limit, caching the answer, the async dispatch"
                                + " back to Tomcat) %.1f, the client and the loopback %.1f ms",
                        model.p50(), hybridP50, vectorP50, keywordP50, topK, retrievalP50, composeP50,
                        Math.max(0, serverP50 - retrievalP50 - composeP50), Math.max(0, overHttp.p50() - serverP50),
                        serverP50, overHttp.p50(), Math.max(0, serverRequestMean - processing.mean()),
                        Math.max(0, overHttp.mean() - serverRequestMean)),
                "every millisecond named");
    }
}
