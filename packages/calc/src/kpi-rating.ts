import { isFiniteNumber } from './result.js';

/** How a KPI value compares with its thresholds, best first. */
export type KpiRating = 'best_in_class' | 'on_target' | 'acceptable' | 'below_minimum';

/** Whether a larger KPI value is better (CSAT, NRR) or worse (churn, handle time). */
export type KpiDirection = 'higher_is_better' | 'lower_is_better';

/** Unit of a KPI's value and thresholds: percent, minutes, hours, or a survey scale. */
export type KpiUnit = '%' | 'min' | 'h' | '1..5' | '1..7' | '-100..100';

/** The KPIs the seeds give thresholds for (seed 003 unless noted in their `source`). */
export type KpiName =
  | 'csat'
  | 'csat_percent'
  | 'fcr'
  | 'fcr_technical'
  | 'fcr_billing'
  | 'fcr_product'
  | 'fcr_general'
  | 'nrr'
  | 'grr'
  | 'monthly_churn'
  | 'annual_churn'
  | 'aht'
  | 'ttr_critical'
  | 'ttr_high'
  | 'ttr_medium'
  | 'ttr_low'
  | 'sla_compliance'
  | 'ces'
  | 'nps'
  | 'kb_self_service'
  | 'kb_article_rating'
  | 'kb_search_success';

/**
 * Thresholds of one KPI, in its `unit` and read in its `direction`: `target` is the goal,
 * `minimum` the least acceptable value, `benchmark` the industry average (informational, not
 * used for rating), `bestInClass` the top tier. `source` is the seed file and section.
 */
export interface KpiThreshold {
  readonly direction: KpiDirection;
  readonly target: number;
  readonly minimum?: number;
  readonly benchmark?: number;
  readonly bestInClass?: number;
  readonly unit: KpiUnit;
  readonly source: string;
}

const H = 'higher_is_better';
const L = 'lower_is_better';

/**
 * Default thresholds per KPI, from the seeds (frozen). Notes on choices:
 * - TTR per severity in hours: the seed's "<= N" is the minimum, its "(Target: N)" the target;
 *   Low is 7 days (168 h) with a 5-day (120 h) target.
 * - NPS: seed 004 targets > 50 and calls > 30 excellent for the industry; 30 is both the
 *   benchmark and the minimum, so a score the industry calls excellent is never below minimum.
 * - FCR categories and the single-line KPIs (churn, AHT, SLA, CES, knowledge base) have only a
 *   target: missing it is below minimum (see {@link kpiRating}).
 * - Seed 004's product-launch churn caps (involuntary < 3 %, voluntary < 7 % monthly) contradict
 *   003's <= 2 % monthly and are left out.
 *
 * @example
 * KPI_THRESHOLDS.nrr; // { direction: 'higher_is_better', target: 110, minimum: 100, bestInClass: 120, unit: '%', source: '003 §3 NRR' }
 */
