import {
  type MetricProgressFailureReason,
  type MetricProgressInput,
  type MetricProgressResult,
  metricProgress,
  type ProgressOptions,
} from './progress.js';
import { type CalcFailure, clamp, fail, isFiniteNumber, must } from './result.js';

/**
 * One metric of a goal: its values plus an optional weight (default 1, must be > 0).
 *
 * @example
 * const m: GoalMetricInput = { baseline: 0, target: 10, current: 4, weight: 2 };
 */
export interface GoalMetricInput extends MetricProgressInput {
  readonly weight?: number | null | undefined;
}

/**
 * A goal's metrics (DESIGN.md "Domain model": SuccessGoal.metrics, one or more).
 *
 * @example
 * const goal: GoalProgressInput = { metrics: [{ baseline: 24, target: 12, current: 11.5 }] };
 */
export interface GoalProgressInput {
  readonly metrics: readonly GoalMetricInput[];
}

/**
 * A metric left out of the goal's percent, by its index in the input, and why.
 *
 * @example
 * const s: SkippedMetric = { index: 2, reason: 'baseline_missing' };
 */
export interface SkippedMetric {
  readonly index: number;
  readonly reason: MetricProgressFailureReason;
}

/**
 * Why a goal's progress cannot be computed.
 *
 * @example
 * const r = goalProgress({ metrics: [] });
 * if (!r.ok) r.reason; // 'no_metrics'
 */
export type GoalProgressFailureReason = 'no_metrics' | 'no_computable_metrics' | 'invalid_weight';

/**
 * A goal's progress: the weighted mean of its computable metrics' percents.
 *
 * @example
 * // goalProgress({ metrics: [{ baseline: 0, target: 10, current: 4 }] }) gives
 * // { ok: true, percent: 40, metrics: [...], skipped: [], partial: false }
 */
export interface GoalProgressSuccess {
  readonly ok: true;
  /** Weighted mean percent, unrounded and unclamped. */
  readonly percent: number;
  /** Each metric's own result, one per input metric, in input order. */
  readonly metrics: readonly MetricProgressResult[];
  /** The metrics left out of `percent` (failed results), in input order. */
  readonly skipped: readonly SkippedMetric[];
  /** True when some metrics were skipped. */
  readonly partial: boolean;
  /** PRD-069's notice when `partial`; absent otherwise. */
  readonly message?: string;
}

/**
 * Result of {@link goalProgress}: a {@link GoalProgressSuccess} or a failure with a reason.
 *
 * @example
 * const r: GoalProgressResult = goalProgress({ metrics: [{ target: 10, current: 4 }] });
 * r.ok; // false: 'no_computable_metrics', 'Baseline not set. Cannot calculate progress.'
 */
export type GoalProgressResult = GoalProgressSuccess | CalcFailure<GoalProgressFailureReason>;

/**
 * A goal's progress: the weighted mean of its metrics' progress (DESIGN.md "Formulas":
 * "Goal progress: weighted mean of its metrics' progress"), percent = sum(w x p) / sum(w) over
 * the metrics whose progress can be computed (see {@link metricProgress}); weight defaults to 1.
 *
 * Metrics that cannot be computed are skipped and the result is `partial`, with PRD-069's
 * message "Some metrics missing data. Showing available data.". Fails with `'no_metrics'` for
 * an empty list, `'invalid_weight'` when any weight is not a finite number above 0, and
 * `'no_computable_metrics'` when every metric fails: its message is the metrics' own message
 * when they all fail for the same reason (e.g. PRD-069's "Baseline not set. Cannot calculate
 * progress."), else a general one.
 *
 * @example
 * const r = goalProgress({
 *   metrics: [
 *     { baseline: 15, target: 25, current: 18 },
 *     { baseline: 0, target: 10, current: 4, weight: 3 },
 *     { baseline: null, target: 90, current: 65 },
 *   ],
 * });
 * // r.ok === true, r.percent === 37.5 ((30 x 1 + 40 x 3) / 4), r.partial === true,
 * // r.skipped[0] is { index: 2, reason: 'baseline_missing' }
 */
