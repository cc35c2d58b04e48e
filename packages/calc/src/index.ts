/**
 * @cscx/success-calc: the pure math of customer success. Every formula of the seeds lives here
 * and only here; the SDK, the components, the reports and the server call these functions.
 *
 * Conventions: percents on the 0-100 scale, money in major units, dates as ISO 8601 (or Date, or
 * epoch ms). No function throws on data or returns NaN/Infinity: where a number cannot be
 * computed the result is `{ ok: false, reason, message }`.
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
export * from './kpi-rating.js';
export * from './metric-status.js';
export * from './portfolio.js';
export * from './progress.js';
export * from './recommend.js';
export type { CalcFailure } from './result.js';
export * from './retention.js';
export * from './roi.js';
export * from './service.js';
export * from './status-text.js';
export * from './success-score.js';
export * from './trend.js';
export * from './value.js';
