package io.ragline.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ragline.store.SearchHit;

/** Reciprocal rank fusion: score = sum over lists of 1 / (k + rank). Robust to incomparable score scales. */
public final class RankFusion {

    private RankFusion() {
    }

    public static List<SearchHit> fuse(int k, int limit, List<List<SearchHit>> rankings) {
        Map<String, SearchHit> first = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<SearchHit> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                SearchHit hit = ranking.get(rank);
                first.putIfAbsent(hit.chunkKey(), hit);
                scores.merge(hit.chunkKey(), 1.0 / (k + rank + 1), Double::sum);
            }
        }
        List<SearchHit> fused = new ArrayList<>(first.size());
        first.forEach((key, hit) -> fused.add(hit.withScore(scores.get(key))));
        fused.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        return fused.size() > limit ? fused.subList(0, limit) : fused;
    }
}
