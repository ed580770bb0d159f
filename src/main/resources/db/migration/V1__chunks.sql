-- Ragline's chunk store on PostgreSQL with pgvector. The vector size and HNSW parameters come from
-- ragline.store.pgvector.* through Flyway placeholders: they are fixed when the table is created.
CREATE EXTENSION IF NOT EXISTS vector;

-- The embedding model the vectors were made with; another model's vectors cannot be compared.
CREATE TABLE embedding_model (
    id        boolean PRIMARY KEY DEFAULT true CHECK (id),
    model     text    NOT NULL,
    dimension integer NOT NULL
);

CREATE TABLE chunks (
    id           bigserial PRIMARY KEY,
    client_id    text      NOT NULL,
    document_id  text      NOT NULL,
    content_hash text      NOT NULL,
    source       text      NOT NULL DEFAULT '',
    title        text      NOT NULL,
    chunk_index  integer   NOT NULL,
    text         text      NOT NULL,
    metadata     jsonb     NOT NULL DEFAULT '{}'::jsonb,
    embedding    vector(${dimension}) NOT NULL,
    -- chunk text weighs more than the title, as in the Lucene index
    text_search  tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', text), 'A') || setweight(to_tsvector('english', title), 'C')) STORED
);

CREATE INDEX chunks_embedding ON chunks USING hnsw (embedding vector_cosine_ops)
    WITH (m = ${hnsw_m}, ef_construction = ${hnsw_ef_construction});
CREATE INDEX chunks_client ON chunks (client_id);
CREATE INDEX chunks_document ON chunks (client_id, document_id, content_hash);
CREATE INDEX chunks_text_search ON chunks USING gin (text_search);
CREATE INDEX chunks_first_by_source ON chunks (source text_pattern_ops) WHERE chunk_index = 0;
