import type { Queryable } from '../db/database.js';

export type Role = 'manager' | 'csm' | 'viewer';

export interface TokenRecord {
  readonly id: string;
  readonly role: Role;
  readonly csm_id: string | null;
  readonly customer_id: string | null;
  readonly label: string;
  readonly demo: boolean;
  readonly created_at: number;
  readonly expires_at: number | null;
  readonly revoked_at: number | null;
}

const COLUMNS = `id, role, csm_id, customer_id, label, demo, epoch_ms(created_at) AS created_at,
  epoch_ms(expires_at) AS expires_at, epoch_ms(revoked_at) AS revoked_at`;

type Row = TokenRecord & Record<string, unknown>;

export async function findTokenByHash(q: Queryable, hash: string): Promise<TokenRecord | null> {
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [
    hash,
  ]);
  return rows[0] ?? null;
}

export interface NewToken {
  readonly id: string;
  readonly hash: string;
  readonly role: Role;
  readonly csm_id: string | null;
  readonly customer_id: string | null;
  readonly label: string;
  readonly demo: boolean;
  readonly created_at: number;
  readonly expires_at: number | null;
}

export async function insertToken(q: Queryable, t: NewToken): Promise<void> {
  await q.query(
    `INSERT INTO api_tokens (id, token_hash, role, csm_id, customer_id, label, demo, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8::float8 / 1000), to_timestamp($9::float8 / 1000))`,
    [t.id, t.hash, t.role, t.csm_id, t.customer_id, t.label, t.demo, t.created_at, t.expires_at],
  );
}

export async function listTokens(q: Queryable): Promise<TokenRecord[]> {
  return q.query<Row>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`);
}

/** Revokes a token by id; false when there is no such live token. */
export async function revokeToken(q: Queryable, id: string, at: number): Promise<boolean> {
  const rows = await q.query(
    'UPDATE api_tokens SET revoked_at = to_timestamp($2::float8 / 1000) WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id, at],
  );
  return rows.length === 1;
}
