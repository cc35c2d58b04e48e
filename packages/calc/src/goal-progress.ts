import { baselinePercent, plainGoalPercent } from './goal-kernels.js';
import {
  type MetricProgressFailureReason,
  type MetricProgressInput,
  type MetricProgressResult,
  metricProgress,
  type ProgressOptions,
} from './progress.js';
import { type CalcFailure, fail, H, isFiniteNumber, L, must, weightedMean } from './result.js';

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
  const percent =
    Array.isArray(inputs) && inputs.length > 0 && options?.method !== 'ratio'
      ? plainGoalPercent(inputs)
      : Number.NaN;
  if (Number.isNaN(percent)) return checkedProgress(inputs, options);
  // Every metric is plain (plainGoalPercent checked them): no result can fail.
  const metrics: MetricProgressResult[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const m = inputs[i]!;
    const b = m.baseline as number;
    metrics[i] = {
      ok: true,
      percent: baselinePercent(b, m.target, m.current as number),
      direction: m.target < b ? L : H,
      method: 'baseline',
    };
  }
  return { ok: true, percent, metrics, skipped: NONE, partial: false };
}

const NONE: readonly SkippedMetric[] = /* @__PURE__ */ Object.freeze([]);

/** {@link goalProgress} for any input: every metric through {@link metricProgress}. */
function checkedProgress(
  inputs: readonly GoalMetricInput[] | undefined,
  options: ProgressOptions | undefined,
): GoalProgressResult {
  const list: readonly (GoalMetricInput | undefined)[] = Array.isArray(inputs) ? inputs : [];
  if (list.length === 0) return fail('no_metrics', 'No metrics defined for this goal.');
  const weights: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const w = list[i]?.weight ?? 1;
    if (!isFiniteNumber(w) || w <= 0) {
      return must('invalid_weight', `Metric ${i + 1} weight`, 'above 0 (or empty for 1)', w);
    }
    weights.push(w);
  }
  // A hole in an untyped list is undefined; metricProgress reads it with `?.`.
  const metrics = list.map((m) => metricProgress(m as GoalMetricInput, options));
  const skipped: SkippedMetric[] = [];
  const percents: number[] = [];
  const counted: number[] = [];
  let same = true;
  metrics.forEach((r, i) => {
    if (r.ok) {
      percents.push(r.percent);
      counted.push(weights[i] ?? 1);
    } else {
      skipped.push({ index: i, reason: r.reason });
      same &&= r.reason === skipped[0]?.reason;
    }
  });
  const first = metrics[0];
  if (!percents.length) {
    return fail(
      'no_computable_metrics',
      same && first && !first.ok
        ? first.message
        : 'No metric has enough data. Set baselines, targets and current values.',
    );
  }
  const percent = weightedMean(percents, counted);
  return skipped.length
    ? {
        ok: true,
        percent,
        metrics,
        skipped,
        partial: true,
        message: 'Some metrics missing data. Showing available data.',
      }
    : { ok: true, percent, metrics, skipped: NONE, partial: false };
}
