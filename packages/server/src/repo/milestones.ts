import type { Queryable } from '../db/database.js';

export interface MilestoneRecord {
  readonly id: string;
  readonly customer_id: string;
  readonly goal_id: string | null;
  readonly name: string;
  readonly description: string;
  readonly target_date: string;
  readonly achieved_date: string | null;
  readonly flag: 'planned' | 'at_risk';
  readonly version: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const COLUMNS = `id, customer_id, goal_id, name, description, target_date::text AS target_date,
  achieved_date::text AS achieved_date, flag, version::float8 AS version,
  epoch_ms(created_at) AS created_at, epoch_ms(updated_at) AS updated_at`;

type Row = MilestoneRecord & Record<string, unknown>;

export async function getMilestone(q: Queryable, id: string): Promise<MilestoneRecord | null> {
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM milestones WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** A customer's milestones by target date, then id; optionally one keyset page. */
export async function listMilestones(
  q: Queryable,
  customerId: string,
  page?: { after?: readonly [string, string] | undefined; limit: number },
): Promise<MilestoneRecord[]> {
  const params: unknown[] = [customerId];
  let where = 'customer_id = $1';
  if (page?.after) {
    params.push(page.after[0], page.after[1]);
    where += ' AND (target_date > $2::date OR (target_date = $2::date AND id COLLATE "C" > $3))';
  }
  let limit = '';
  if (page) {
    params.push(page.limit);
    limit = `LIMIT $${params.length}`;
  }
  return q.query<Row>(
    `SELECT ${COLUMNS} FROM milestones WHERE ${where} ORDER BY target_date, id COLLATE "C" ${limit}`,
    params,
  );
}

export type NewMilestone = MilestoneRecord;

export async function insertMilestones(q: Queryable, rows: readonly NewMilestone[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO milestones (id, customer_id, goal_id, name, description, target_date, achieved_date, flag,
       version, created_at, updated_at)
     SELECT id, customer_id, goal_id, name, description, target_date::date, achieved_date::date, flag,
       version, to_timestamp(created_at / 1000), to_timestamp(updated_at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::bigint[], $10::float8[], $11::float8[])
       AS t(id, customer_id, goal_id, name, description, target_date, achieved_date, flag, version,
            created_at, updated_at)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.customer_id),
      rows.map((r) => r.goal_id),
      rows.map((r) => r.name),
      rows.map((r) => r.description),
      rows.map((r) => r.target_date),
      rows.map((r) => r.achieved_date),
      rows.map((r) => r.flag),
      rows.map((r) => r.version),
      rows.map((r) => r.created_at),
      rows.map((r) => r.updated_at),
    ],
  );
}

export interface MilestoneUpdateRow {
  readonly id: string;
  readonly goal_id: string | null;
  readonly name: string;
  readonly description: string;
  readonly target_date: string;
  readonly achieved_date: string | null;
  readonly flag: 'planned' | 'at_risk';
  readonly updated_at: number;
}

export async function updateMilestone(q: Queryable, m: MilestoneUpdateRow): Promise<void> {
  await q.query(
    `UPDATE milestones SET goal_id = $2, name = $3, description = $4, target_date = $5::date,
       achieved_date = $6::date, flag = $7, version = version + 1, updated_at = to_timestamp($8::float8 / 1000)
     WHERE id = $1`,
    [m.id, m.goal_id, m.name, m.description, m.target_date, m.achieved_date, m.flag, m.updated_at],
  );
}
