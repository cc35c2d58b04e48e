import { type CalcFailure, checkNumber, fail, H, isFiniteNumber, L, tooLarge } from './result.js';

/**
 * Which way a metric improves (DESIGN.md "Domain model": SuccessMetric.direction).
 *
 * @example
 * const d: Direction = 'lower_is_better'; // resolution time: less is better
 */
export type Direction = 'higher_is_better' | 'lower_is_better';

/**
 * How progress is measured: `'baseline'` (the default, DESIGN.md "Formulas") relative to the
 * baseline, or `'ratio'`: current against target alone.
 *
 * @example
 * metricProgress({ baseline: 40, target: 90, current: 65 }, { method: 'ratio' }); // 72.2 %
 */
export type ProgressMethod = 'baseline' | 'ratio';

/**
 * One metric's values. A `null` or absent baseline/current means "not set yet".
 *
 * @example
 * const m: MetricProgressInput = { baseline: 24, target: 12, current: 11.5 }; // TC-165.1
 */
export interface MetricProgressInput {
  readonly baseline?: number | null | undefined;
  readonly target: number;
  readonly current?: number | null | undefined;
  /** Inferred from baseline vs target when absent; must agree with them when given. */
  readonly direction?: Direction | null | undefined;
}

/**
 * Options of {@link metricProgress}.
 *
 * @example
 * const options: ProgressOptions = { method: 'ratio' };
 */
export interface ProgressOptions {
  /** `'baseline'` (default) or `'ratio'`. */
  readonly method?: ProgressMethod | undefined;
}

/**
 * Why a metric's progress cannot be computed (see {@link metricProgress} for each case).
 *
 * @example
 * const r = metricProgress({ baseline: null, target: 12, current: 11.5 });
 * if (!r.ok) r.reason; // 'baseline_missing'
 */
export type MetricProgressFailureReason =
  | 'baseline_missing'
  | 'current_missing'
  | 'target_equals_baseline'
  | 'invalid_number'
  | 'direction_conflict'
  | 'direction_unknown'
  | 'ratio_undefined'
  | 'out_of_range';

/**
 * A metric's progress: percent on the 0-100 scale, unrounded, unclamped (may be < 0 or > 100).
 *
 * @example
 * // metricProgress({ baseline: 24, target: 12, current: 11.5 }) gives
 * // { ok: true, percent: 104.1666..., direction: 'lower_is_better', method: 'baseline' }
 */
export interface MetricProgressSuccess {
  readonly ok: true;
  readonly percent: number;
  readonly direction: Direction;
  readonly method: ProgressMethod;
}

/**
 * Result of {@link metricProgress}: a {@link MetricProgressSuccess} or a failure with a reason.
 *
 * @example
 * const r: MetricProgressResult = metricProgress({ baseline: 0, target: 10, current: 4 });
 * const text = r.ok ? `${r.percent} %` : r.message; // '40 %'
 */
export type MetricProgressResult = MetricProgressSuccess | CalcFailure<MetricProgressFailureReason>;

/**
 * The direction implied by a baseline and a target: a target below the baseline means lower is
 * better. `null` when they are equal or either is not a finite number.
 *
 * @example
 * inferDirection(24, 12); // 'lower_is_better' (TC-165.1: resolution time 24 h -> 12 h)
 * inferDirection(40, 90); // 'higher_is_better'
 * inferDirection(5, 5); // null
 */
export function inferDirection(
  baseline: number | null | undefined,
  target: number,
): Direction | null {
  return !isFiniteNumber(baseline) || !isFiniteNumber(target) || baseline === target
    ? null
    : target < baseline
      ? L
      : H;
}

/**
 * A metric's progress toward its target, in percent.
 *
 * - `'baseline'` (default, DESIGN.md "Formulas", PRD-165 TC-165.1):
 *   (current - baseline) / (target - baseline) x 100. Works for both directions; 0 at the
 *   baseline, 100 at the target, negative when worse than the baseline.
 * - `'ratio'`: current / target x 100 when higher is better, target / current x 100 when lower
 *   is better. The baseline is not needed, but then `direction` must be given. Needs a target
 *   above 0 and, when lower is better, a current above 0 (else `'ratio_undefined'`: no cap is
 *   invented for a current of 0; the baseline method handles it).
 *
 * Checks, in order: non-finite values (`'invalid_number'`), missing baseline (PRD-069's
 * message), target == baseline, an explicit direction that contradicts baseline vs target
 * (`'direction_conflict'`: the data is inconsistent, so no number is guessed), missing current.
 * Unknown `direction`/`method` strings from untyped callers count as absent.
 *
 * @example
 * const r = metricProgress({ baseline: 24, target: 12, current: 11.5 });
 * if (r.ok) r.percent; // 104.1666... ; r.direction === 'lower_is_better'
 * metricProgress({ target: 90, current: 65, direction: 'higher_is_better' }, { method: 'ratio' });
 * // { ok: true, percent: 72.22..., direction: 'higher_is_better', method: 'ratio' }
 */
export function metricProgress(
  input: MetricProgressInput,
  options?: ProgressOptions,
): MetricProgressResult {
  const baseline = input?.baseline;
  const target = input?.target;
  const current = input?.current;
  const given = input?.direction;
  const ratio = options?.method === 'ratio';
  const bad =
    checkNumber(target, 'Target') ??
    (baseline == null ? undefined : checkNumber(baseline, 'Baseline')) ??
    (current == null ? undefined : checkNumber(current, 'Current value'));
  if (bad) return bad;
  if (!ratio) {
    // PRD-069 "Error Handling" wording.
    if (baseline == null)
      return fail('baseline_missing', 'Baseline not set. Cannot calculate progress.');
    if (baseline === target) {
      return fail(
        'target_equals_baseline',
        'Target equals baseline. Set a target different from the baseline.',
      );
    }
  }
  const inferred = inferDirection(baseline, target);
  const explicit = given === H || given === L ? given : null;
  if (explicit && inferred && explicit !== inferred) {
    // Two directions only: a conflicting "lower is better" means the target is above the baseline.
    return fail(
      'direction_conflict',
      `Direction conflicts: the target is ${explicit === L ? 'above' : 'below'} the baseline. Fix the direction or the target.`,
    );
  }
  const direction = explicit ?? inferred;
  if (!direction) {
    return fail('direction_unknown', 'Direction not set. Set whether higher or lower is better.');
  }
  if (current == null) {
    return fail(
      'current_missing',
      'No measurement yet. Record a current value to calculate progress.',
    );
  }
  const lower = direction === L;
  let percent: number;
  if (!ratio && baseline != null) percent = ((current - baseline) / (target - baseline)) * 100;
  else if (target > 0 && !(lower && current <= 0))
    percent = (lower ? target / current : current / target) * 100;
  else {
    return fail(
      'ratio_undefined',
      `Ratio progress needs a target${lower ? ' and current value' : ''} above 0. Use the baseline method.`,
    );
  }
  // `+ 0` turns -0 (current at the baseline, lower is better) into 0.
  return isFiniteNumber(percent)
    ? { ok: true, percent: percent + 0, direction, method: ratio ? 'ratio' : 'baseline' }
    : tooLarge('out_of_range');
}
