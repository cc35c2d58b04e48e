import type { Queryable } from '../db/database.js';

/**
 * A stored first response of a POST, replayed for repeats with the same key (24 hours). A body
 * is text (JSON, HTML) or bytes (PDF, PowerPoint); bytes are stored as bytes (`body_bytes`,
 * bytea), so a replay returns exactly what the first response sent.
 */
export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

interface StoredRow extends Record<string, unknown> {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  /** Uint8Array from PGlite, Buffer (a Uint8Array) from pg. */
  readonly body_bytes: Uint8Array | null;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export async function findStored(
  q: Queryable,
  tokenId: string,
  key: string,
  now: number,
): Promise<StoredResponse | null> {
  const rows = await q.query<StoredRow>(
    `SELECT fingerprint, status, headers, body, body_bytes FROM idempotency_keys
     WHERE token_id = $1 AND key = $2 AND created_at > to_timestamp($3::float8 / 1000)`,
    [tokenId, key, now - IDEMPOTENCY_TTL_MS],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    fingerprint: row.fingerprint,
    status: row.status,
    headers: row.headers,
    // A copy: the driver's bytes may be a view into a larger buffer it reuses.
    body: row.body_bytes === null ? (row.body ?? '') : new Uint8Array(row.body_bytes),
  };
}

/**
 * Stores the response in the same transaction as the write it describes, so a crash can never
 * leave a write without its record (a retry would apply it twice) or a record without its write.
 * Returns false when another request stored this key first: the caller rolls back and replays.
 */
export async function storeResponse(
  q: Queryable,
  tokenId: string,
  key: string,
  response: StoredResponse,
  now: number,
): Promise<boolean> {
  await q.query(
    'DELETE FROM idempotency_keys WHERE token_id = $1 AND key = $2 AND created_at <= to_timestamp($3::float8 / 1000)',
    [tokenId, key, now - IDEMPOTENCY_TTL_MS],
  );
  const rows = await q.query(
    `INSERT INTO idempotency_keys (token_id, key, fingerprint, status, headers, body, body_bytes, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::bytea, to_timestamp($8::float8 / 1000))
     ON CONFLICT (token_id, key) DO NOTHING RETURNING key`,
    [
      tokenId,
      key,
      response.fingerprint,
      response.status,
      JSON.stringify(response.headers),
      typeof response.body === 'string' ? response.body : null,
      typeof response.body === 'string' ? null : response.body,
      now,
    ],
  );
  return rows.length === 1;
}

/** Forgets keys older than 24 hours. */
export async function purgeExpired(q: Queryable, now: number): Promise<number> {
  const rows = await q.query(
    'DELETE FROM idempotency_keys WHERE created_at <= to_timestamp($1::float8 / 1000) RETURNING key',
    [now - IDEMPOTENCY_TTL_MS],
  );
  return rows.length;
}
