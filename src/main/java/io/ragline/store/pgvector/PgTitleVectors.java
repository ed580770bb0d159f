package io.ragline.store.pgvector;

import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import com.pgvector.PGvector;

/** The title signal's reads: how close a question is to each candidate document's title vector. */
final class PgTitleVectors {

    private PgTitleVectors() {
    }

    /** A document's first chunk carries its title vector: one row is read per document. */
    static Map<String, Double> similarities(JdbcTemplate jdbc, String clientId, float[] vector, Set<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> similarities = new HashMap<>();
        jdbc.query(connection -> {
            // one row per document through the (client_id, document_id) index; while a new version is being
            // written in parts two first chunks may exist, and their titles are the same
            PreparedStatement statement = connection.prepareStatement("SELECT wanted.document_id, 1 - (title.embedding <=> ?) AS similarity"
                    + " FROM unnest(?::text[]) AS wanted(document_id) CROSS JOIN LATERAL (SELECT title_embedding AS embedding FROM chunks"
                    + " WHERE client_id = ? AND document_id = wanted.document_id AND chunk_index = 0 AND title_embedding IS NOT NULL LIMIT 1) AS title");
            statement.setObject(1, new PGvector(vector));
            statement.setArray(2, connection.createArrayOf("text", documentIds.toArray()));
            statement.setString(3, clientId);
            return statement;
        }, row -> {
            similarities.put(row.getString("document_id"), row.getDouble("similarity"));
        });
        return similarities;
    }
}
