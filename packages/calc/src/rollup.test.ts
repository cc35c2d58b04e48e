import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRollup, FORMULAS } from './explain.js';
import { accountRollup, type RollupAccount } from './rollup.js';

const parent: RollupAccount = {
  id: 'parent',
  currency: 'USD',
  investment: 100_000,
  totalValue: 300_000,
  score: 90,
  goals: [{ status: 'achieved' }, { status: 'on_track' }],
};

describe('accountRollup', () => {
  it('counts every goal of the parent and its children', () => {
    const r = accountRollup([
      parent,
      {
        id: 'c1',
        currency: 'USD',
        investment: 50_000,
        totalValue: 0,
        score: 60,
        goals: [{ status: 'at_risk' }, { status: 'missed' }, { status: 'not_started' }],
      },
    ]);
    expect(r).toMatchObject({
      accounts: 2,
      skipped: 0,
      goals: 5,
      achieved: 1,
      onTrack: 1,
      atRisk: 1,
      missed: 1,
      notStarted: 1,
      achievementRate: 20,
    });
  });

  it('weights score and ROI by investment (the JSDoc example)', () => {
    const r = accountRollup([
      parent,
      { id: 'child', currency: 'USD', investment: 50_000, totalValue: 0, score: 60, goals: [] },
      { id: 'new', currency: 'USD', investment: null, totalValue: 10_000, score: null, goals: [] },
    ]);
    // score (90 x 100k + 60 x 50k) / 150k = 80; ROI (300k + 0) / 150k = 2: the account without
    // an investment adds its value to the total but nothing to ROI.
    expect(r.byCurrency).toEqual([
      {
        currency: 'USD',
        accounts: 3,
        totalValue: 310_000,
        investment: 150_000,
        roiMultiplier: 2,
        successScore: 80,
      },
    ]);
    expect(r.successScore).toBe(80);
    expect(r.roiMultiplier).toBe(2);
    expect(r.note).toBeNull();
  });

  it('is the investment-weighted mean of the ROIs, not their plain mean', () => {
    // ROIs 3 (on 100k) and 1 (on 300k): weighted (300k + 300k) / 400k = 1.5; the plain mean is 2.
    const r = accountRollup([
      { id: 'a', investment: 100_000, totalValue: 300_000, score: null, goals: [] },
      { id: 'b', investment: 300_000, totalValue: 300_000, score: null, goals: [] },
    ]);
    expect(r.roiMultiplier).toBe(1.5);
  });

  it('never sums money across currencies: one total per currency, no overall score or ROI', () => {
    const r = accountRollup([
      parent,
      { id: 'eu', currency: 'EUR', investment: 40_000, totalValue: 80_000, score: 50, goals: [] },
      { id: 'eu2', currency: 'EUR', investment: 0, totalValue: 5_000, score: 10, goals: [] },
    ]);
    expect(
      r.byCurrency.map((c) => [c.currency, c.totalValue, c.roiMultiplier, c.successScore]),
    ).toEqual([
      ['EUR', 85_000, 2, 50],
      ['USD', 300_000, 3, 90],
    ]);
    expect(r.successScore).toBeNull();
    expect(r.roiMultiplier).toBeNull();
    expect(r.note).toBe('mixed_currencies');
  });

  it('gives null, not NaN, when no account has an investment or anything measured', () => {
    const r = accountRollup([
      { id: 'a', currency: 'USD', investment: 0, totalValue: 0, score: null, goals: [] },
      { id: 'b', currency: 'USD', investment: null, totalValue: 0, score: 40, goals: [] },
    ]);
    expect(r.byCurrency[0]).toEqual({
      currency: 'USD',
      accounts: 2,
      totalValue: 0,
      investment: 0,
      roiMultiplier: null,
      successScore: null,
    });
    expect(r).toMatchObject({ goals: 0, achievementRate: null, note: 'no_investment' });
  });

  it('has no totals and no note for no accounts', () => {
    expect(accountRollup([])).toMatchObject({
      accounts: 0,
      byCurrency: [],
      successScore: null,
      roiMultiplier: null,
      note: null,
      achievementRate: null,
    });
  });

  it('leaves out accounts with unusable data and sums that would overflow', () => {
    const r = accountRollup([
      parent,
      { id: 'nan', investment: 1, totalValue: Number.NaN, score: 1, goals: [] },
      { id: 'odd', investment: 1, totalValue: 1, score: 1, goals: [{ status: 'bogus' as never }] },
      { id: 'big', investment: 1, totalValue: Number.MAX_VALUE, score: 1, goals: [] },
      { id: 'big2', investment: 1, totalValue: Number.MAX_VALUE, score: 1, goals: [] },
      null as never,
    ]);
    expect(r.accounts).toBe(2);
    expect(r.skipped).toBe(4);
    expect(r.goals).toBe(2);
    for (const c of r.byCurrency) {
      expect(Number.isFinite(c.totalValue)).toBe(true);
      expect(c.roiMultiplier === null || Number.isFinite(c.roiMultiplier)).toBe(true);
    }
  });

  it('does not throw on a non-list', () => {
    expect(accountRollup(undefined as never).accounts).toBe(0);
  });

  it('keeps every figure finite and each currency total the sum of its accounts (property)', () => {
    const account = fc.record({
      id: fc.string(),
      currency: fc.constantFrom('USD', 'EUR', 'JPY'),
      investment: fc.option(fc.double({ min: 0, max: 1e15, noNaN: true })),
      totalValue: fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      score: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      goals: fc.array(
        fc.record({
          status: fc.constantFrom(
            'achieved',
            'on_track',
            'at_risk',
            'missed',
            'not_started' as const,
          ),
        }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 8 }), (list) => {
        const r = accountRollup(list);
        expect(r.accounts).toBe(list.length);
        expect(r.goals).toBe(list.reduce((n, a) => n + a.goals.length, 0));
        for (const c of r.byCurrency) {
          const mine = list.filter((a) => a.currency === c.currency);
          expect(c.accounts).toBe(mine.length);
          expect(c.totalValue).toBeCloseTo(
            mine.reduce((v, a) => v + a.totalValue, 0),
            -Math.log10(1e-6 * Math.max(1, ...mine.map((a) => Math.abs(a.totalValue)))),
          );
          for (const x of [c.totalValue, c.investment, c.roiMultiplier, c.successScore])
            expect(x === null || Number.isFinite(x)).toBe(true);
          if (c.successScore !== null) {
            expect(c.successScore).toBeGreaterThanOrEqual(0);
            expect(c.successScore).toBeLessThanOrEqual(100);
          }
        }
        if (r.byCurrency.length > 1)
          expect([r.successScore, r.roiMultiplier]).toEqual([null, null]);
      }),
    );
  });
});

