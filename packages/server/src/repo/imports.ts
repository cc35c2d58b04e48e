import type { Queryable } from '../db/database.js';

/** An applied import's summary (openapi.yaml `ImportResult`), with the token that made it. */
export interface ImportRecord {
  readonly id: string;
  readonly token_id: string;
  readonly kind: string;
  readonly format: string;
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** ms since the epoch */
  readonly created_at: number;
}

export async function insertImport(q: Queryable, r: ImportRecord): Promise<void> {
  await q.query(
    `INSERT INTO imports (id, token_id, kind, format, rows, created, updated, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8::float8 / 1000))`,
    [r.id, r.token_id, r.kind, r.format, r.rows, r.created, r.updated, r.created_at],
  );
}

/** The import of `id` made by `tokenId`, or null (another token's is not found either). */
export async function getImport(
  q: Queryable,
  id: string,
  tokenId: string,
): Promise<ImportRecord | null> {
  const rows = await q.query<ImportRecord & Record<string, unknown>>(
    `SELECT id, token_id, kind, format, rows, created, updated,
            epoch_ms(created_at) AS created_at
     FROM imports WHERE id = $1 AND token_id = $2`,
    [id, tokenId],
  );
  return rows[0] ?? null;
}
