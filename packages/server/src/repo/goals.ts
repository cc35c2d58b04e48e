import type { GoalCategory } from '@cscx/success-calc';
import type { Queryable } from '../db/database.js';

/** A value driver as stored: the request's inputs, every field present (null when not given). */
export interface StoredDriver {
  readonly type: 'time_saved' | 'cost_reduction' | 'revenue_increase';
  readonly label: string;
  readonly confidence: 'high' | 'medium' | 'low' | null;
  readonly hours_per_unit: number | null;
  readonly units_per_month: number | null;
  readonly hours_per_month: number | null;
  readonly hourly_rate: number | null;
  readonly monthly_amount: number | null;
  readonly annual_amount: number | null;
  /**
   * The goal metric whose measured change is the driver's per-unit amount, or null. Absent in
   * drivers stored before links existed, which means the same.
   */
  readonly metric_id?: string | null;
}

export interface MeasurementRecord {
  /** The row's id (`msr_<n>` on the wire); absent in records built outside the database. */
  readonly id?: string;
  /** measured_at, epoch ms. */
  readonly at: number;
  readonly value: number;
  readonly source: string | null;
  readonly note: string | null;
}

export interface MetricRecord {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: 'higher_is_better' | 'lower_is_better';
  readonly baseline_value: number | null;
  readonly target_value: number;
  readonly data_source: string | null;
  readonly frequency: 'daily' | 'weekly' | 'monthly' | 'quarterly';
  readonly weight: number;
  /** Oldest first (by measured_at, then by the order recorded). */
  readonly measurements: readonly MeasurementRecord[];
}

export interface GoalRecord {
  readonly id: string;
  readonly customer_id: string;
  readonly name: string;
  readonly description: string;
  readonly category: GoalCategory;
  readonly owner_name: string | null;
  readonly owner_title: string | null;
  readonly weight: number;
  readonly start_date: string;
  readonly target_date: string;
  readonly value_drivers: readonly StoredDriver[];
  readonly version: number;
  readonly last_status: string | null;
  /** Epoch ms. */
  readonly created_at: number;
  readonly updated_at: number;
  readonly metrics: readonly MetricRecord[];
}

type RawMeasurement = [number, number, string | null, string | null, string];
interface RawMetric extends Omit<MetricRecord, 'measurements'> {
  readonly measurements: RawMeasurement[];
}
interface RawGoal extends Omit<GoalRecord, 'metrics'> {
  readonly metrics: RawMetric[];
}

/** Goals per query when every goal is loaded. */
const ALL_GOALS_PAGE = 1000;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Byte order of UTF-8, as `COLLATE "C"` sorts. */
function compareBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export interface GoalLoad {
  readonly customerId?: string;
  /** The goals of these customers (one query however many). */
  readonly customerIds?: readonly string[];
  readonly goalId?: string;
  /** Measurements measured after this time (epoch ms) are left out. */
  readonly until: number;
  /** `'latest'`: only each metric's latest measurement (enough for status and value). */
  readonly history: 'full' | 'latest';
  /** Goals per query when every goal is loaded (default {@link ALL_GOALS_PAGE}). */
  readonly pageSize?: number;
}

/**
 * A customer's goals (or several customers', one goal, or every goal) with their metrics and
 * measurement history in ONE query: reads stay one round trip however many goals and metrics
 * there are. Every goal comes in pages of {@link ALL_GOALS_PAGE} (one query each), in the same
 * order.
 */