export function goalProgress(
  goal: GoalProgressInput,
  options?: ProgressOptions,
): GoalProgressResult {
  const inputs = goal?.metrics;
  const n = Array.isArray(inputs) ? inputs.length : 0;
  if (n === 0) return fail('no_metrics', 'No metrics defined for this goal.');
  const metrics: MetricProgressResult[] = new Array(n);
  let complete = true;
  let sumW = 0;
  let sumWP = 0;
  let min = Infinity;
  let max = -min;
  // An index loop, not for-of: it keeps this function small enough for the JIT to inline.
  for (let i = 0; i < n; i++) {
    const m = inputs[i];
    const w = m?.weight ?? 1;
    if (!isFiniteNumber(w) || w <= 0) return badWeight(i, w);
    // `m` is undefined only for a hole in an untyped list; metricProgress reads it with `?.`.
    const r = metricProgress(m as GoalMetricInput, options);
    metrics[i] = r;
    if (r.ok) {
      const p = r.percent;
      sumW += w;
      sumWP += w * p;
      if (p < min) min = p;
      if (p > max) max = p;
    } else complete = false;
  }
  const percent = sumWP / sumW;
  // The common case stays small (the JIT inlines it); skips and overflow go below.
  return complete && isFiniteNumber(percent) && isFiniteNumber(sumW)
    ? // A mean lies between its extremes; the clamp only absorbs floating-point rounding.
      { ok: true, percent: clamp(percent, min, max), metrics, skipped: [], partial: false }
    : unusualProgress(inputs, metrics);
}

function badWeight(i: number, w: unknown): CalcFailure<'invalid_weight'> {
  return must('invalid_weight', `Metric ${i + 1} weight`, 'above 0 (or empty for 1)', w);
}

/** {@link goalProgress} when metrics are skipped or the sums overflow. */
function unusualProgress(
  inputs: readonly GoalMetricInput[],
  metrics: readonly MetricProgressResult[],
): GoalProgressResult {
  const n = metrics.length;
  const skipped: SkippedMetric[] = [];
  let sumW = 0;
  let sumWP = 0;
  let min = Infinity;
  let max = -min;
  for (let i = 0; i < n; i++) {
    const r = metrics[i];
    if (!r) continue;
    if (r.ok) {
      const p = r.percent;
      const w = inputs[i]?.weight ?? 1;
      sumW += w;
      sumWP += w * p;
      if (p < min) min = p;
      if (p > max) max = p;
    } else skipped.push({ index: i, reason: r.reason });
  }
  if (skipped.length === n) return noneComputable(metrics, skipped);
  let percent = sumWP / sumW;
  if (!isFiniteNumber(sumW) || !isFiniteNumber(percent)) {
    percent = rescaledMean(inputs, metrics, Math.max(-min, max));
  }
  percent = clamp(percent, min, max);
  return skipped.length
    ? {
        ok: true,
        percent,
        metrics,
        skipped,
        partial: true,
        message: 'Some metrics missing data. Showing available data.',
      }
    : { ok: true, percent, metrics, skipped, partial: false };
}

/** The failure when no metric is computable: their own message when they agree, else a general one. */
function noneComputable(
  metrics: readonly MetricProgressResult[],
  skipped: readonly SkippedMetric[],
): CalcFailure<'no_computable_metrics'> {
  const first = metrics[0];
  let same = true;
  for (const s of skipped) if (s.reason !== skipped[0]?.reason) same = false;
  return fail(
    'no_computable_metrics',
    same && first && !first.ok
      ? first.message
      : 'No metric has enough data. Set baselines, targets and current values.',
  );
}

/**
 * The weighted mean again, for when huge weights or percents overflowed the plain sums: with
 * weights scaled by the largest and percents by `scale` (the largest magnitude), into -1..1.
 */
function rescaledMean(
  inputs: readonly GoalMetricInput[],
  metrics: readonly MetricProgressResult[],
  scale: number,
): number {
  let maxW = 0;
  for (const m of inputs) maxW = Math.max(maxW, m?.weight ?? 1);
  let sumW = 0;
  let sumWP = 0;
  for (let i = 0; i < metrics.length; i++) {
    const r = metrics[i];
    if (!r?.ok) continue;
    const w = (inputs[i]?.weight ?? 1) / maxW;
    sumW += w;
    sumWP += w * (r.percent / (scale || 1));
  }
  return (sumWP / sumW) * (scale || 1);
}
