import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchmark, percentileRank } from './benchmark.js';

// PRD-069 "Benchmark Comparison": Success Score 85, peer average 72, 80th percentile.
const PRD069_PEERS = [55, 60, 64, 68, 70, 72, 75, 80, 86, 90];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const peersArb = fc.array(finite, { minLength: 1, maxLength: 50 });
const direction = fc.constantFrom('higher_is_better', 'lower_is_better') as fc.Arbitrary<
  'higher_is_better' | 'lower_is_better'
>;

describe('percentileRank', () => {
  it('ranks a Success Score of 85 at the 80th percentile among PRD-069 peers', () => {
    const r = percentileRank(85, PRD069_PEERS);
    expect(r).toEqual({
      ok: true,
      percentile: 80,
      peerCount: 10,
      ignored: 0,
      direction: 'higher_is_better',
    });
  });

  it('gives 100 above every peer, 0 below every peer and 50 equal to all of them', () => {
    expect(percentileRank(10, [1, 2, 3])).toMatchObject({ ok: true, percentile: 100 });
    expect(percentileRank(0, [1, 2, 3])).toMatchObject({ ok: true, percentile: 0 });
    expect(percentileRank(2, [2, 2, 2])).toMatchObject({ ok: true, percentile: 50 });
  });

  it('counts half of the ties (mid-rank): 3 among [1, 3, 5] is the 50th percentile', () => {
    expect(percentileRank(3, [1, 3, 5])).toMatchObject({ ok: true, percentile: 50 });
    const r = percentileRank(3, [1, 3, 3, 5]);
    expect(r.ok && r.percentile).toBeCloseTo(50);
    expect(percentileRank(5, [1, 3, 5])).toMatchObject({ ok: true, percentile: (2.5 / 3) * 100 });
  });

  it('ranks lower values higher for lower_is_better metrics', () => {
    expect(percentileRank(10, [20, 30], { direction: 'lower_is_better' })).toMatchObject({
      ok: true,
      percentile: 100,
      direction: 'lower_is_better',
    });
    expect(percentileRank(40, [20, 30], { direction: 'lower_is_better' })).toMatchObject({
      percentile: 0,
    });
    expect(percentileRank(2, [1, 3], { direction: 'lower_is_better' })).toMatchObject({
      percentile: 50,
    });
  });

  it('handles negative values', () => {
    expect(percentileRank(-5, [-10, -1, 0, 3])).toMatchObject({ ok: true, percentile: 25 });
  });

  it('ignores non-finite peers and counts them in ignored', () => {
    const r = percentileRank(5, [1, Number.NaN, 9, Number.POSITIVE_INFINITY, null as never]);
    expect(r).toMatchObject({ ok: true, percentile: 50, peerCount: 2, ignored: 3 });
  });

  it('fails with no_peers for an empty list, only invalid peers, or a non-array', () => {
    for (const peers of [[], [Number.NaN, Number.NEGATIVE_INFINITY], undefined, 'x']) {
      const r = percentileRank(5, peers as never);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toBe('no_peers');
        expect(r.message).toMatch(/No peer values/);
      }
    }
  });

  it('fails with invalid_number for a value that is NaN, Infinity, a string or missing', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, '85', undefined]) {
      const r = percentileRank(value as never, [1, 2]);
      expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
    }
  });

  it('always gives a percentile within 0..100', () => {
    fc.assert(
      fc.property(finite, peersArb, direction, (value, peers, dir) => {
        const r = percentileRank(value, peers, { direction: dir });
        expect(r.ok).toBe(true);
        if (r.ok) {
          expect(r.percentile).toBeGreaterThanOrEqual(0);
          expect(r.percentile).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('gives 100 to a value above every peer and 0 to one below every peer', () => {
    fc.assert(
      fc.property(peersArb, (peers) => {
        const max = Math.max(...peers);
        const min = Math.min(...peers);
        expect(percentileRank(max + 1, peers)).toMatchObject({ percentile: 100 });
        expect(percentileRank(min - 1, peers)).toMatchObject({ percentile: 0 });
        expect(percentileRank(min - 1, peers, { direction: 'lower_is_better' })).toMatchObject({
          percentile: 100,
        });
      }),
    );
  });

  it('mirrors: the lower_is_better rank is 100 minus the higher_is_better rank', () => {
    fc.assert(
      fc.property(finite, peersArb, (value, peers) => {
        const up = percentileRank(value, peers);
        const down = percentileRank(value, peers, { direction: 'lower_is_better' });
        if (up.ok && down.ok) expect(down.percentile).toBeCloseTo(100 - up.percentile, 9);
        else expect.fail('both ranks should succeed');
      }),
    );
  });

  it('never ranks a larger value lower (monotone) and ignores peer order', () => {
    fc.assert(
      fc.property(finite, finite, peersArb, (a, b, peers) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const rLo = percentileRank(lo, peers);
        const rHi = percentileRank(hi, peers);
        const rRev = percentileRank(hi, [...peers].reverse());
        if (!rLo.ok || !rHi.ok || !rRev.ok) return expect.fail('ranks should succeed');
        expect(rHi.percentile).toBeGreaterThanOrEqual(rLo.percentile);
        expect(rRev.percentile).toBe(rHi.percentile);
      }),
    );
  });

  it('never throws and returns only finite numbers, even for NaN or Infinity inputs', () => {
    fc.assert(
      fc.property(fc.double(), fc.array(fc.double(), { maxLength: 20 }), (value, peers) => {
        const r = percentileRank(value, peers);
        if (r.ok) {
          expect(Number.isFinite(r.percentile)).toBe(true);
          expect(r.peerCount + r.ignored).toBe(peers.length);
        } else expect(['no_peers', 'invalid_number']).toContain(r.reason);
      }),
    );
  });
});

describe('benchmark', () => {
  it('compares a Success Score of 85 with a peer average of 72 at the 80th percentile (PRD-069)', () => {
    const r = benchmark(85, PRD069_PEERS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(85);
    expect(r.peerAverage).toBeCloseTo(72);
    expect(r.difference).toBeCloseTo(13);
    expect(r.differencePercent).toBeCloseTo(18.0556, 4);
    expect(r.percentile).toBe(80);
    expect(r.peerCount).toBe(10);
    expect(r.betterThanAverage).toBe(true);
  });

  it('reports lower_is_better metrics as better below the peer average', () => {
    const r = benchmark(8, [10, 12, 14], { direction: 'lower_is_better' });
    expect(r).toMatchObject({
      ok: true,
      peerAverage: 12,
      difference: -4,
      percentile: 100,
      betterThanAverage: true,
      direction: 'lower_is_better',
    });
    expect(r.ok && r.differencePercent).toBeCloseTo(-33.333, 3);
    expect(benchmark(8, [10, 12, 14])).toMatchObject({ betterThanAverage: false, percentile: 0 });
  });

  it('does not call a value equal to the average better', () => {
    expect(benchmark(72, [70, 74])).toMatchObject({ betterThanAverage: false, difference: 0 });
  });

  it('omits differencePercent when the peer average is 0', () => {
    const r = benchmark(5, [-1, 1]);
    expect(r).toMatchObject({ ok: true, peerAverage: 0, difference: 5 });
    expect(r).not.toHaveProperty('differencePercent');
  });

  it('uses the absolute peer average for differencePercent of negative metrics', () => {
    const r = benchmark(-5, [-10, -10]);
    expect(r.ok && r.differencePercent).toBeCloseTo(50);
  });

  it('ignores invalid peers in the average and counts them', () => {
    const r = benchmark(85, [...PRD069_PEERS, Number.NaN, Number.NEGATIVE_INFINITY]);
    expect(r).toMatchObject({ ok: true, peerCount: 10, ignored: 2, percentile: 80 });
    expect(r.ok && r.peerAverage).toBeCloseTo(72);
  });

  it('fails with no_peers when no peer has a value', () => {
    expect(benchmark(85, [])).toMatchObject({ ok: false, reason: 'no_peers' });
  });

  it('fails with invalid_number for a non-finite value', () => {
    expect(benchmark(Number.NaN, [1])).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('fails with invalid_number when the peers are too large to average', () => {
    const r = benchmark(0, [Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('never throws and returns only finite numbers, for finite and non-finite inputs', () => {
    const check = (value: number, peers: number[]) => {
      const r = benchmark(value, peers);
      if (!r.ok) {
        expect(['no_peers', 'invalid_number']).toContain(r.reason);
        return;
      }
      for (const v of Object.values(r)) {
        if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      }
    };
    fc.assert(fc.property(finite, peersArb, check));
    fc.assert(fc.property(fc.double(), fc.array(fc.double(), { maxLength: 20 }), check));
  });

  it('puts the value above the average exactly when the difference is positive', () => {
    fc.assert(
      fc.property(finite, peersArb, direction, (value, peers, dir) => {
        const r = benchmark(value, peers, { direction: dir });
        if (!r.ok) return expect.fail('benchmark should succeed');
        expect(r.difference).toBeCloseTo(value - r.peerAverage, 5);
        expect(r.betterThanAverage).toBe(
          dir === 'lower_is_better' ? r.difference < 0 : r.difference > 0,
        );
      }),
    );
  });
});
