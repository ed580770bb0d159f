-- The document's title embedded on its own, on each of its chunks: hybrid search reads it for its
-- candidates only (no index), to weigh how close the question is to each candidate's title. Chunks
-- stored before it have none and simply get no title signal.
ALTER TABLE chunks ADD COLUMN title_embedding vector(${dimension});
