import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SuccessScoreGoal, successBand, successScore } from './success-score.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });

describe('successScore', () => {
  it('returns 89 (strong) for PRD-069 goal progress 140, 92, 65, 88, 100, each capped at 100', () => {
    const r = successScore([
      { percent: 140 },
      { percent: 92 },
      { percent: 65 },
      { percent: 88 },
      { percent: 100 },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.score).toBeCloseTo(89, 10);
    expect(r).toMatchObject({ band: 'strong', counted: 5, skipped: 0 });
  });

  it('normalises weights: 100 at weight 3 and 0 at weight 1 score 75', () => {
    const r = successScore([
      { percent: 100, weight: 3 },
      { percent: 0, weight: 1 },
    ]);
    expect(r).toMatchObject({ ok: true, score: 75, band: 'moderate' });
  });

  it('gives the same score whatever the weights scale (weights 1, 2 = 10, 20)', () => {
    const a = successScore([
      { percent: 30, weight: 1 },
      { percent: 90, weight: 2 },
    ]);
    const b = successScore([
      { percent: 30, weight: 10 },
      { percent: 90, weight: 20 },
    ]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.score).toBeCloseTo(b.score, 12);
  });

  it('clamps negative progress to 0 and progress above 100 to 100', () => {
    expect(successScore([{ percent: -50 }, { percent: 250 }])).toMatchObject({
      ok: true,
      score: 50,
    });
  });

  it('counts a not-started goal (no progress) as 0, as the achievement rate counts it not achieved', () => {
    const r = successScore([{ percent: 80 }, { percent: null }, { percent: NaN }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.score).toBeCloseTo(80 / 3, 10);
    expect(r).toMatchObject({ band: 'weak', counted: 1, skipped: 2 });
    // One measured goal at 100 % and four not started: 20, as the achievement rate is 20 %.
    const one = successScore([{ percent: 100 }, ...Array(4).fill({ percent: null })]);
    expect(one).toMatchObject({ ok: true, score: 20, band: 'weak' });
  });

  it('keeps a band edge exact: every goal at 80 scores exactly 80 (strong) with any weights', () => {
    const r = successScore([
      { percent: 80, weight: 0.1 },
      { percent: 80, weight: 0.7 },
      { percent: 80, weight: 0.3 },
    ]);
    expect(r).toMatchObject({ ok: true, score: 80, band: 'strong' });
  });

  it('fails with no_goals and the PRD-069 message for an empty list', () => {
    expect(successScore([])).toEqual({
      ok: false,
      reason: 'no_goals',
      message: 'No success goals defined.',
    });
    expect(successScore(undefined as never)).toMatchObject({ ok: false, reason: 'no_goals' });
  });

  it('fails with no_progress when no goal has progress', () => {
    const r = successScore([{ percent: null }, { percent: Infinity }]);
    expect(r).toMatchObject({ ok: false, reason: 'no_progress' });
  });

  it.each([-1, NaN, Infinity, '2'])('fails with invalid_weight for weight %s', (weight) => {
    const r = successScore([{ percent: 50, weight } as SuccessScoreGoal]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_weight' });
  });

  it('fails with invalid_weight when every goal weighs 0', () => {
    const r = successScore([
      { percent: 50, weight: 0 },
      { percent: null, weight: 0 },
    ]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_weight' });
    // A not-started goal's weight counts: 50 at weight 0 beside it scores 0, not a failure.
    expect(
      successScore([
        { percent: 50, weight: 0 },
        { percent: null, weight: 5 },
      ]),
    ).toMatchObject({ ok: true, score: 0 });
  });

  it('ignores a zero-weight goal', () => {
    const r = successScore([
      { percent: 10, weight: 0 },
      { percent: 70, weight: 2 },
    ]);
    expect(r).toMatchObject({ ok: true, score: 70, counted: 2 });
  });

  it('handles huge weights without overflow', () => {
    const r = successScore([
      { percent: 40, weight: 1.7e308 },
      { percent: 60, weight: 1.7e308 },
    ]);
    expect(r).toMatchObject({ ok: true, score: 50 });
  });

  it('uses custom bands when given', () => {
    const r = successScore([{ percent: 85 }], { bands: { strong: 90, moderate: 80 } });
    expect(r).toMatchObject({ ok: true, band: 'moderate' });
  });

  const goalArb: fc.Arbitrary<SuccessScoreGoal> = fc.record(
    {
      percent: fc.option(finite, { nil: null }),
      weight: fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 }),
    },
    { requiredKeys: ['percent'] },
  );

  it('always scores within 0..100 for any finite input', () => {
    fc.assert(
      fc.property(fc.array(goalArb, { maxLength: 10 }), (goals) => {
        const r = successScore(goals);
        if (!r.ok) return;
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.counted + r.skipped).toBe(goals.length);
      }),
    );
  });

  it('never throws and returns only finite numbers for raw doubles including NaN and Infinity', () => {
    const raw = fc.record({ percent: fc.double(), weight: fc.double() });
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 10 }), (goals) => {
        const r = successScore(goals);
        if (r.ok) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('is monotone: raising one goal progress never lowers the score', () => {
    fc.assert(
      fc.property(
        fc.array(goalArb, { minLength: 1, maxLength: 8 }),
        finite,
        finite,
        (goals, a, b) => {
          const lo = successScore([...goals, { percent: Math.min(a, b) }]);
          const hi = successScore([...goals, { percent: Math.max(a, b) }]);
          if (lo.ok && hi.ok) expect(hi.score).toBeGreaterThanOrEqual(lo.score - 1e-9);
        },
      ),
    );
  });
});

describe('successBand', () => {
  it('bands strong >= 80, moderate >= 60, else weak, on the unrounded score', () => {
    expect(successBand(100)).toBe('strong');
    expect(successBand(80)).toBe('strong');
    expect(successBand(79.99)).toBe('moderate');
    expect(successBand(60)).toBe('moderate');
    expect(successBand(59.9)).toBe('weak');
    expect(successBand(0)).toBe('weak');
  });

  it('falls back to the default threshold for a missing or non-finite band', () => {
    expect(successBand(65, { moderate: 70 })).toBe('weak');
    expect(successBand(85, { strong: NaN })).toBe('strong');
  });
});
