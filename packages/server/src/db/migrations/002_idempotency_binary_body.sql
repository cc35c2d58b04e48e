-- Report files (PDF, PowerPoint) are bytes, and a repeat of an idempotent POST must return the
-- first response's bytes exactly: a text column cannot hold them (NUL bytes, invalid UTF-8).
-- A stored response now has exactly one body: text in `body`, or bytes in `body_bytes`.
ALTER TABLE idempotency_keys ADD COLUMN body_bytes bytea;
ALTER TABLE idempotency_keys ALTER COLUMN body DROP NOT NULL;
ALTER TABLE idempotency_keys
  ADD CONSTRAINT idempotency_keys_one_body CHECK ((body IS NULL) <> (body_bytes IS NULL));
