/**
 * @cscx/success-calc: the pure math of customer success. Every formula of the seeds lives here
 * and only here; the SDK, the components, the reports and the server call these functions.
 *
 * Conventions: percents on the 0-100 scale, money in major units, dates as ISO 8601 (or Date, or
 * epoch ms). No function throws on data or returns NaN/Infinity: where a number cannot be
 * computed the result is `{ ok: false, reason, message }`.
 *
 * Subpaths keep what only some pages need out of this entry: `@cscx/success-calc/kpi`
 * (retention and service KPIs, the seeds' KPI thresholds and `kpiRating`),
 * `@cscx/success-calc/explain` (the derivation of every figure, for reports and the API),
 * `@cscx/success-calc/rollup` (a parent account's rollup over its children, for the server) and
 * `@cscx/success-calc/portfolio-metrics` (the portfolio summary straight from raw metrics,
 * without per-goal result objects, for large books).
 *
 * @packageDocumentation
 */

export * from './benchmark.js';
export type { DateInput } from './dates.js';
export * from './format.js';
export * from './goal-progress.js';
export * from './goal-status.js';
export * from './health-outcomes.js';
export * from './health-score.js';
export * from './health-triggers.js';
export * from './metric-status.js';
export * from './portfolio.js';
export * from './progress.js';
export * from './recommend.js';
export type { CalcFailure } from './result.js';
export * from './roi.js';
export * from './status-text.js';
export * from './success-score.js';
export * from './trend.js';
export * from './value.js';
