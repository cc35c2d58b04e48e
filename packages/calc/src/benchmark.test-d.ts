import { describe, expectTypeOf, it } from 'vitest';
import {
  type BenchmarkFailureReason,
  type BenchmarkOptions,
  type BenchmarkResult,
  benchmark,
  type PercentileRankResult,
  percentileRank,
} from './benchmark.js';
import type { Direction } from './progress.js';

describe('benchmark types', () => {
  it('returns the exported discriminated result types', () => {
    expectTypeOf(percentileRank).returns.toEqualTypeOf<PercentileRankResult>();
    expectTypeOf(benchmark).returns.toEqualTypeOf<BenchmarkResult>();
    expectTypeOf<BenchmarkFailureReason>().toEqualTypeOf<'no_peers' | 'invalid_number'>();
  });

  it('narrows reason to the literal union after !r.ok', () => {
    const r = benchmark(85, [72]);
    if (!r.ok) {
      expectTypeOf(r.reason).toEqualTypeOf<'no_peers' | 'invalid_number'>();
      expectTypeOf(r.message).toEqualTypeOf<string>();
      expectTypeOf(r).not.toHaveProperty('peerAverage');
    }
    const p = percentileRank(85, [72]);
    if (!p.ok) expectTypeOf(p.reason).toEqualTypeOf<BenchmarkFailureReason>();
  });

  it('exposes success fields only after r.ok', () => {
    const r = benchmark(85, [72]);
    expectTypeOf(r).not.toHaveProperty('percentile');
    if (r.ok) {
      expectTypeOf(r.percentile).toEqualTypeOf<number>();
      expectTypeOf(r.peerAverage).toEqualTypeOf<number>();
      expectTypeOf(r.peerCount).toEqualTypeOf<number>();
      expectTypeOf(r.difference).toEqualTypeOf<number>();
      expectTypeOf(r.differencePercent).toEqualTypeOf<number | undefined>();
      expectTypeOf(r.betterThanAverage).toEqualTypeOf<boolean>();
      expectTypeOf(r.direction).toEqualTypeOf<Direction>();
    }
    const p = percentileRank(85, [72]);
    if (p.ok) {
      expectTypeOf(p.percentile).toEqualTypeOf<number>();
      expectTypeOf(p).not.toHaveProperty('peerAverage');
    }
  });

  it('takes a direction option and peers as a readonly number array', () => {
    expectTypeOf<BenchmarkOptions['direction']>().toEqualTypeOf<Direction | null | undefined>();
    expectTypeOf(benchmark).parameter(1).toEqualTypeOf<readonly number[]>();
    // @ts-expect-error direction is a literal union
    benchmark(1, [2], { direction: 'up' });
  });
});