describe('explainRollup', () => {
  const terms = [
    { name: 'Parent', value: 300_000, investment: 100_000, score: 90 },
    { name: 'Child', value: 0, investment: 50_000, score: 60 },
    { name: 'New', value: 10_000, investment: null, score: null },
  ];

  it("gives the rollup's own figures with the formula in words and each account's numbers", () => {
    const roi = explainRollup('roi', terms, 'USD');
    expect(roi).toMatchObject({ formula: 'rollup.roi_weighted', result: 2 });
    expect(roi.text).toBe('($300,000 + $0) / ($100,000 + $50,000) = 2');
    // The account without an investment is not an input of ROI.
    expect(roi.inputs.map((i) => i.name)).not.toContain('New value');
    const score = explainRollup('score', terms, 'USD');
    expect(score).toMatchObject({ formula: 'rollup.score_weighted', result: 80 });
    expect(score.text).toBe('(90 × $100,000 + 60 × $50,000) / ($100,000 + $50,000) = 80');
    const value = explainRollup('value', terms, 'USD');
    expect(value).toMatchObject({ formula: 'rollup.value', result: 310_000 });
    expect(value.rule).toBe(FORMULAS['rollup.value'].rule);
  });

  it('says why there is no ROI or score instead of a number', () => {
    const none = [{ name: 'A', value: 5, investment: 0, score: 50 }];
    expect(explainRollup('roi', none, 'EUR')).toMatchObject({ result: null });
    expect(explainRollup('score', none, 'EUR').text).toMatch(/no score/);
  });
});
