package io.ragline.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the vector and keyword rankings become one, the same for every store ({@link Fusion}). A store may
 * fuse light handles to its chunks and read in full only the chunks that make the cut, as Lucene does.
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

    /** @param rankings the vector ranking, then the keyword ranking, each best first */
    public static <K> List<Fused<K>> fuse(Fusion fusion, int limit, List<List<Candidate<K>>> rankings) {
        Map<K, Double> scores = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            List<Candidate<K>> ranking = rankings.get(r);
            double weight = r == 0 ? fusion.vectorWeight() : 1 - fusion.vectorWeight();
            double best = ranking.stream().mapToDouble(Candidate::score).max().orElse(0);
            double worst = ranking.stream().mapToDouble(Candidate::score).min().orElse(0);
            for (int rank = 0; rank < ranking.size(); rank++) {
                Candidate<K> candidate = ranking.get(rank);
                double score = switch (fusion.method()) {
                    case RRF -> 1.0 / (fusion.rrfK() + rank + 1);
                    // a lone candidate, or a ranking of ties, counts in full
                    case RELATIVE_SCORE -> weight * (best > worst ? (candidate.score() - worst) / (best - worst) : 1.0);
                };
                scores.merge(candidate.chunk(), score, Double::sum);
            }
        }
        List<Fused<K>> fused = new ArrayList<>(scores.size());
        scores.forEach((chunk, score) -> fused.add(new Fused<>(chunk, score)));
        // stable: ties keep the order first seen
        fused.sort(Comparator.comparingDouble(Fused<K>::score).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }

    /** Fusion of hits a store has already read in full, keyed by their chunk. */
    public static List<SearchHit> fuseHits(Fusion fusion, int limit, List<List<SearchHit>> rankings) {
        Map<String, SearchHit> byKey = new LinkedHashMap<>();
        List<List<Candidate<String>>> candidates = new ArrayList<>(rankings.size());
        for (List<SearchHit> ranking : rankings) {
            candidates.add(ranking.stream().map(hit -> {
                byKey.putIfAbsent(hit.chunkKey(), hit);
                return new Candidate<>(hit.chunkKey(), hit.score());
            }).toList());
        }
        Function<Fused<String>, SearchHit> toHit = fused -> byKey.get(fused.chunk()).withScore(fused.score());
        return fuse(fusion, limit, candidates).stream().map(toHit).toList();
    }
}
