package io.ragline.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How the vector and keyword rankings become one, the same for every store: reciprocal rank fusion,
 * score = sum over rankings of 1 / (k + rank), robust to their incomparable score scales. Stores fuse
 * light handles to their chunks and read in full only the chunks that make the cut.
 */
public final class HybridRanking {

    private HybridRanking() {
    }

    /** A chunk as one ranking found it: the store's handle to it and the document it belongs to. */
    public record Candidate<K>(K chunk, String documentId) {
    }

    /** A fused chunk with its fused score, best first. */
    public record Fused<K>(K chunk, double score) {
    }

    public static <K> List<Fused<K>> fuse(int rrfK, int limit, List<List<Candidate<K>>> rankings) {
        Map<K, Double> scores = new LinkedHashMap<>();
        for (List<Candidate<K>> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                scores.merge(ranking.get(rank).chunk(), 1.0 / (rrfK + rank + 1), Double::sum);
            }
        }
        List<Fused<K>> fused = new ArrayList<>(scores.size());
        scores.forEach((chunk, score) -> fused.add(new Fused<>(chunk, score)));
        // stable: ties keep the order first seen
        fused.sort(Comparator.comparingDouble(Fused<K>::score).reversed());
        return fused.size() > limit ? List.copyOf(fused.subList(0, limit)) : fused;
    }

    /** Fusion of hits a store has already read in full, keyed by their chunk. */
    public static List<SearchHit> fuseHits(int rrfK, int limit, List<List<SearchHit>> rankings) {
        Map<String, SearchHit> byKey = new LinkedHashMap<>();
        List<List<Candidate<String>>> candidates = new ArrayList<>(rankings.size());
        for (List<SearchHit> ranking : rankings) {
            candidates.add(ranking.stream().map(hit -> {
                byKey.putIfAbsent(hit.chunkKey(), hit);
                return new Candidate<>(hit.chunkKey(), hit.documentId());
            }).toList());
        }
        Function<Fused<String>, SearchHit> toHit = fused -> byKey.get(fused.chunk()).withScore(fused.score());
        return fuse(rrfK, limit, candidates).stream().map(toHit).toList();
    }
}
