-- Webhook signing secrets encrypted at rest (issue 16). HMAC needs the key itself, so a secret
-- cannot be hashed the way API tokens are; it is sealed with AES-256-GCM under a key kept outside
-- the database (CSCX_SECRETS_KEY, or the key file), as `v1.<key id>.<base64url>`
-- (webhooks/secret-box.ts). The column is renamed so that nothing reads the sealed value as a
-- signing key. The key is not in the database, so SQL cannot seal: rows 009 stored in plain text
-- (`whsec_…`) are sealed by the server at start (webhooks/seal-stored.ts, idempotent), before it
-- serves or delivers anything.
ALTER TABLE webhook_subscriptions RENAME COLUMN secret TO secret_sealed;
