import { type DateInput, epochDaysToIsoDate, toEpochDays } from './dates.js';
import type { Direction } from './progress.js';
import { type CalcFailure, fail, isFiniteNumber, tooLarge } from './result.js';

/** One measurement of a metric: when, and its value. */
export interface TrendPoint {
  readonly at: DateInput;
  readonly value: number;
}

/** How a metric is moving, in the light of its direction. */
export type TrendDirection = 'improving' | 'declining' | 'flat';

/** Why a trend cannot be computed. */
export type TrendFailureReason = 'not_enough_points' | 'invalid_number';

/** Options of {@link trend}. */
export interface TrendOptions {
  /** Which way the metric improves; default `'higher_is_better'`. */
  readonly direction?: Direction | null | undefined;
  /**
   * The trend is `'flat'` when the fitted change over the whole span is at most this percent of
   * the mean absolute value of the points. Default 1; a negative or non-finite value means 1.
   */
  readonly flatTolerancePercent?: number | undefined;
}

/** A least-squares trend of a metric's measurements (DESIGN.md "Forecast"). */
export interface TrendSuccess {
  readonly ok: true;
  /** Slope of the least-squares line, in value units per day. */
  readonly slopePerDay: number;
  /** Fitted value at the earliest point's date. */
  readonly first: number;
  /** Fitted value at the latest point's date. */
  readonly last: number;
  /** `last - first`: the fitted change over the span. */
  readonly change: number;
  /** `(last - first) / |first| x 100` on the fitted line; absent when `first` is 0. */
  readonly changePercent?: number;
  readonly direction: TrendDirection;
  /** Days from the earliest to the latest point. */
  readonly spanDays: number;
  /** Points used. */
  readonly count: number;
  /** Points left out: not an object, an invalid date, or a value that is not a finite number. */
  readonly ignored: number;
}

/** Result of {@link trend}. */
export type TrendResult = TrendSuccess | CalcFailure<TrendFailureReason>;

/** Options of {@link forecastTargetDate}. */
export interface ForecastOptions {
  /** The value to reach. */
  readonly target: number;
  /**
   * Which way the metric improves. Absent: inferred from the earliest point against the target
   * (a target below it means lower is better), as DESIGN.md infers it from baseline vs target.
   */
  readonly direction?: Direction | null | undefined;
  /** Forecast as of this date: later points are left out. Default: use every point. */
  readonly asOf?: DateInput | undefined;
}

/** The least-squares line through the valid points, and the extremes the callers need. */
interface Fit {
  readonly slope: number;
  /** Mean x (epoch days) and mean y: the line passes through them. */
  readonly mx: number;
  readonly my: number;
  /** Mean absolute y, the scale of "flat". */
  readonly mAbs: number;
  /** Earliest and latest x, and the values measured there. */
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly count: number;
  readonly ignored: number;
}

/**
 * Fits y = my + slope * (x - mx) with x in epoch days, over the valid points up to `until`.
 * x is centred on its mean before the sums: day numbers ~20,000 squared would otherwise swamp
 * the variance in rounding error.
 */
function fit(points: readonly TrendPoint[], until: number): Fit | CalcFailure<TrendFailureReason> {
  // Untyped callers may pass anything: a non-array is no points, a non-object point is ignored.
  const list: readonly (TrendPoint | null | undefined)[] = Array.isArray(points) ? points : [];
  const xs: number[] = [];
  const ys: number[] = [];
  let sumX = 0;
  let sumY = 0;
  let sumAbsY = 0;
  let x0 = Infinity;
  let x1 = -x0;
  let y0 = 0;
  let y1 = 0;
  let ignored = 0;
  for (const p of list) {
    // Not an object: `at` is absent (or a string method), which is not a date.
    const x = toEpochDays(p?.at);
    const y = p?.value;
    if (x === null || !isFiniteNumber(y)) {
      ignored++;
      continue;
    }
    // Points after `until` are left out, not ignored: they are valid.
    if (x > until) continue;
    xs.push(x);
    ys.push(y);
    sumX += x;
    sumY += y;
    sumAbsY += Math.abs(y);
    // Ties on date: the earliest keeps the first listed, the latest the last listed (newest).
    if (x < x0) {
      x0 = x;
      y0 = y;
    }
    if (x >= x1) {
      x1 = x;
      y1 = y;
    }
  }
  const count = xs.length;
  if (count < 2 || x0 === x1) {
    return fail(
      'not_enough_points',
      `A trend needs at least 2 measurements on different dates; ${count < 2 ? `got ${count}` : 'all share one date'}. Record more.`,
    );
  }
  const mx = sumX / count;
  const my = sumY / count;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < count; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - my);
  }
  const slope = sxy / sxx;
  const mAbs = sumAbsY / count;
  return isFiniteNumber(slope) && isFiniteNumber(my) && isFiniteNumber(mAbs)
    ? { slope, mx, my, mAbs, x0, x1, y0, y1, count, ignored }
    : tooLarge('invalid_number');
}

