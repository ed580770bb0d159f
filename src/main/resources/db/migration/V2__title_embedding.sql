-- The document's title embedded on its own, on the document's first chunk (chunk_index 0): hybrid search
-- reads it for its candidates' documents only (no index) to weigh how close the question is to each
-- title. Chunks stored before it have none and simply get no title signal.
ALTER TABLE chunks ADD COLUMN title_embedding vector(${dimension});
