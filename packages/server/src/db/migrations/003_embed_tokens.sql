-- Embed tokens (createEmbedToken): short-lived viewer tokens a manager mints for a partner page.
-- They are marked so that revokeEmbedToken and revokeEmbedTokenByValue revoke them and never any
-- other token, and they always expire. The partial index serves the sweep of long-expired ones:
-- a token minted per page view would otherwise grow the table without bound.
ALTER TABLE api_tokens ADD COLUMN embed boolean NOT NULL DEFAULT false;
ALTER TABLE api_tokens
  ADD CONSTRAINT api_tokens_embed_viewer CHECK (NOT embed OR (role = 'viewer' AND expires_at IS NOT NULL));
CREATE INDEX api_tokens_embed_expiry_idx ON api_tokens (expires_at) WHERE embed;
