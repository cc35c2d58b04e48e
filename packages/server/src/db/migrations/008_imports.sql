-- Bulk imports (issue 13, POST /api/imports): the summary of each applied import, for
-- getImport. Written in the import's own transaction, so a summary exists exactly when its rows
-- were applied. An import belongs to the token that made it (as its Idempotency-Key does).
CREATE TABLE imports (
  id text PRIMARY KEY,
  token_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('customers', 'measurements', 'health_observations', 'kpi_observations')),
  format text NOT NULL CHECK (format IN ('csv', 'ndjson')),
  rows integer NOT NULL CHECK (rows >= 0),
  created integer NOT NULL CHECK (created >= 0),
  updated integer NOT NULL CHECK (updated >= 0),
  created_at timestamptz NOT NULL
);
CREATE INDEX imports_token_idx ON imports (token_id);
