import type { KpiArrMovements, KpiFinancials, KpiTickets } from '../contract.js';
import type { Queryable } from '../db/database.js';

/** One customer's stored KPI inputs for one month (migration 007); a section not recorded is null. */
export interface KpiObservationRecord {
  readonly customer_id: string;
  readonly period: string;
  readonly arr: KpiArrMovements | null;
  readonly financials: KpiFinancials | null;
  readonly csat: number[] | null;
  readonly nps: number[] | null;
  readonly ces: number[] | null;
  readonly tickets: KpiTickets | null;
  readonly source: string | null;
  readonly note: string | null;
  /** Epoch ms. */
  readonly recorded_at: number;
  /** Epoch ms. */
  readonly updated_at: number;
}

const COLUMNS = `customer_id, period, arr, financials, csat, nps, ces, tickets, source, note,
  epoch_ms(recorded_at) AS recorded_at, epoch_ms(updated_at) AS updated_at`;

/** A customer's observations, oldest month first. */
export async function listKpiObservations(
  q: Queryable,
  customerId: string,
): Promise<KpiObservationRecord[]> {
  return q.query<KpiObservationRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM kpi_observations WHERE customer_id = $1 ORDER BY period`,
    [customerId],
  );
}

/**
 * The ARR sections of every customer of `segment` from `from` to `to` (months, inclusive): what
 * the segment's churn is counted from.
 */
export async function segmentArr(
  q: Queryable,
  segment: string,
  from: string,
  to: string,
): Promise<{ customer_id: string; period: string; arr: KpiArrMovements }[]> {
  return q.query<{ customer_id: string; period: string; arr: KpiArrMovements }>(
    `SELECT k.customer_id, k.period, k.arr FROM kpi_observations k
       JOIN customers c ON c.id = k.customer_id
     WHERE c.segment = $1 AND k.period >= $2 AND k.period <= $3 AND k.arr IS NOT NULL
     ORDER BY k.customer_id, k.period`,
    [segment, from, to],
  );
}

/** Every observation of `customerIds` for the months `from`..`to`, by customer and month. */
export async function kpiObservationsOf(
  q: Queryable,
  customerIds: readonly string[],
  from: string,
  to: string,
): Promise<KpiObservationRecord[]> {
  if (customerIds.length === 0) return [];
  return q.query<KpiObservationRecord & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM kpi_observations
     WHERE customer_id = ANY($1::text[]) AND period >= $2 AND period <= $3
     ORDER BY customer_id, period`,
    [customerIds, from, to],
  );
}

/**
 * Writes observations whole (insert, or replace the row of the same customer and month); the
 * caller merged the sections. Returns how many rows were written.
 */
export async function upsertKpiObservations(
  q: Queryable,
  rows: readonly KpiObservationRecord[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = (x: unknown): string | null => (x === null ? null : JSON.stringify(x));
  const out = await q.query(
    `INSERT INTO kpi_observations (customer_id, period, arr, financials, csat, nps, ces, tickets,
       source, note, recorded_at, updated_at)
     SELECT customer_id, period, arr::jsonb, financials::jsonb, csat::jsonb, nps::jsonb, ces::jsonb,
       tickets::jsonb, source, note, to_timestamp(recorded_at / 1000), to_timestamp(updated_at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::text[], $11::float8[], $12::float8[])
       AS t(customer_id, period, arr, financials, csat, nps, ces, tickets, source, note,
         recorded_at, updated_at)
     ON CONFLICT (customer_id, period) DO UPDATE SET arr = EXCLUDED.arr,
       financials = EXCLUDED.financials, csat = EXCLUDED.csat, nps = EXCLUDED.nps,
       ces = EXCLUDED.ces, tickets = EXCLUDED.tickets, source = EXCLUDED.source,
       note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
     RETURNING customer_id`,
    [
      rows.map((r) => r.customer_id),
      rows.map((r) => r.period),
      rows.map((r) => json(r.arr)),
      rows.map((r) => json(r.financials)),
      rows.map((r) => json(r.csat)),
      rows.map((r) => json(r.nps)),
      rows.map((r) => json(r.ces)),
      rows.map((r) => json(r.tickets)),
      rows.map((r) => r.source),
      rows.map((r) => r.note),
      rows.map((r) => r.recorded_at),
      rows.map((r) => r.updated_at),
    ],
  );
  return out.length;
}
