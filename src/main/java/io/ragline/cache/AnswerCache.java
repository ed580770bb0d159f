package io.ragline.cache;

import java.util.Map;
import java.util.Optional;

import io.ragline.query.QueryRequest;
import io.ragline.query.QueryResponse;

/** Port to the cache of full answers, keyed by client, normalised question and top_k. */
public interface AnswerCache {

    /** A fresh answer for exactly this request, if one is cached. */
    Optional<QueryResponse> get(QueryRequest request);

    void put(QueryRequest request, QueryResponse response);

    /** The last good answer to this request, even if stale or retired by a document change: fallback only. */
    Optional<QueryResponse> lastGood(QueryRequest request);

    /** The client's documents changed: its cached answers may be wrong now. */
    void invalidateClient(String clientId);

    /** Backend name, health and figures for {@code /health/db}. */
    Map<String, Object> health();

    /** Lower case, single spaces: trivially different spellings of a question share an entry. */
    static String normalise(String query) {
        return query.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
