package io.ragline.store.pgvector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.ragline.store.DocumentPage;
import io.ragline.store.DocumentPage.Listed;
import io.ragline.store.StoredDocument;
import io.ragline.store.StoredMetadata;

/**
 * Documents as rows of their first chunk: a client's in id order (the (client_id, document_id) index
 * walks them in order, the cursor seeks into it), and those of a source folder.
 */
final class PgDocumentListing {

    /** A document being written in parts has two first chunks for a while: the newer one is listed. */
    private static final String PAGE = "SELECT DISTINCT ON (f.document_id) f.document_id, f.title, f.source, f.content_hash,"
            + " f.ingested_at, f.metadata::text AS metadata,"
            + " (SELECT count(*) FROM chunks c WHERE c.client_id = f.client_id AND c.document_id = f.document_id) AS chunks"
            + " FROM chunks f WHERE f.client_id = ? AND f.chunk_index = 0 AND f.document_id > ?"
            + " ORDER BY f.document_id, f.ingested_at DESC NULLS LAST LIMIT ?";

    private final JdbcTemplate jdbc;

    PgDocumentListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    DocumentPage page(String clientId, String afterId, int limit) {
        List<Listed> found = jdbc.query(PAGE, PgDocumentListing::listed, clientId, afterId == null ? "" : afterId, limit + 1);
        return DocumentPage.of(found, limit);
    }

    List<StoredDocument> bySource(String sourcePrefix) {
        String pattern = sourcePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("SELECT client_id, document_id, source, content_hash FROM chunks WHERE chunk_index = 0"
                        + " AND source LIKE ? ESCAPE '\\'",
                (row, i) -> new StoredDocument(row.getString(1), row.getString(2), row.getString(3), row.getString(4)), pattern);
    }

    private static Listed listed(ResultSet row, int number) throws SQLException {
        Timestamp ingestedAt = row.getTimestamp("ingested_at");
        return new Listed(row.getString("document_id"), row.getString("title"), row.getString("source"), row.getInt("chunks"),
                row.getString("content_hash"), ingestedAt == null ? null : ingestedAt.toInstant(),
                StoredMetadata.fromJson(row.getString("metadata")));
    }
}
