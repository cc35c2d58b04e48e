import type { Queryable } from '../db/database.js';

/** A stored share link (migration 013); its token is only ever kept as a hash. */
export interface ShareLinkRecord {
  readonly id: string;
  readonly customer_id: string;
  readonly label: string;
  readonly created_by: string;
  readonly created_at: number;
  readonly expires_at: number;
  readonly revoked_at: number | null;
}

const COLUMNS = `id, customer_id, label, created_by, epoch_ms(created_at) AS created_at,
  epoch_ms(expires_at) AS expires_at, epoch_ms(revoked_at) AS revoked_at`;

type Row = ShareLinkRecord & Record<string, unknown>;

export async function insertShareLink(
  q: Queryable,
  link: ShareLinkRecord & { readonly hash: string },
): Promise<void> {
  await q.query(
    `INSERT INTO share_links (id, token_hash, customer_id, label, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, to_timestamp($6::float8 / 1000), to_timestamp($7::float8 / 1000))`,
    [
      link.id,
      link.hash,
      link.customer_id,
      link.label,
      link.created_by,
      link.created_at,
      link.expires_at,
    ],
  );
}

export async function findShareLinkByHash(
  q: Queryable,
  hash: string,
): Promise<ShareLinkRecord | null> {
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM share_links WHERE token_hash = $1`, [
    hash,
  ]);
  return rows[0] ?? null;
}

/** One page of a customer's links, newest first, after the keyset `after` ([created_at, id]). */
export async function listShareLinks(
  q: Queryable,
  customerId: string,
  after: readonly [number, string] | undefined,
  limit: number,
): Promise<ShareLinkRecord[]> {
  return after
    ? q.query<Row>(
        `SELECT ${COLUMNS} FROM share_links
         WHERE customer_id = $1 AND (created_at, id) < (to_timestamp($2::float8 / 1000), $3)
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [customerId, after[0], after[1], limit],
      )
    : q.query<Row>(
        `SELECT ${COLUMNS} FROM share_links WHERE customer_id = $1
         ORDER BY created_at DESC, id DESC LIMIT $2`,
        [customerId, limit],
      );
}

/**
 * Revokes a link of the customer; an already revoked one keeps its first revocation time.
 * False when the customer has no link of that id.
 */
export async function revokeShareLink(
  q: Queryable,
  customerId: string,
  id: string,
  at: number,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE share_links SET revoked_at = COALESCE(revoked_at, to_timestamp($3::float8 / 1000))
     WHERE id = $1 AND customer_id = $2 RETURNING id`,
    [id, customerId, at],
  );
  return rows.length === 1;
}
