// portfolioFromMetrics is the allocation-free road to portfolioSummary: it must give exactly
// what mapping every goal through goalProgress and goalStatus gives, whatever the input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalProgress } from './goal-progress.js';
import { goalStatus } from './goal-status.js';
import { portfolioSummary } from './portfolio.js';
import {
  type MetricsPortfolioCustomer,
  type PortfolioFromMetricsOptions,
  portfolioFromMetrics,
} from './portfolio-metrics.js';

/** The documented equivalent: each goal through goalProgress and goalStatus, then the summary. */
function reference(cs: readonly MetricsPortfolioCustomer[], options: PortfolioFromMetricsOptions) {
  return portfolioSummary(
    cs.map((c) => ({
      ...c,
      goals: c.goals.map((g) => {
        const p = goalProgress(g, options);
        return { status: goalStatus({ ...g, percent: p.ok ? p.percent : null }, options).status };
      }),
    })),
    options,
  );
}

const DAY = 86_400_000;
const ASOF = Date.UTC(2026, 10, 23);
const value = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -500, max: 500, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Infinity, 0, 100) },
);
const metric = fc.record(
  {
    baseline: value,
    target: value as fc.Arbitrary<number>,
    current: value,
    weight: fc.oneof(fc.constant(undefined), fc.double({ min: -1, max: 5, noNaN: true })),
    direction: fc.constantFrom(undefined, null, 'higher_is_better', 'lower_is_better'),
  },
  { requiredKeys: ['target'] },
);
const day = fc.oneof(
  fc.integer({ min: -400, max: 400 }).map((d) => ASOF + d * DAY),
  fc.constantFrom(undefined, null, 'not a date', '2026-11-23'),
);
const goal = fc.record({
  metrics: fc.array(metric, { maxLength: 4 }),
  startDate: day,
  targetDate: day,
  hasMeasurement: fc.constantFrom(undefined, true, false),
});
const customer: fc.Arbitrary<MetricsPortfolioCustomer> = fc.record({
  id: fc.string({ maxLength: 4 }),
  name: fc.constantFrom(undefined, 'Acme'),
  currency: fc.constantFrom('USD', 'EUR', null),
  investment: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null }),
  totalValue: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.NaN)),
  score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  goals: fc.array(goal, { maxLength: 5 }),
});
const options: fc.Arbitrary<PortfolioFromMetricsOptions> = fc.record(
  {
    asOf: fc.oneof(fc.constant(ASOF), fc.constant('not a date')),
    tolerance: fc.constantFrom(undefined, 0, 5, 25),
    onTrackThreshold: fc.constantFrom(undefined, 50),
    method: fc.constantFrom(undefined, 'baseline', 'ratio'),
    top: fc.constantFrom(undefined, 0, 3),
  },
  { requiredKeys: ['asOf'] },
);

describe('portfolioFromMetrics', () => {
  it('equals goalProgress, then goalStatus, then portfolioSummary, field by field, for any input', () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 12 }), options, (cs, o) => {
        expect(portfolioFromMetrics(cs, o)).toEqual(reference(cs, o));
      }),
      { numRuns: 500 },
    );
  });

  it('counts the worked example: one goal achieved at 104.17 %, ROI 4.19x', () => {
    const r = portfolioFromMetrics(
      [
        {
          id: 'acme',
          investment: 68_000,
          totalValue: 285_000,
          goals: [
            {
              metrics: [{ baseline: 48, target: 24, current: 23 }],
              startDate: '2026-01-01',
              targetDate: '2026-06-30',
            },
          ],
        },
      ],
      { asOf: '2026-03-01' },
    );
    expect(r).toMatchObject({ customers: 1, goals: 1, achieved: 1, achievementRate: 100 });
    expect(r.averageRoi).toBeCloseTo(4.191, 3);
  });

  it('returns an empty summary for a non-list from untyped callers', () => {
    expect(portfolioFromMetrics(null as never, { asOf: ASOF })).toMatchObject({
      customers: 0,
      skipped: 0,
      goals: 0,
    });
  });
});
