import type { Queryable } from '../db/database.js';

/** A stored first response of a POST, replayed for repeats with the same key (24 hours). */
export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export async function findStored(
  q: Queryable,
  tokenId: string,
  key: string,
  now: number,
): Promise<StoredResponse | null> {
  const rows = await q.query<StoredResponse & Record<string, unknown>>(
    `SELECT fingerprint, status, headers, body FROM idempotency_keys
     WHERE token_id = $1 AND key = $2 AND created_at > to_timestamp($3::float8 / 1000)`,
    [tokenId, key, now - IDEMPOTENCY_TTL_MS],
  );
  return rows[0] ?? null;
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
    `INSERT INTO idempotency_keys (token_id, key, fingerprint, status, headers, body, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, to_timestamp($7::float8 / 1000))
     ON CONFLICT (token_id, key) DO NOTHING RETURNING key`,
    [
      tokenId,
      key,
      response.fingerprint,
      response.status,
      JSON.stringify(response.headers),
      response.body,
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
