package io.ragline.store.pgvector;

import java.sql.Types;

import org.springframework.jdbc.core.JdbcTemplate;

import com.pgvector.PGvector;

import io.ragline.document.EmbeddedDocument;
import io.ragline.document.ParsedDocument;
import io.ragline.store.StoredMetadata;

/** A document's chunk rows as they are written, and the lock its writers queue on. */
final class ChunkWrites {

    private static final String INSERT = "INSERT INTO chunks (client_id, document_id, content_hash, source, title, chunk_index,"
            + " text, metadata, embedding, title_embedding, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, now())";

    private final JdbcTemplate jdbc;

    ChunkWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writers of one document queue on a lock of its own until their transaction ends. Without it, two
     * writers at once (two replicas, two requests) would each delete only what the other had not committed
     * yet, and both versions would stand. Callers locking several documents take them in one order, so
     * they cannot deadlock.
     */
    void lock(String clientId, String documentId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))", clientId, documentId);
    }

    void insert(EmbeddedDocument document) {
        ParsedDocument parsed = document.document();
        String metadata = StoredMetadata.toJson(parsed.metadata());
        PGvector title = document.titleVector() == null ? null : new PGvector(document.titleVector());
        jdbc.batchUpdate(INSERT, document.chunks(), 256, (statement, chunk) -> {
            statement.setString(1, parsed.clientId());
            statement.setString(2, parsed.documentId());
            statement.setString(3, parsed.contentHash());
            statement.setString(4, parsed.source() == null ? "" : parsed.source());
            statement.setString(5, parsed.title());
            statement.setInt(6, chunk.index());
            statement.setString(7, chunk.text());
            statement.setString(8, metadata);
            statement.setObject(9, new PGvector(chunk.vector()));
            // on the first chunk only: a vector per row would add 1.5 KB to every chunk
            statement.setObject(10, chunk.index() == 0 ? title : null, Types.OTHER);
        });
    }
}
