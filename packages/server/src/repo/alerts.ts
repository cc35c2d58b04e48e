import { isoTimestamp } from '../clock.js';
import type { Alert, AlertState, AlertType } from '../contract.js';
import type { Queryable } from '../db/database.js';

export interface AlertRecord {
  readonly id: string;
  readonly customer_id: string;
  /** The customer's name as it is now (read with the alert, never stored with it). */
  readonly customer_name: string;
  readonly goal_id: string | null;
  readonly milestone_id: string | null;
  readonly type: AlertType;
  readonly title: string;
  readonly cause: string;
  readonly created_at: number;
  readonly state: AlertState;
  readonly version: number;
  readonly acknowledged_at: number | null;
  readonly acknowledged_by: string | null;
  readonly dismissed_at: number | null;
  readonly dismissed_by: string | null;
}

/** What raising an alert supplies; its state starts `open` at version 1. */
export type NewAlert = Pick<
  AlertRecord,
  'customer_id' | 'goal_id' | 'milestone_id' | 'type' | 'title' | 'cause' | 'created_at'
>;

/**
 * The columns of an AlertRecord, timestamps as epoch ms (repo/health.ts inserts alerts too), and
 * the customer's current name: a renamed customer's alerts read its new name.
 */
export const ALERT_COLUMNS = `id, customer_id,
  (SELECT c.name FROM customers c WHERE c.id = alerts.customer_id) AS customer_name,
  goal_id, milestone_id, type, title, cause,
  epoch_ms(created_at) AS created_at, state, version::float8 AS version,
  epoch_ms(acknowledged_at) AS acknowledged_at, acknowledged_by,
  epoch_ms(dismissed_at) AS dismissed_at, dismissed_by`;
const COLUMNS = ALERT_COLUMNS;

/** An alert as the API sends it (openapi.yaml `Alert`). */
export function alertWire(a: AlertRecord): Alert {
  return {
    id: a.id,
    customer_id: a.customer_id,
    customer_name: a.customer_name,
    goal_id: a.goal_id,
    milestone_id: a.milestone_id,
    type: a.type,
    title: a.title,
    cause: a.cause,
    created_at: isoTimestamp(a.created_at),
    state: a.state,
    acknowledged_at: a.acknowledged_at === null ? null : isoTimestamp(a.acknowledged_at),
    acknowledged_by: a.acknowledged_by,
    dismissed_at: a.dismissed_at === null ? null : isoTimestamp(a.dismissed_at),
    dismissed_by: a.dismissed_by,
    version: a.version,
  };
}

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
  /** `scopeCustomerId` alone, without its children (a share link). */
  readonly scopeExact?: boolean;
  /** Only alerts raised strictly after this time (epoch ms). */
  readonly since?: number | undefined;
  /** Keyset: (created_at ms, id) of the last alert of the previous page. */
  readonly after?: readonly [number, string] | undefined;
  /** Only alerts in one of these states; all states when absent. */
  readonly states?: readonly AlertState[] | undefined;
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
    where.push(
      query.scopeExact
        ? `customer_id = ${id}`
        : `customer_id IN (SELECT id FROM customers WHERE id = ${id} OR parent_id = ${id})`,
    );
  }
  if (query.csmId !== undefined) {
    where.push(`customer_id IN (SELECT id FROM customers WHERE csm_id = ${next(query.csmId)})`);
  }
  if (query.states !== undefined) where.push(`state = ANY(${next(query.states)}::text[])`);
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

/** One alert with its customer's id (for the scope check), or null. */
export async function findAlert(q: Queryable, id: string): Promise<AlertRecord | null> {
  const rows = await q.query<AlertRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM alerts WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/**
 * Moves an alert to `state`, stamping who and when, and bumps its version. The caller has
 * checked the transition (states only move forward) and the version, under the customer's lock.
 */
export async function setAlertState(
  q: Queryable,
  id: string,
  state: 'acknowledged' | 'dismissed',
  by: string,
  at: number,
): Promise<AlertRecord> {
  const stamp =
    state === 'acknowledged'
      ? 'acknowledged_at = to_timestamp($3::float8 / 1000), acknowledged_by = $4'
      : 'dismissed_at = to_timestamp($3::float8 / 1000), dismissed_by = $4';
  const rows = await q.query<AlertRecord & Record<string, unknown>>(
    `UPDATE alerts SET state = $2, version = version + 1, ${stamp}
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, state, at, by],
  );
  const row = rows[0];
  if (!row) throw new Error(`alert ${id} vanished under its customer's lock`);
  return row;
}
