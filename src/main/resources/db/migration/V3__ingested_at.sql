-- When each document's current version was written (GET /api/documents); unknown for older rows.
ALTER TABLE chunks ADD COLUMN ingested_at timestamptz;
