package io.ragline.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the vector and keyword rankings become one, the same for every store ({@link Fusion}). A store may
 * fuse light handles to its chunks and read in full only the chunks that make the cut, as Lucene does.
 * <p>
 * Relative-score fusion may add a third signal: how close the question is to each candidate's document
 * title, embedded on its own at ingest. Scaled over the candidates like the rankings, it only reorders
 * chunks the searches found; it lifts the page whose subject the question names in other words (a man
 * page's command, a function's module and name) over siblings that share its vocabulary.
 * <p>
 * Exact matches come last and decide: a chunk holding an identifier of the question that few chunks hold
 * ({@link Fusion#exactMatchChunks()}) goes above every chunk holding fewer of them, found by the searches
 * or not. Its vector stands for look-alike pieces and its keyword score is one vote of two, so without
 * this a code's look-alikes outvoted the one record that names it.
 */
public final class HybridRanking {

    private HybridRanking() {
    }

    /** A chunk as one ranking found it: the store's handle to it and its score in that ranking. */
    public record Candidate<K>(K chunk, double score) {
    }

    /** A fused chunk with its fused score, best first. */
    public record Fused<K>(K chunk, double score) {
    }

    /** The question's cosine similarity to the title of each of these chunks' documents; chunks without a title vector are left out. */
    @FunctionalInterface
    public interface TitleSimilarities<K> {
        Map<K, Double> of(Set<K> chunks);

        static <K> TitleSimilarities<K> none() {
            return chunks -> Map.of();
        }
    }

    /**
     * What one exact match adds: more than every other signal together can (each ranking at most its
     * weight, the title at most its weight, reciprocal ranks far less than 1).
     */
    static final double EXACT_MATCH_LIFT = 10;

    /**
     * @param rankings the vector ranking, then the keyword ranking, each best first
     * @param exactMatches chunks holding rare identifiers of the question, with how many of them each holds
     */
    public static <K> List<Fused<K>> fuse(Fusion fusion, int limit, List<List<Candidate<K>>> rankings, TitleSimilarities<K> titles,
                                          Map<K, Integer> exactMatches) {
        Map<K, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<Candidate<K>> ranking = rankings.get(r);
            double weight = r == 0 ? fusion.vectorWeight() : 1 - fusion.vectorWeight();
            Map<K, Double> ranked = new LinkedHashMap<>();
            for (int rank = 0; rank < ranking.size(); rank++) {
                Candidate<K> candidate = ranking.get(rank);
                ranked.putIfAbsent(candidate.chunk(), switch (fusion.method()) {
                    case RRF -> 1.0 / (fusion.rrfK() + rank + 1);
                    case RELATIVE_SCORE -> candidate.score();
                });
            }
            if (fusion.method() == Fusion.Method.RELATIVE_SCORE) {
                ranked = scaled(ranked, weight);
            }
            ranked.forEach((chunk, score) -> scores.merge(chunk, score, Double::sum));
        }
        if (fusion.weighsTitles() && !scores.isEmpty()) {
            scaled(titles.of(scores.keySet()), fusion.titleWeight()).forEach((chunk, score) -> scores.computeIfPresent(chunk, (c, s) -> s + score));
        }
        exactMatches.forEach((chunk, identifiers) -> scores.merge(chunk, EXACT_MATCH_LIFT * identifiers, Double::sum));
        List<Fused<K>> fused = new ArrayList<>(scores.size());
        scores.forEach((chunk, score) -> fused.add(new Fused<>(chunk, score)));
        // stable: ties keep the order first seen
        fused.sort(Comparator.comparingDouble(Fused<K>::score).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }

    /** Min-max over the candidates, times the weight; a lone candidate, or a set of ties, counts in full. */
    private static <K> Map<K, Double> scaled(Map<K, Double> scores, double weight) {
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double worst = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<K, Double> scaled = new LinkedHashMap<>();
        scores.forEach((chunk, score) -> scaled.put(chunk, weight * (best > worst ? (score - worst) / (best - worst) : 1.0)));
        return scaled;
    }

    /**
     * Fusion of hits a store has already read in full, keyed by their chunk.
     *
     * @param titleSimilarities the question's similarity to each document's title, by document id
     * @param exactMatches a hit for each rare identifier of the question a chunk holds (a chunk holding two comes twice)
     */
    public static List<SearchHit> fuseHits(Fusion fusion, int limit, List<List<SearchHit>> rankings, Map<String, Double> titleSimilarities,
                                           List<SearchHit> exactMatches) {
        Map<String, SearchHit> byKey = new LinkedHashMap<>();
        List<List<Candidate<String>>> candidates = new ArrayList<>(rankings.size());
        for (List<SearchHit> ranking : rankings) {
            candidates.add(ranking.stream().map(hit -> {
                byKey.putIfAbsent(hit.chunkKey(), hit);
                return new Candidate<>(hit.chunkKey(), hit.score());
            }).toList());
        }
        TitleSimilarities<String> titles = chunks -> {
            Map<String, Double> byChunk = new HashMap<>();
            chunks.forEach(chunk -> {
                Double similarity = titleSimilarities.get(byKey.get(chunk).documentId());
                if (similarity != null) {
                    byChunk.put(chunk, similarity);
                }
            });
            return byChunk;
        };
        Map<String, Integer> exact = new HashMap<>();
        exactMatches.forEach(hit -> {
            byKey.putIfAbsent(hit.chunkKey(), hit);
            exact.merge(hit.chunkKey(), 1, Integer::sum);
        });
        Function<Fused<String>, SearchHit> toHit = fused -> byKey.get(fused.chunk()).withScore(fused.score());
        return fuse(fusion, limit, candidates, titles, exact).stream().map(toHit).toList();
    }
}
