-- Share links (issue 16, createShareLink): an expiring, revocable, read-only link to one
-- customer's customer-facing dashboard and report. Only the SHA-256 of the link's token is kept,
-- as for api_tokens: a database leak reveals no usable link. Their own table, not api_tokens,
-- so their scope (exactly one customer, customer-facing) is never widened by what a role of
-- api_tokens may come to see. Revoked and expired links are kept for the list (their status).
CREATE TABLE share_links (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  label text NOT NULL DEFAULT '',
  -- The id of the token that created it (a manager's or the customer's CSM's).
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX share_links_customer_idx ON share_links (customer_id, created_at DESC, id DESC);
