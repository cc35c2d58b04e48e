import { isoDay } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { monthsBefore } from '../derive/kpis.js';
import { type KpiObservationRecord, upsertKpiObservations } from '../repo/kpis.js';
import type { SeedCustomer } from './builder.js';
import { ACME } from './demo.js';
import { Rand } from './prng.js';

/** Months of KPI history each demo customer gets, ending with the last complete month. */
export const KPI_MONTHS = 12;

/** A stable 32-bit seed from a customer id (FNV-1a), so each customer's history is its own. */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Counts per answer for `n` respondents leaning to the top of the scale by `quality` (0..1). */
function counts(r: Rand, answers: number, n: number, quality: number): number[] {
  const out = new Array<number>(answers).fill(0);
  for (let i = 0; i < n; i++) {
    // The mean of two draws, pulled up by quality: most answers near the top, a tail below.
    const x = Math.min(0.999, (r.next() + r.next()) / 2 + quality * 0.45);
    const k = Math.floor(x * answers);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The KPI history of one customer: ARR movements, margin and CAC, survey counts and ticket
 * outcomes for each of the `KPI_MONTHS` months before `now`'s month. Deterministic per customer
 * id and month. A few generated customers churn in one month and have no observations after.
 */
export function kpiHistory(c: SeedCustomer, now: Date): KpiObservationRecord[] {
  const r = new Rand(seedOf(c.customer.id));
  const id = c.customer.id;
  const acme = id === ACME;
  const quality = acme ? 0.75 : r.between(0.1, 0.8);
  const size =
    c.customer.segment === 'enterprise' ? 4 : c.customer.segment === 'mid_market' ? 2 : 1;
  let arr = c.customer.investment ?? 20_000 * size;
  const churnAt = !acme && r.chance(0.06) ? r.int(2, KPI_MONTHS - 1) : -1;
  const cac = acme ? 40_000 : round2(arr * r.between(0.3, 1.2));
  const margin = acme ? 80 : r.int(65, 85);
  const thisMonth = isoDay(now).slice(0, 7);
  const out: KpiObservationRecord[] = [];
  for (let i = 0; i < KPI_MONTHS; i++) {
    const period = monthsBefore(thisMonth, KPI_MONTHS - i);
    const churned = i === churnAt;
    const expansion = churned
      ? 0
      : r.chance(acme ? 0.3 : 0.15)
        ? round2(arr * r.between(0.02, 0.1))
        : 0;
    const contraction =
      churned || expansion > 0 ? 0 : r.chance(0.1) ? round2(arr * r.between(0.01, 0.05)) : 0;
    const tickets = r.int(10, 60) * size;
    const fcrShare = 0.6 + quality * 0.25 + r.between(-0.05, 0.05);
    const slaShare = Math.min(1, 0.9 + quality * 0.1 + r.between(-0.03, 0.01));
    const severity = (share: number, hours: number) => {
      const resolved = Math.round(tickets * share);
      return { resolved, hours: round2(resolved * hours * r.between(0.6, 1.4)) };
    };
    // Recorded on the 2nd of the next month, the way a monthly export arrives, never after now.
    const recorded = Math.min(
      now.getTime(),
      Date.parse(`${monthsBefore(thisMonth, KPI_MONTHS - i - 1)}-02T09:00:00Z`),
    );
    out.push({
      customer_id: id,
      period,
      arr: {
        starting_arr: arr,
        expansion,
        contraction,
        churned: churned ? arr : 0,
      },
      financials: { gross_margin_pct: margin, cac },
      csat: counts(r, 5, r.int(8, 40), quality),
      nps: counts(r, 11, r.int(5, 30), quality),
      ces: counts(r, 7, r.int(5, 25), quality),
      tickets: {
        total: tickets,
        first_contact_resolved: Math.round(tickets * fcrShare),
        sla_met: Math.round(tickets * slaShare),
        handle_minutes: round2(tickets * r.between(6, 11)),
        resolution: {
          critical: severity(0.05, 2.5),
          high: severity(0.15, 14),
          medium: severity(0.4, 40),
          low: severity(0.3, 100),
        },
      },
      source: 'Demo billing, survey and helpdesk exports',
      note: churned ? 'Cancelled at renewal.' : null,
      recorded_at: recorded,
      updated_at: recorded,
    });
    if (churned) break;
    arr = round2(arr + expansion - contraction);
  }
  return out;
}

/** Writes the KPI history of every demo customer (one call from the seed). */
export async function writeKpiHistory(
  q: Queryable,
  customers: readonly SeedCustomer[],
  now: Date,
): Promise<number> {
  const rows = customers.flatMap((c) => kpiHistory(c, now));
  let written = 0;
  // In chunks: a 10,000-customer demo has 120,000 rows, too many for one statement's arrays.
  for (let i = 0; i < rows.length; i += 5000) {
    written += await upsertKpiObservations(q, rows.slice(i, i + 5000));
  }
  return written;
}
