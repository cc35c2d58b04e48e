import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GoalStatus } from './goal-status.js';
import { type PortfolioCustomer, portfolioSummary } from './portfolio.js';

const goalsOf = (...statuses: GoalStatus[]) => statuses.map((status) => ({ status }));

const acme: PortfolioCustomer = {
  id: 'acme',
  name: 'Acme Corp',
  investment: 68_000,
  totalValue: 285_000,
  // PRD-165 section 7.1: 4 of 5 goals achieved... as the mock-up's overview card counts them.
  goals: goalsOf('achieved', 'achieved', 'achieved', 'achieved', 'at_risk'),
};
const globex: PortfolioCustomer = {
  id: 'globex',
  investment: 150_000,
  totalValue: 275_400,
  goals: goalsOf('achieved', 'on_track', 'on_track', 'at_risk', 'achieved'),
};

describe('portfolioSummary', () => {
  it('counts goals by status and gives the achievement rate (PRD-165 section 11)', () => {
    const r = portfolioSummary([acme, globex]);
    expect(r).toMatchObject({
      ok: true,
      customers: 2,
      skipped: 0,
      goals: 10,
      achieved: 6,
      onTrack: 2,
      atRisk: 2,
      missed: 0,
      notStarted: 0,
      achievementRate: 60,
    });
  });

  it('averages the ROI multiplier: TC-165.2 4.19x and PRD-069 1.836x average 3.01x', () => {
    const r = portfolioSummary([acme, globex]);
    expect(r.averageRoi).toBeCloseTo((285_000 / 68_000 + 275_400 / 150_000) / 2, 12);
  });

  it('sums value in one currency and defaults the currency to USD', () => {
    const r = portfolioSummary([acme, { ...globex, currency: 'USD' }]);
    expect(r).toMatchObject({
      totalValue: 560_400,
      currency: 'USD',
      valueByCurrency: { USD: 560_400 },
    });
  });

  it('never sums money across currencies: totalValue and currency are null when mixed', () => {
    const r = portfolioSummary([
      acme,
      { ...globex, currency: 'EUR' },
      { ...globex, id: 'g2', currency: 'EUR' },
    ]);
    expect(r.totalValue).toBeNull();
    expect(r.currency).toBeNull();
    expect({ ...r.valueByCurrency }).toEqual({ USD: 285_000, EUR: 550_800 });
  });

  it('excludes customers without a usable investment from the average ROI', () => {
    const r = portfolioSummary([
      acme,
      { ...globex, id: 'a', investment: null },
      { ...globex, id: 'b', investment: 0 },
      { ...globex, id: 'c', investment: -100 },
      { ...globex, id: 'd', investment: Number.MIN_VALUE },
    ]);
    expect(r.averageRoi).toBeCloseTo(285_000 / 68_000, 12);
    expect(r.customers).toBe(5);
    expect(r.topPerformers.find((p) => p.id === 'a')?.roi).toBeNull();
  });

  it('returns null rates (not 0, not NaN) for an empty portfolio', () => {
    expect(portfolioSummary([])).toEqual({
      ok: true,
      customers: 0,
      skipped: 0,
      goals: 0,
      achieved: 0,
      onTrack: 0,
      atRisk: 0,
      missed: 0,
      notStarted: 0,
      achievementRate: null,
      averageRoi: null,
      totalValue: 0,
      currency: null,
      valueByCurrency: {},
      topPerformers: [],
    });
  });

  it('gives a null achievement rate when customers have no goals', () => {
    const r = portfolioSummary([{ id: 'x', investment: 1, totalValue: 2, goals: [] }]);
    expect(r).toMatchObject({
      achievementRate: null,
      averageRoi: 2,
      totalValue: 2,
      currency: 'USD',
    });
    expect(r.topPerformers).toEqual([{ id: 'x', achievementRate: null, roi: 2, score: null }]);
  });

  it('ranks top performers by score, then achievement rate, then ROI, then id', () => {
    const c = (id: string, score: number | null, achieved: number, investment: number) => ({
      id,
      score,
      investment,
      totalValue: 100,
      goals: goalsOf(
        ...Array.from({ length: 4 }, (_, i): GoalStatus => (i < achieved ? 'achieved' : 'at_risk')),
      ),
    });
    const r = portfolioSummary(
      [
        c('no-score-best-rate', null, 4, 1),
        c('b', 90, 1, 100),
        c('a', 90, 1, 100),
        c('higher-rate', 90, 3, 100),
        c('higher-roi', 90, 1, 10),
        c('top-score', 95, 0, 1000),
        c('low', 10, 0, 1000),
      ],
      { top: 6 },
    );
    expect(r.topPerformers.map((p) => p.id)).toEqual([
      'top-score',
      'higher-rate',
      'higher-roi',
      'a',
      'b',
      'low',
    ]);
    expect(r.topPerformers[1]).toEqual({
      id: 'higher-rate',
      achievementRate: 75,
      roi: 1,
      score: 90,
    });
  });

  it('returns the top 5 by default, including the name when given', () => {
    const customers = Array.from({ length: 12 }, (_, i) => ({
      id: `c${String(i).padStart(2, '0')}`,
      name: `Customer ${i}`,
      investment: 100,
      totalValue: i * 100,
      goals: goalsOf('achieved'),
    }));
    const r = portfolioSummary(customers);
    expect(r.topPerformers.map((p) => p.id)).toEqual(['c11', 'c10', 'c09', 'c08', 'c07']);
    expect(r.topPerformers[0]).toEqual({
      id: 'c11',
      name: 'Customer 11',
      achievementRate: 100,
      roi: 11,
      score: null,
    });
    expect(portfolioSummary(customers, { top: 0 }).topPerformers).toEqual([]);
    expect(portfolioSummary(customers, { top: 2.7 }).topPerformers).toHaveLength(2);
    expect(portfolioSummary(customers, { top: NaN }).topPerformers).toHaveLength(5);
    expect(portfolioSummary(customers, { top: 1e9 }).topPerformers).toHaveLength(12);
  });

  it('skips and counts customers with unusable data instead of failing the whole portfolio', () => {
    const bad = [
      null,
      { ...acme, id: 42 },
      { ...acme, totalValue: NaN },
      { ...acme, investment: Infinity },
      { ...acme, score: NaN },
      { ...acme, currency: '' },
      { ...acme, goals: 'many' },
      { ...acme, goals: [{ status: 'in_progress' }] },
      { ...acme, goals: [null] },
    ] as never[];
    const r = portfolioSummary([globex, ...bad]);
    expect(r).toMatchObject({
      customers: 1,
      skipped: 9,
      goals: 5,
      achieved: 2,
      totalValue: 275_400,
    });
    expect(r.topPerformers.map((p) => p.id)).toEqual(['globex']);
  });

  it('skips a customer whose value would overflow its currency total', () => {
    const big = { id: 'big', investment: null, totalValue: 1.7e308, goals: [] };
    const r = portfolioSummary([big, { ...big, id: 'big2' }]);
    expect(r).toMatchObject({ customers: 1, skipped: 1, totalValue: 1.7e308 });
  });

  it('returns an empty summary for a non-list from untyped callers', () => {
    expect(portfolioSummary(null as never)).toMatchObject({ ok: true, customers: 0, skipped: 0 });
  });

  const status = fc.constantFrom<GoalStatus>(
    'not_started',
    'on_track',
    'at_risk',
    'achieved',
    'missed',
  );
  const money = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
  const customerArb: fc.Arbitrary<PortfolioCustomer> = fc.record({
    id: fc.string({ maxLength: 4 }),
    currency: fc.constantFrom('USD', 'EUR'),
    investment: fc.option(money, { nil: null }),
    totalValue: money,
    score: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 }), {
      nil: null,
    }),
    goals: fc.array(fc.record({ status }), { maxLength: 5 }),
  });

  it('never returns a non-finite number and keeps counts consistent for any finite input', () => {
    fc.assert(
      fc.property(
        fc.array(customerArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (cs, top) => {
          const r = portfolioSummary(cs, { top });
          expect(r.customers).toBe(cs.length);
          expect(r.achieved + r.onTrack + r.atRisk + r.missed + r.notStarted).toBe(r.goals);
          for (const v of [
            r.achievementRate,
            r.averageRoi,
            r.totalValue,
            ...Object.values(r.valueByCurrency),
          ]) {
            if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
          if (r.achievementRate !== null) {
            expect(r.achievementRate).toBeGreaterThanOrEqual(0);
            expect(r.achievementRate).toBeLessThanOrEqual(100);
          }
          expect(r.topPerformers.length).toBe(Math.min(top, cs.length));
        },
      ),
    );
  });

  it('never throws for raw doubles including NaN and Infinity', () => {
    const raw = fc.record({
      id: fc.string({ maxLength: 3 }),
      investment: fc.double(),
      totalValue: fc.double(),
      score: fc.double(),
      goals: fc.array(fc.record({ status }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 20 }), (cs) => {
        const r = portfolioSummary(cs);
        expect(r.customers + r.skipped).toBe(cs.length);
        if (r.averageRoi !== null) expect(Number.isFinite(r.averageRoi)).toBe(true);
        if (r.totalValue !== null) expect(Number.isFinite(r.totalValue)).toBe(true);
      }),
    );
  });

  it('picks the same top performers as a full sort, in any input order', () => {
    fc.assert(
      fc.property(
        fc.array(customerArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        (cs, top) => {
          const all = portfolioSummary(cs, { top: cs.length }).topPerformers;
          const r = portfolioSummary([...cs].reverse(), { top });
          const key = (p: {
            id: string;
            score: number | null;
            achievementRate: number | null;
            roi: number | null;
          }) => [p.score, p.achievementRate, p.roi, p.id].join('|');
          expect(r.topPerformers.map(key)).toEqual(all.slice(0, top).map(key));
          // `all` is ordered best first: each entry ranks no lower than the next.
          for (let i = 1; i < all.length; i++) {
            const a = all[i - 1];
            const b = all[i];
            if (a === undefined || b === undefined) continue;
            if (a.score !== b.score)
              expect(b.score === null || (a.score !== null && a.score > b.score)).toBe(true);
          }
        },
      ),
    );
  });

  it('has an achievement rate that never falls when a goal turns achieved', () => {
    fc.assert(
      fc.property(fc.array(customerArb, { minLength: 1, maxLength: 10 }), (cs) => {
        const before = portfolioSummary(cs);
        const first = cs[0];
        if (first === undefined) return;
        const improved = [
          { ...first, goals: [...first.goals, { status: 'achieved' as const }] },
          ...cs.slice(1),
        ];
        const after = portfolioSummary(improved);
        expect(after.achievementRate ?? 0).toBeGreaterThanOrEqual(before.achievementRate ?? 0);
      }),
    );
  });
});
