/**
 * The failure half of every calc result. calc never throws on data and never returns NaN or
 * Infinity: where a number cannot be computed, a function returns this instead, with a stable
 * machine-readable `reason` and a human `message` (the seeds' wording where they give one).
 *
 * @example
 * const r = roi({ value: 285_000, investment: 0 });
 * if (!r.ok) console.log(r.reason, r.message);
 * // 'no_investment' "No investment recorded. Set the customer's investment to calculate ROI."
 */
export interface CalcFailure<Reason extends string = string> {
  readonly ok: false;
  readonly reason: Reason;
  readonly message: string;
}

/**
 * Builds a {@link CalcFailure}.
 *
 * @example
 * fail('no_goals', 'No success goals defined.'); // { ok: false, reason: 'no_goals', message: ... }
 */
export function fail<Reason extends string>(reason: Reason, message: string): CalcFailure<Reason> {
  return { ok: false, reason, message };
}

/**
 * The one message builder for a field that breaks a rule: "<label> must be <rule>, not
 * <value>." It says what is wrong (the value given; its type when it is not a number) and what
 * to do (the rule), so every module words these failures the same way.
 *
 * @example
 * must('negative_input', 'Contraction ARR', '0 or more', -5);
 * // { ok: false, reason: 'negative_input', message: 'Contraction ARR must be 0 or more, not -5.' }
 */
export function must<Reason extends string>(
  reason: Reason,
  label: string,
  rule: string,
  value: unknown,
): CalcFailure<Reason> {
  return fail(
    reason,
    `${label} must be ${rule}, not ${typeof value === 'number' ? value : typeof value}.`,
  );
}

/**
 * The shared failure for a result too large to represent (inputs finite, but the arithmetic
 * overflows): usually inputs in mismatched units.
 *
 * @example
 * tooLarge('out_of_range'); // { ok: false, reason: 'out_of_range', message: 'Result too large ...' }
 */
export function tooLarge<Reason extends string>(reason: Reason): CalcFailure<Reason> {
  return fail(reason, 'Result too large to compute. Check the inputs and their units.');
}

/**
 * The `'invalid_number'` failure of a field that is not a finite number, worded by {@link must}.
 *
 * @example
 * invalidNumber('Target', Number.NaN).message; // 'Target must be a finite number, not NaN.'
 */
export function invalidNumber(label: string, value: unknown): CalcFailure<'invalid_number'> {
  return must('invalid_number', label, 'a finite number', value);
}

/**
 * The shared input guard: `undefined` when `value` is a finite number (and >= 0 when `min0`),
 * else the failure saying why: `'invalid_number'` or `'negative_input'`, worded by {@link must}.
 *
 * @example
 * checkNumber(Number.NaN, 'Target'); // invalid_number: 'Target must be a finite number, not NaN.'
 * checkNumber(-1, 'Hourly rate', true); // negative_input: 'Hourly rate must be 0 or more, not -1.'
 * checkNumber(3, 'Hourly rate', true); // undefined
 */
export function checkNumber(
  value: unknown,
  label: string,
): CalcFailure<'invalid_number'> | undefined;
export function checkNumber(
  value: unknown,
  label: string,
  min0: boolean,
): CalcFailure<'invalid_number' | 'negative_input'> | undefined;
export function checkNumber(
  value: unknown,
  label: string,
  min0?: boolean,
): CalcFailure<'invalid_number' | 'negative_input'> | undefined {
  return !isFiniteNumber(value)
    ? invalidNumber(label, value)
    : min0 && value < 0
      ? must('negative_input', label, '0 or more', value)
      : undefined;
}

/**
 * True for a real, finite number (not NaN, not ±Infinity, not a numeric string):
 * `Number.isFinite`, which never coerces, typed as a guard.
 *
 * @example
 * isFiniteNumber(4.2); // true
 * isFiniteNumber('4.2'); // false
 */
export const isFiniteNumber = Number.isFinite as (value: unknown) => value is number;

/**
 * `value` when it is a finite number, else `fallback`: how options fall back to their defaults.
 *
 * @example
 * finiteOr(undefined, 10); // 10
 * finiteOr(5, 10); // 5
 */
export function finiteOr(value: unknown, fallback: number): number {
  return isFiniteNumber(value) ? value : fallback;
}

/** The two metric directions, spelled once for every module. */
export const H = 'higher_is_better';
export const L = 'lower_is_better';

/**
 * Weighted mean of `values` by `weights` (finite, >= 0): NaN when no weight is above 0. When the
 * plain sums overflow (huge weights or values), it is taken again with weights scaled by the
 * largest and values by a power of two near the largest magnitude. The mean is clamped to the
 * range of the values that weigh, which undoes rounding drift (values all 80 give exactly 80, and
 * keep their band).
 *
 * @example
 * weightedMean([80, 90], [3, 1]); // 82.5
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number {
  let maxWeight = 0;
  let min = Infinity;
  let max = -min;
  values.forEach((v, i) => {
    const w = weights[i] ?? 0;
    if (w > 0) {
      if (w > maxWeight) maxWeight = w;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  });
  const mean = (scaleW: number, scaleV: number) => {
    let sum = 0;
    let total = 0;
    values.forEach((v, i) => {
      const w = (weights[i] ?? 0) / scaleW;
      if (w > 0) {
        sum += (v / scaleV) * w;
        total += w;
      }
    });
    // An overflowed total would make the mean 0, not non-finite: report it as not computed.
    return total < Infinity ? (sum / total) * scaleV : Number.NaN;
  };
  const plain = mean(1, 1);
  return clamp(
    isFiniteNumber(plain)
      ? plain
      : // A power of two scales the values exactly; 2^1023 is the largest finite one.
        mean(maxWeight, 2 ** Math.min(1023, Math.ceil(Math.log2(Math.max(-min, max) || 1)))),
    min,
    max,
  );
}

/**
 * Limits `value` to `min..max`.
 *
 * @example
 * clamp(104, 0, 100); // 100
 */
export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : Math.min(value, max);
}