export async function loadGoals(q: Queryable, load: GoalLoad): Promise<GoalRecord[]> {
  const params: unknown[] = [load.until];
  let where = 'TRUE';
  if (load.customerId !== undefined) {
    params.push(load.customerId);
    where = `g.customer_id = $${params.length}`;
  } else if (load.customerIds !== undefined) {
    params.push(load.customerIds);
    where = `g.customer_id = ANY($${params.length}::text[])`;
  } else if (load.goalId !== undefined) {
    params.push(load.goalId);
    where = `g.id = $${params.length}`;
  }
  const history =
    load.history === 'full'
      ? `SELECT json_agg(json_build_array(epoch_ms(x.measured_at), x.value, x.source, x.note, 'msr_' || x.id)
           ORDER BY x.measured_at, x.id)
         FROM measurements x
         WHERE x.metric_id = m.id AND x.measured_at <= to_timestamp($1::float8 / 1000)`
      : `SELECT json_agg(json_build_array(epoch_ms(l.measured_at), l.value, l.source, l.note, 'msr_' || l.id))
         FROM (SELECT x.id, x.measured_at, x.value, x.source, x.note FROM measurements x
               WHERE x.metric_id = m.id AND x.measured_at <= to_timestamp($1::float8 / 1000)
               ORDER BY x.measured_at DESC, x.id DESC LIMIT 1) l`;
  const select = (filter: string, tail: string, args: readonly unknown[]) =>
    q.query<RawGoal & Record<string, unknown>>(
      `SELECT g.id, g.customer_id, g.name, g.description, g.category, g.owner_name, g.owner_title,
       g.weight, g.start_date::text AS start_date, g.target_date::text AS target_date,
       g.value_drivers, g.version::float8 AS version, g.last_status,
       epoch_ms(g.created_at) AS created_at, epoch_ms(g.updated_at) AS updated_at,
       coalesce((
         SELECT json_agg(json_build_object(
           'id', m.id, 'name', m.name, 'unit', m.unit, 'direction', m.direction,
           'baseline_value', m.baseline_value, 'target_value', m.target_value,
           'data_source', m.data_source, 'frequency', m.frequency, 'weight', m.weight,
           'measurements', coalesce((${history}), '[]'::json)) ORDER BY m.position)
         FROM metrics m WHERE m.goal_id = g.id), '[]'::json) AS metrics
     FROM goals g WHERE ${filter} ${tail}`,
      args,
    );
  let rows: (RawGoal & Record<string, unknown>)[];
  if (where !== 'TRUE') {
    rows = await select(
      where,
      'ORDER BY g.target_date, g.name COLLATE "C", g.id COLLATE "C"',
      params,
    );
  } else {
    // Every goal: in pages by id, then ordered here. One result of every goal (26,000 at 10,000
    // customers) grows PGlite's WebAssembly memory by its whole size, and that memory is never
    // given back; pages keep the peak to one page's worth.
    rows = [];
    let after = '';
    const size = load.pageSize ?? ALL_GOALS_PAGE;
    for (;;) {
      const page = await select('g.id > $2', 'ORDER BY g.id LIMIT $3', [load.until, after, size]);
      rows.push(...page);
      if (page.length < size) break;
      after = page[page.length - 1]!.id;
    }
    rows.sort(
      (a, b) =>
        compareText(a.target_date, b.target_date) ||
        compareBytes(a.name, b.name) ||
        compareBytes(a.id, b.id),
    );
  }
  return rows.map((g) => ({
    ...g,
    metrics: g.metrics.map((m) => ({
      ...m,
      measurements: m.measurements.map(([at, value, source, note, id]) => ({
        id,
        at,
        value,
        source,
        note,
      })),
    })),
  }));
}

/** A goal as inserted: the record without its metrics (they are inserted on their own). */
export type NewGoal = Omit<GoalRecord, 'metrics'>;

export interface NewMetric {
  readonly id: string;
  readonly goal_id: string;
  readonly position: number;
  readonly name: string;
  readonly unit: string;
  readonly direction: MetricRecord['direction'];
  readonly baseline_value: number | null;
  readonly target_value: number;
  readonly data_source: string | null;
  readonly frequency: MetricRecord['frequency'];
  readonly weight: number;
}

export interface NewMeasurement {
  readonly metric_id: string;
  readonly at: number;
  readonly value: number;
  readonly source: string | null;
  readonly note: string | null;
  readonly recorded_at: number;
}

// Bulk inserts as one statement over arrays: the seed writes thousands of rows, the API one.
export async function insertGoals(q: Queryable, rows: readonly NewGoal[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO goals (id, customer_id, name, description, category, owner_name, owner_title, weight,
       start_date, target_date, value_drivers, version, last_status, created_at, updated_at)
     SELECT id, customer_id, name, description, category, owner_name, owner_title, weight,
       start_date::date, target_date::date, value_drivers::jsonb, version, last_status,
       to_timestamp(created_at / 1000), to_timestamp(updated_at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::float8[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::text[], $14::float8[], $15::float8[])
       AS t(id, customer_id, name, description, category, owner_name, owner_title, weight,
            start_date, target_date, value_drivers, version, last_status, created_at, updated_at)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.customer_id),
      rows.map((r) => r.name),
      rows.map((r) => r.description),
      rows.map((r) => r.category),
      rows.map((r) => r.owner_name),
      rows.map((r) => r.owner_title),
      rows.map((r) => r.weight),
      rows.map((r) => r.start_date),
      rows.map((r) => r.target_date),
      rows.map((r) => JSON.stringify(r.value_drivers)),
      rows.map((r) => r.version),
      rows.map((r) => r.last_status),
      rows.map((r) => r.created_at),
      rows.map((r) => r.updated_at),
    ],
  );
}

export async function insertMetrics(q: Queryable, rows: readonly NewMetric[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO metrics (id, goal_id, position, name, unit, direction, baseline_value, target_value,
       data_source, frequency, weight)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
       $7::float8[], $8::float8[], $9::text[], $10::text[], $11::float8[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.goal_id),
      rows.map((r) => r.position),
      rows.map((r) => r.name),
      rows.map((r) => r.unit),
      rows.map((r) => r.direction),
      rows.map((r) => r.baseline_value),
      rows.map((r) => r.target_value),
      rows.map((r) => r.data_source),
      rows.map((r) => r.frequency),
      rows.map((r) => r.weight),
    ],
  );
}

