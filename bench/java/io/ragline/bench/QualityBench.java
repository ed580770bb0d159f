package io.ragline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.ragline.embedding.Embedder;
import io.ragline.store.SearchHit;
import io.ragline.store.VectorStore;
import io.ragline.support.RaglineHttp;

/**
 * Section {@code quality}: known-item sets of real documentation (bench/quality/make_sets.py: Python's
 * pydoc pages and the installed man pages; query = the page's own one-line summary, removed from it),
 * and a set of records each naming a made-up code, asked about by the code.
 * Each set is ingested over HTTP into a client of its own; then hit@1, hit@5 and MRR@10 of the document
 * that answers, for plain BM25, plain vector search, plain RRF of the two (k = 60, 50 candidates each,
 * through the store port) and Ragline's answer sources, in the same run.
 */
final class QualityBench {

    private static final int CANDIDATES = 50;
    private static final int RRF_K = 60;

    private final RaglineBench bench;

    QualityBench(RaglineBench bench) {
        this.bench = bench;
    }

    void quality(Path work) throws Exception {
        try (ConfigurableApplicationContext app = RaglineBench.startApp(work.resolve("quality"), "--logging.level.root=WARN")) {
            RaglineHttp http = RaglineBench.httpOf(app);
            VectorStore store = app.getBean(VectorStore.class);
            Embedder embedder = app.getBean(Embedder.class);
            for (String set : List.of("pydoc", "man", "identifier")) {
                List<JsonNode> pages = KnownItemSets.pages(work, set);
                String client = "quality-" + set;
                List<Map<String, String>> documents = KnownItemSets.documents(pages);
                for (int from = 0; from < documents.size(); from += 20) {
                    RaglineBench.postDocuments(http, client, documents.subList(from, Math.min(from + 20, documents.size())));
                }
                Map<String, Scores> scores = new java.util.LinkedHashMap<>();
                for (String method : List.of("BM25", "vector", "RRF", "Ragline")) {
                    scores.put(method, new Scores());
                }
                for (JsonNode page : pages) {
                    String query = page.get("query").asText();
                    String answer = page.get("id").asText();
                    List<SearchHit> keyword = store.keywordSearch(client, query, CANDIDATES);
                    List<SearchHit> vector = store.vectorSearch(client, embedder.embedQuestion(query), CANDIDATES);
                    scores.get("BM25").add(documents(keyword), answer);
                    scores.get("vector").add(documents(vector), answer);
                    scores.get("RRF").add(rrf(keyword, vector), answer);
                    JsonNode reply = http.post("/api/query", Map.of("client_id", client, "query", query, "top_k", 10)).json();
                    List<String> sources = new ArrayList<>();
                    reply.get("sources").forEach(source -> sources.add(source.get("document_id").asText()));
                    scores.get("Ragline").add(new ArrayList<>(new LinkedHashSet<>(sources)), answer);
                }
                scores.forEach((method, score) -> bench.row("Quality " + set + " (" + pages.size() + " pages): " + method,
                        RaglineBench.fmt("hit@1 %.3f, hit@5 %.3f, MRR@10 %.3f", score.hit(1), score.hit(5), score.mrr()),
                        method.equals("Ragline") ? (set.equals("identifier") ? "hit@1 >= 0.99" : "hit@1 >= 0.85, MRR@10 >= 0.90, above RRF") : ""));
            }
        }
    }

    private static List<String> documents(List<SearchHit> hits) {
        return new ArrayList<>(new LinkedHashSet<>(hits.stream().map(SearchHit::documentId).toList()));
    }

    /** Reciprocal rank fusion of the two chunk rankings, then each document at its best chunk's place. */
    private static List<String> rrf(List<SearchHit> keyword, List<SearchHit> vector) {
        Map<String, Double> fused = new HashMap<>();
        Function<SearchHit, String> key = hit -> hit.documentId() + "#" + hit.chunkIndex();
        for (List<SearchHit> ranking : List.of(keyword, vector)) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(key.apply(ranking.get(rank)), 1.0 / (RRF_K + rank + 1), Double::sum);
            }
        }
        List<String> chunks = new ArrayList<>(fused.keySet());
        chunks.sort((a, b) -> Double.compare(fused.get(b), fused.get(a)));
        return new ArrayList<>(new LinkedHashSet<>(chunks.stream().map(chunk -> chunk.substring(0, chunk.lastIndexOf('#'))).toList()));
    }

    /** Hit@k and MRR@10 of the one answering document. */
    private static final class Scores {
        private final List<Integer> ranks = new ArrayList<>();

        void add(List<String> documents, String answer) {
            int rank = documents.indexOf(answer);
            ranks.add(rank < 0 ? Integer.MAX_VALUE : rank + 1);
        }

        double hit(int k) {
            return ranks.stream().filter(rank -> rank <= k).count() / (double) ranks.size();
        }

        double mrr() {
            return ranks.stream().mapToDouble(rank -> rank <= 10 ? 1.0 / rank : 0).sum() / ranks.size();
        }
    }
}