export const KPI_THRESHOLDS: Readonly<Record<KpiName, KpiThreshold>> = /* @__PURE__ */ freeze({
  csat: {
    direction: H,
    target: 4.5,
    minimum: 4,
    benchmark: 4.2,
    unit: '1..5',
    source: '003 §1 CSAT',
  },
  csat_percent: {
    direction: H,
    target: 90,
    minimum: 80,
    benchmark: 84,
    unit: '%',
    source: '003 §1 CSAT',
  },
  fcr: { direction: H, target: 75, minimum: 70, benchmark: 74, unit: '%', source: '003 §2 FCR' },
  fcr_technical: { direction: H, target: 65, unit: '%', source: '003 §2 FCR' },
  fcr_billing: { direction: H, target: 85, unit: '%', source: '003 §2 FCR' },
  fcr_product: { direction: H, target: 70, unit: '%', source: '003 §2 FCR' },
  fcr_general: { direction: H, target: 80, unit: '%', source: '003 §2 FCR' },
  nrr: {
    direction: H,
    target: 110,
    minimum: 100,
    bestInClass: 120,
    unit: '%',
    source: '003 §3 NRR',
  },
  grr: { direction: H, target: 95, minimum: 90, bestInClass: 98, unit: '%', source: '003 §3 GRR' },
  monthly_churn: { direction: L, target: 2, unit: '%', source: '003 §4 Churn' },
  annual_churn: { direction: L, target: 10, unit: '%', source: '003 §4 Churn' },
  aht: { direction: L, target: 8, unit: 'min', source: '003 §5 AHT' },
  ttr_critical: { direction: L, target: 2, minimum: 4, unit: 'h', source: '003 §6 TTR' },
  ttr_high: { direction: L, target: 12, minimum: 24, unit: 'h', source: '003 §6 TTR' },
  ttr_medium: { direction: L, target: 48, minimum: 72, unit: 'h', source: '003 §6 TTR' },
  ttr_low: { direction: L, target: 120, minimum: 168, unit: 'h', source: '003 §6 TTR' },
  sla_compliance: { direction: H, target: 98, unit: '%', source: '003 §7 SLA' },
  ces: { direction: H, target: 6, unit: '1..7', source: '003 §8 CES' },
  nps: {
    direction: H,
    target: 50,
    minimum: 30,
    benchmark: 30,
    unit: '-100..100',
    source: '004 NPS',
  },
  kb_self_service: { direction: H, target: 40, unit: '%', source: '003 §9 KB' },
  kb_article_rating: { direction: H, target: 4, unit: '1..5', source: '003 §9 KB' },
  kb_search_success: { direction: H, target: 85, unit: '%', source: '003 §9 KB' },
});

function freeze<T extends object>(table: T): Readonly<T> {
  for (const row of Object.values(table)) Object.freeze(row);
  return Object.freeze(table);
}

/** First finite of an override and a default, or undefined. */
const pick = (a: unknown, b: unknown): number | undefined =>
  isFiniteNumber(a) ? a : isFiniteNumber(b) ? b : undefined;

/**
 * Rates a KPI value against its thresholds, direction-aware, every bound inclusive:
 * `best_in_class` at or beyond `bestInClass` (when defined), `on_target` at or beyond `target`,
 * `acceptable` at or beyond `minimum` (when defined), else `below_minimum`. Without a minimum,
 * the target is the line: anything short of it is `below_minimum` (seed 003 states those KPIs
 * as single requirements, e.g. "SLA >= 98 %"). Seed 004's strict "> 50" for NPS is read as
 * ">= 50" like the rest.
 *
 * `thresholds` overrides fields of the KPI's defaults ({@link KPI_THRESHOLDS}); non-finite
 * overrides are ignored. Returns `null` when `value` is not a finite number or no finite target
 * is known (an unknown KPI name without a `target` override).
 *
 * @example
 * kpiRating('nrr', 112); // 'on_target'
 * kpiRating('monthly_churn', 1.5); // 'on_target' (lower is better)
 * kpiRating('csat', 4.1, { minimum: 4.2 }); // 'below_minimum'
 */
export function kpiRating(
  kpi: KpiName,
  value: number,
  thresholds?: Partial<KpiThreshold>,
): KpiRating | null {
  const d: Partial<KpiThreshold> | undefined =
    typeof kpi === 'string' && Object.hasOwn(KPI_THRESHOLDS, kpi) ? KPI_THRESHOLDS[kpi] : undefined;
  const target = pick(thresholds?.target, d?.target);
  if (!isFiniteNumber(value) || target === undefined) return null;
  // Lower-is-better compares negated values, so one set of >= tests serves both directions.
  const s = (thresholds?.direction ?? d?.direction) === L ? -1 : 1;
  const v = s * value;
  const best = pick(thresholds?.bestInClass, d?.bestInClass);
  if (best !== undefined && v >= s * best) return 'best_in_class';
  if (v >= s * target) return 'on_target';
  const min = pick(thresholds?.minimum, d?.minimum);
  return min !== undefined && v >= s * min ? 'acceptable' : 'below_minimum';
}
