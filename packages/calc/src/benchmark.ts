import type { Direction } from './progress.js';
import { type CalcFailure, fail, invalidNumber, isFiniteNumber, tooLarge } from './result.js';

/** Why a percentile rank or a benchmark cannot be computed. */
export type BenchmarkFailureReason = 'no_peers' | 'invalid_number';

/** Options of {@link percentileRank} and {@link benchmark}. */
export interface BenchmarkOptions {
  /**
   * Which way the metric improves; default `'higher_is_better'`. For `'lower_is_better'`
   * (resolution time, churn) being lower ranks higher: the percentile counts the peers above.
   */
  readonly direction?: Direction | null | undefined;
}

/** A value's percentile rank among its peers (0..100, unrounded). */
export interface PercentileRankSuccess {
  readonly ok: true;
  /** Percent of peers ranked worse plus half of the ties, 0..100. */
  readonly percentile: number;
  /** Peers that took part: finite numbers only. */
  readonly peerCount: number;
  /** Peers left out because they were not finite numbers. */
  readonly ignored: number;
  readonly direction: Direction;
}

/** Result of {@link percentileRank}. */
export type PercentileRankResult = PercentileRankSuccess | CalcFailure<BenchmarkFailureReason>;

/** A value compared with its peers (PRD-069 "Benchmark Comparison"). */
export interface BenchmarkSuccess extends PercentileRankSuccess {
  readonly value: number;
  /** Arithmetic mean of the valid peers. */
  readonly peerAverage: number;
  /** `value - peerAverage`, whatever the direction. */
  readonly difference: number;
  /** `difference / |peerAverage| x 100`; absent when the peer average is 0. */
  readonly differencePercent?: number;
  /** The value beats the peer average in the metric's direction (ties are not better). */
  readonly betterThanAverage: boolean;
}

/** Result of {@link benchmark}. */
export type BenchmarkResult = BenchmarkSuccess | CalcFailure<BenchmarkFailureReason>;

/**
 * One pass over the peers: the rank needs counts, not a sort, so this stays O(n). Returns the
 * rank and the sum of the valid peers. A non-array `peers` (untyped callers) counts as no peers.
 */
function rank(
  value: number,
  peers: readonly number[],
  options: BenchmarkOptions | undefined,
): [PercentileRankSuccess, number] | CalcFailure<BenchmarkFailureReason> {
  if (!isFiniteNumber(value)) return invalidNumber('Value', value);
  let below = 0;
  let ties = 0;
  let count = 0;
  let sum = 0;
  const list: readonly unknown[] = Array.isArray(peers) ? peers : [];
  for (const p of list) {
    if (!isFiniteNumber(p)) continue;
    count++;
    sum += p;
    if (p < value) below++;
    else if (p === value) ties++;
  }
  if (count === 0) {
    return fail('no_peers', 'No peer values to compare with. Add peers of the same segment.');
  }
  const lower = options?.direction === 'lower_is_better';
  // Mid-rank: worse peers + half the ties. Lower-is-better: the worse peers are those above.
  const worse = lower ? count - below - ties : below;
  return [
    {
      ok: true,
      percentile: ((worse + ties / 2) / count) * 100,
      peerCount: count,
      ignored: list.length - count,
      direction: lower ? 'lower_is_better' : 'higher_is_better',
    },
    sum,
  ];
}

/**
 * Percentile rank of `value` among `peers` with the mid-rank convention: the percent of peers
 * below the value plus half of those equal to it (DESIGN.md "Benchmarks"; PRD-069 "Percentile
 * 80th"). A value above every peer ranks 100, below every peer 0, equal to all of them 50.
 * `peers` should exclude the customer itself (included, it counts as a tie). Non-finite peers
 * are ignored and counted in `ignored`. O(n), no sort.
 *
 * @example
 * const r = percentileRank(85, [55, 60, 64, 68, 70, 72, 75, 80, 86, 90]);
 * if (r.ok) r.percentile; // 80 (8 of 10 peers below)
 * percentileRank(2, [1, 3], { direction: 'lower_is_better' }); // percentile 50
 */
export function percentileRank(
  value: number,
  peers: readonly number[],
  options?: BenchmarkOptions,
): PercentileRankResult {
  const r = rank(value, peers, options);
  return Array.isArray(r) ? r[0] : r;
}

/**
 * Compares a value with its peers: peer average, difference, and percentile rank (see
 * {@link percentileRank}). PRD-069 "Benchmark Comparison": Success Score 85 vs peer average 72,
 * 80th percentile. `difference = value - peerAverage`; `differencePercent = difference /
 * |peerAverage| x 100` (omitted when the average is 0). Direction only changes the percentile
 * and `betterThanAverage`.
 *
 * @example
 * const r = benchmark(85, [55, 60, 64, 68, 70, 72, 75, 80, 86, 90]);
 * if (r.ok) [r.peerAverage, r.difference, r.percentile]; // [72, 13, 80]
 */
export function benchmark(
  value: number,
  peers: readonly number[],
  options?: BenchmarkOptions,
): BenchmarkResult {
  const r = rank(value, peers, options);
  if (!Array.isArray(r)) return r;
  const [base, sum] = r;
  const peerAverage = sum / base.peerCount;
  const difference = value - peerAverage;
  if (!isFiniteNumber(difference)) return tooLarge('invalid_number');
  const differencePercent = (difference / Math.abs(peerAverage)) * 100;
  return {
    ...base,
    value,
    peerAverage,
    difference,
    // Omitted when the peer average is 0 (the quotient is not finite).
    ...(isFiniteNumber(differencePercent) && { differencePercent }),
    betterThanAverage: base.direction === 'lower_is_better' ? difference < 0 : difference > 0,
  };
}
