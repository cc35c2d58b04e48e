// goalProgress's and goalStatus's rules on plain numbers, without result objects: they compute
// through these, and portfolioFromMetrics (`@cscx/success-calc/portfolio-metrics`) calls them
// for every goal of a portfolio without allocating (issue 12: calc <= 4x a plain loop). Not
// exported from the package: the public functions are the documented way in.

import { type DateInput, epochMsOrNaN, MS_PER_DAY } from './dates.js';
import type { GoalMetricInput } from './goal-progress.js';
import type { GoalStatus, GoalStatusOptions } from './goal-status.js';
import { clamp, finiteOr, isFiniteNumber } from './result.js';

/** One metric's progress by the baseline method, `(current - baseline) / (target - baseline) x 100`. */
export function baselinePercent(baseline: number, target: number, current: number): number {
  // `+ 0` turns -0 into 0.
  return ((current - baseline) / (target - baseline)) * 100 + 0;
}

/**
 * The goal's progress when every metric is plain (finite baseline, target and current, weight
 * above 0 or absent, no explicit direction): the weighted mean of their baseline percents. NaN
 * otherwise: the caller then takes goalProgress's checked path, which explains what is wrong.
 */
export function plainGoalPercent(inputs: readonly (GoalMetricInput | undefined)[]): number {
  let sumW = 0;
  let sumWP = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < inputs.length; i++) {
    const m = inputs[i];
    if (m == null) return Number.NaN;
    const b = m.baseline;
    const t = m.target;
    const c = m.current;
    const w = m.weight ?? 1;
    if (
      !isFiniteNumber(b) ||
      !isFiniteNumber(t) ||
      !isFiniteNumber(c) ||
      !isFiniteNumber(w) ||
      !(w > 0) ||
      m.direction != null
    ) {
      return Number.NaN;
    }
    const p = baselinePercent(b, t, c);
    if (!isFiniteNumber(p)) return Number.NaN;
    sumW += w;
    sumWP += w * p;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const percent = sumWP / sumW;
  // A mean lies between its extremes; the clamp only absorbs floating-point rounding.
  return isFiniteNumber(percent) && sumW < Number.POSITIVE_INFINITY
    ? clamp(percent, min, max)
    : Number.NaN;
}

/**
 * A goal's window in whole UTC days, written to `out`: `out[0]` the start day, `out[1]` the day
 * after the target day (the target day itself is in time); NaN for a date missing or invalid,
 * and both NaN when the start is not before the end (the range cannot be trusted).
 */
export function goalDays(
  startDate: DateInput | null | undefined,
  targetDate: DateInput | null | undefined,
  out: Float64Array,
): void {
  const start = Math.floor(epochMsOrNaN(startDate) / MS_PER_DAY);
  const end = Math.floor(epochMsOrNaN(targetDate) / MS_PER_DAY) + 1;
  // Only a start on or after the end voids both: a missing start still leaves the end's rule.
  const ok = !(start >= end);
  out[0] = ok ? start : Number.NaN;
  out[1] = ok ? end : Number.NaN;
}

/** expectedPercent on day numbers: NaN when the window or `asOf` is unknown. */
export function expectedOnDays(asOf: number, start: number, end: number): number {
  return clamp(((asOf - start) / (end - start)) * 100, 0, 100);
}

/**
 * goalStatus's rules (first wins) on day numbers, NaN for an unknown day: every comparison with
 * NaN is false, so a missing date disables its rules.
 */
export function statusOnDays(
  percent: unknown,
  measured: boolean,
  asOf: number,
  start: number,
  end: number,
  options: GoalStatusOptions | undefined,
): GoalStatus {
  if (!isFiniteNumber(percent) || !measured || asOf < start) return 'not_started';
  if (percent >= 100) return 'achieved';
  if (asOf >= end) return 'missed';
  const expected = expectedOnDays(asOf, start, end);
  const bar = Number.isNaN(expected)
    ? finiteOr(options?.onTrackThreshold, 75)
    : expected - finiteOr(options?.tolerance, 10);
  return percent >= bar ? 'on_track' : 'at_risk';
}
