import type { Queryable } from '../db/database.js';

export type Role = 'manager' | 'csm' | 'viewer';

export interface TokenRecord {
  readonly id: string;
  readonly role: Role;
  readonly csm_id: string | null;
  readonly customer_id: string | null;
  readonly label: string;
  readonly demo: boolean;
  /** Minted by createEmbedToken: revocable through the API, always expiring. */
  readonly embed: boolean;
  readonly created_at: number;
  readonly expires_at: number | null;
  readonly revoked_at: number | null;
}

const COLUMNS = `id, role, csm_id, customer_id, label, demo, embed, epoch_ms(created_at) AS created_at,
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
  /** An embed token (createEmbedToken). Default false. */
  readonly embed?: boolean;
  readonly created_at: number;
  readonly expires_at: number | null;
}

export async function insertToken(q: Queryable, t: NewToken): Promise<void> {
  await q.query(
    `INSERT INTO api_tokens (id, token_hash, role, csm_id, customer_id, label, demo, embed, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, to_timestamp($9::float8 / 1000), to_timestamp($10::float8 / 1000))`,
    [
      t.id,
      t.hash,
      t.role,
      t.csm_id,
      t.customer_id,
      t.label,
      t.demo,
      t.embed ?? false,
      t.created_at,
      t.expires_at,
    ],
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

/**
 * Revokes an embed token, found by id or by the hash of its value. Returns its hash (so the
 * caller can drop it from the lookup cache), or null when no embed token matches: other tokens
 * are never revoked this way. An already revoked token keeps its first revocation time.
 */
export async function revokeEmbedToken(
  q: Queryable,
  by: { readonly id: string } | { readonly hash: string },
  at: number,
): Promise<string | null> {
  const [column, value] = 'id' in by ? ['id', by.id] : ['token_hash', by.hash];
  const rows = await q.query<{ token_hash: string }>(
    `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, to_timestamp($2::float8 / 1000))
     WHERE ${column} = $1 AND embed RETURNING token_hash`,
    [value, at],
  );
  return rows[0]?.token_hash ?? null;
}

/** Deletes embed tokens that expired before `before`: nothing can use or revoke them any more. */
export async function deleteExpiredEmbedTokens(q: Queryable, before: number): Promise<void> {
  await q.query(
    'DELETE FROM api_tokens WHERE embed AND expires_at < to_timestamp($1::float8 / 1000)',
    [before],
  );
}