export async function insertMeasurements(
  q: Queryable,
  rows: readonly NewMeasurement[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO measurements (metric_id, measured_at, value, source, note, recorded_at)
     SELECT metric_id, to_timestamp(at / 1000), value, source, note, to_timestamp(recorded_at / 1000)
     FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::text[], $6::float8[])
       AS t(metric_id, at, value, source, note, recorded_at)`,
    [
      rows.map((r) => r.metric_id),
      rows.map((r) => r.at),
      rows.map((r) => r.value),
      rows.map((r) => r.source),
      rows.map((r) => r.note),
      rows.map((r) => r.recorded_at),
    ],
  );
}

/** The customer of a goal, without locking anything (the first step of a goal write). */
export async function goalCustomer(q: Queryable, goalId: string): Promise<string | null> {
  const rows = await q.query<{ customer_id: string }>(
    'SELECT customer_id FROM goals WHERE id = $1',
    [goalId],
  );
  return rows[0]?.customer_id ?? null;
}

export interface GoalUpdate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: GoalRecord['category'];
  readonly owner_name: string | null;
  readonly owner_title: string | null;
  readonly weight: number;
  readonly start_date: string;
  readonly target_date: string;
  readonly value_drivers: readonly StoredDriver[];
  readonly updated_at: number;
}

export async function updateGoal(q: Queryable, g: GoalUpdate): Promise<void> {
  await q.query(
    `UPDATE goals SET name = $2, description = $3, category = $4, owner_name = $5, owner_title = $6,
       weight = $7, start_date = $8::date, target_date = $9::date, value_drivers = $10::jsonb,
       version = version + 1, updated_at = to_timestamp($11::float8 / 1000)
     WHERE id = $1`,
    [
      g.id,
      g.name,
      g.description,
      g.category,
      g.owner_name,
      g.owner_title,
      g.weight,
      g.start_date,
      g.target_date,
      JSON.stringify(g.value_drivers),
      g.updated_at,
    ],
  );
}

/** A measurement is a change to its goal: the version goes up by one. */
export async function touchGoal(q: Queryable, goalId: string, at: number): Promise<void> {
  await q.query(
    'UPDATE goals SET version = version + 1, updated_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
    [goalId, at],
  );
}

export async function setLastStatus(q: Queryable, goalId: string, status: string): Promise<void> {
  await q.query('UPDATE goals SET last_status = $2 WHERE id = $1', [goalId, status]);
}

export async function updateMetric(q: Queryable, m: Omit<NewMetric, 'goal_id'>): Promise<void> {
  await q.query(
    `UPDATE metrics SET position = $2, name = $3, unit = $4, direction = $5, baseline_value = $6,
       target_value = $7, data_source = $8, frequency = $9, weight = $10 WHERE id = $1`,
    [
      m.id,
      m.position,
      m.name,
      m.unit,
      m.direction,
      m.baseline_value,
      m.target_value,
      m.data_source,
      m.frequency,
      m.weight,
    ],
  );
}

export async function deleteMetrics(
  q: Queryable,
  goalId: string,
  keep: readonly string[],
): Promise<void> {
  await q.query('DELETE FROM metrics WHERE goal_id = $1 AND NOT (id = ANY($2::text[]))', [
    goalId,
    keep,
  ]);
}

export async function deleteGoal(q: Queryable, goalId: string, at: number): Promise<void> {
  // Linked milestones are kept and unlinked, which is a change to them: their version goes up.
  await q.query(
    `UPDATE milestones SET goal_id = NULL, version = version + 1, updated_at = to_timestamp($2::float8 / 1000)
     WHERE goal_id = $1`,
    [goalId, at],
  );
  await q.query('DELETE FROM goals WHERE id = $1', [goalId]);
}

/** A stored measurement's wire id (`msr_<n>`) as its row id, or null when it cannot be one. */
export function measurementRowId(wireId: string): string | null {
  const m = /^msr_([1-9][0-9]{0,17})$/.exec(wireId);
  return m?.[1] ?? null;
}

export interface MeasurementChange {
  readonly id: string;
  readonly at: number;
  readonly value: number;
  readonly source: string | null;
  readonly note: string | null;
}

/** Corrects a measurement in place; it keeps its id and its place in the history. */
export async function updateMeasurement(q: Queryable, m: MeasurementChange): Promise<void> {
  await q.query(
    `UPDATE measurements SET measured_at = to_timestamp($2::float8 / 1000), value = $3, source = $4,
       note = $5 WHERE id = $1::bigint`,
    [measurementRowId(m.id), m.at, m.value, m.source, m.note],
  );
}

export async function deleteMeasurement(q: Queryable, wireId: string): Promise<void> {
  await q.query('DELETE FROM measurements WHERE id = $1::bigint', [measurementRowId(wireId)]);
}
