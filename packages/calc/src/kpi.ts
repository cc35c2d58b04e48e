/**
 * `@cscx/success-calc/kpi`: the retention and service KPIs of seeds 002 and 003 (NRR, GRR,
 * churn rate, CLV, CAC payback, CSAT, NPS, CES, FCR, SLA compliance, handle time) and the seeds'
 * thresholds to rate them against (`KPI_THRESHOLDS`, `kpiRating`).
 *
 * A subpath of its own, as date-fns keeps its locales apart: the threshold table and these
 * validators are for KPI views and reports, not for every page that shows a goal's progress or
 * an ROI, and the main entry stays within its budget (DESIGN.md: calc whole <= 10 KB
 * min+gzip). Same conventions as the main entry: results, never throws, never NaN.
 *
 * @example
 * import { kpiRating, nrr } from '@cscx/success-calc/kpi';
 * const r = nrr({ startingArr: 1_000_000, expansion: 150_000, contraction: 30_000, churned: 20_000 });
 * if (r.ok) kpiRating('nrr', r.percent); // 'on_target' (110 %)
 *
 * @packageDocumentation
 */

export * from './explain-kpi.js';
export * from './kpi-rating.js';
export * from './retention.js';
export * from './service.js';
