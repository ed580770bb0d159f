package io.ragline.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.ragline.store.SearchHit;

/** Body of a query answer; {@code source} names the step that produced it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryResponse(
        String query,
        String answer,
        List<Source> sources,
        double processingTime,
        boolean success,
        boolean degraded,
        String source,
        boolean cached,
        String error) {

    /** The same answer served from the cache. */
    public QueryResponse fromCache(double processingTime) {
        return new QueryResponse(query, answer, sources, processingTime, success, degraded, source, true, error);
    }

    /** @param metadata the document's metadata as it was ingested; left out when there is none */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Source(String documentId, String title, int chunkIndex, double score, String text,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> metadata) {

        public Source(String documentId, String title, int chunkIndex, double score, String text) {
            this(documentId, title, chunkIndex, score, text, Map.of());
        }

        static Source of(SearchHit hit) {
            return new Source(hit.documentId(), hit.title(), hit.chunkIndex(), hit.score(), hit.text(), hit.metadata());
        }
    }

    public static List<Source> sourcesOf(List<SearchHit> hits) {
        return hits.stream().map(Source::of).toList();
    }
}
