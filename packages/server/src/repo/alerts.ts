import type { AlertType } from '../contract.js';
import type { Queryable } from '../db/database.js';

export interface AlertRecord {
  readonly id: string;
  readonly customer_id: string;
  readonly goal_id: string | null;
  readonly milestone_id: string | null;
  readonly type: AlertType;
  readonly title: string;
  readonly cause: string;
  readonly created_at: number;
}

export type NewAlert = Omit<AlertRecord, 'id'>;

const COLUMNS =
  'id, customer_id, goal_id, milestone_id, type, title, cause, epoch_ms(created_at) AS created_at';

/**
 * Stores alerts and returns them with their ids. Ids come from a sequence, so among alerts of
 * one instant the later one sorts first, as "newest first" wants.
 */
export async function insertAlerts(
  q: Queryable,
  rows: readonly NewAlert[],
): Promise<AlertRecord[]> {
  if (rows.length === 0) return [];
  return q.query<AlertRecord & Record<string, unknown>>(
    `INSERT INTO alerts (id, customer_id, goal_id, milestone_id, type, title, cause, created_at)
     SELECT 'alt_' || lpad(nextval('alert_seq')::text, 12, '0'), customer_id, goal_id, milestone_id, type,
       title, cause, to_timestamp(created_at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[])
       WITH ORDINALITY AS t(customer_id, goal_id, milestone_id, type, title, cause, created_at, n)
     ORDER BY n
     RETURNING ${COLUMNS}`,
    [
      rows.map((r) => r.customer_id),
      rows.map((r) => r.goal_id),
      rows.map((r) => r.milestone_id),
      rows.map((r) => r.type),
      rows.map((r) => r.title),
      rows.map((r) => r.cause),
      rows.map((r) => r.created_at),
    ],
  );
}

export interface AlertListQuery {
  readonly csmId?: string | undefined;
  readonly customerId?: string | undefined;
  /** A viewer token's scope: this customer's alerts and its children's (auth.ts `scopeOf`). */
  readonly scopeCustomerId?: string | undefined;
  /** Only alerts raised strictly after this time (epoch ms). */
  readonly since?: number | undefined;
  /** Keyset: (created_at ms, id) of the last alert of the previous page. */
  readonly after?: readonly [number, string] | undefined;
  readonly limit: number;
}

/** Alerts newest first: by created_at, then id, both descending. */
export async function listAlerts(q: Queryable, query: AlertListQuery): Promise<AlertRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const next = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.customerId !== undefined) where.push(`customer_id = ${next(query.customerId)}`);
  if (query.scopeCustomerId !== undefined) {
    const id = next(query.scopeCustomerId);
    where.push(`customer_id IN (SELECT id FROM customers WHERE id = ${id} OR parent_id = ${id})`);
  }
  if (query.csmId !== undefined) {
    where.push(`customer_id IN (SELECT id FROM customers WHERE csm_id = ${next(query.csmId)})`);
  }
  if (query.since !== undefined)
    where.push(`created_at > to_timestamp(${next(query.since)}::float8 / 1000)`);
  if (query.after) {
    const t = next(query.after[0]);
    const id = next(query.after[1]);
    where.push(
      `(created_at < to_timestamp(${t}::float8 / 1000) OR (created_at = to_timestamp(${t}::float8 / 1000) AND id COLLATE "C" < ${id}))`,
    );
  }
  const limit = next(query.limit);
  return q.query<AlertRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS}
     FROM alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT ${limit}`,
    params,
  );
}