/**
 * Least-squares trend of a metric's measurements over time (x in days; DESIGN.md "Forecast").
 * `first`/`last` are the fitted line's values at the earliest and latest dates, so a noisy end
 * point does not decide the trend: `changePercent = (last - first) / |first| x 100`, omitted when
 * `first` is 0. `'flat'` when `|last - first|` is within `flatTolerancePercent` (default 1) % of
 * the mean absolute value; otherwise `'improving'` when the line moves the metric's way (down for
 * lower-is-better). Points may be unsorted; invalid ones are ignored and counted in `ignored`.
 *
 * @example
 * const r = trend([
 *   { at: '2026-01-01', value: 24 },
 *   { at: '2026-01-11', value: 19 },
 *   { at: '2026-01-21', value: 14 },
 * ], { direction: 'lower_is_better' });
 * if (r.ok) [r.slopePerDay, r.changePercent, r.direction]; // [-0.5, -41.66..., 'improving']
 */
export function trend(points: readonly TrendPoint[], options?: TrendOptions): TrendResult {
  const f = fit(points, Infinity);
  if ('ok' in f) return f;
  const first = f.my + f.slope * (f.x0 - f.mx);
  const last = f.my + f.slope * (f.x1 - f.mx);
  const change = last - first;
  // Finite only when both ends are.
  if (!isFiniteNumber(change)) return tooLarge('invalid_number');
  const t = options?.flatTolerancePercent;
  const tolerance = ((isFiniteNumber(t) && t >= 0 ? t : 1) / 100) * f.mAbs;
  const changePercent = (change / Math.abs(first)) * 100;
  return {
    ok: true,
    slopePerDay: f.slope,
    first,
    last,
    change,
    // Omitted when `first` is 0 (the quotient is not finite).
    ...(isFiniteNumber(changePercent) && { changePercent }),
    direction:
      Math.abs(change) <= tolerance
        ? 'flat'
        : change > 0 === (options?.direction !== 'lower_is_better')
          ? 'improving'
          : 'declining',
    spanDays: f.x1 - f.x0,
    count: f.count,
    ignored: f.ignored,
  };
}

/**
 * The UTC date (`YYYY-MM-DD`) on which a metric's least-squares trend reaches `target`
 * (DESIGN.md "Forecast"), or `null` when it never will: the line is flat or moving away, fewer
 * than 2 valid points (on 2 dates), a non-finite target or an invalid `asOf`, or a date beyond
 * year 9999. When the latest measurement already meets the target, its date. When the fitted
 * line crossed the target before the latest measurement that still falls short, the projection
 * restarts from that measurement with the fitted slope, so a forecast is never before the latest
 * date. For a perfectly linear series the forecast is exact.
 *
 * @example
 * const points = [
 *   { at: '2026-01-01', value: 24 },
 *   { at: '2026-01-11', value: 19 },
 * ];
 * forecastTargetDate(points, { target: 12 }); // '2026-01-25' (0.5 lower per day, inferred)
 * forecastTargetDate(points, { target: 30 }); // null (moving away)
 */
export function forecastTargetDate(
  points: readonly TrendPoint[],
  options: ForecastOptions,
): string | null {
  const target = options?.target;
  const asOf = options?.asOf;
  const until = asOf === undefined ? Infinity : toEpochDays(asOf);
  const f = isFiniteNumber(target) && until !== null ? fit(points, until) : null;
  if (!f || 'ok' in f) return null;
  const lower =
    (options.direction ?? (f.y0 > target ? 'lower_is_better' : null)) === 'lower_is_better';
  const sign = lower ? -1 : 1;
  // epochDaysToIsoDate floors: the date is the day the line crosses.
  if ((f.y1 - target) * sign >= 0) return epochDaysToIsoDate(f.x1);
  if (f.slope * sign <= 0) return null;
  let crossing = f.mx + (target - f.my) / f.slope;
  if (crossing < f.x1) crossing = f.x1 + (target - f.y1) / f.slope;
  // The epsilon keeps an exact whole-day crossing from rounding down to the day before.
  return epochDaysToIsoDate(crossing + 1e-6);
}
