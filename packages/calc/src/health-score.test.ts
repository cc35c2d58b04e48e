import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HEALTH_WEIGHTS,
  HEALTH_BANDS,
  type HealthComponents,
  healthBand,
  healthDistribution,
  healthScore,
} from './health-score.js';

const component = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 100 });
const componentsArb: fc.Arbitrary<HealthComponents> = fc.record({
  usage: component,
  outcomes: component,
  relationship: component,
  growth: component,
});
const weight = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 });

describe('healthScore', () => {
  it('weighs usage 40, outcomes 25, relationship 20, growth 15 (seed 002): 80/90/70/60 is 77.5', () => {
    const r = healthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.score).toBeCloseTo(77.5, 10);
    expect(r.band).toBe('good');
  });

  it('uses the seed 002 weights by default', () => {
    expect(DEFAULT_HEALTH_WEIGHTS).toEqual({
      usage: 40,
      outcomes: 25,
      relationship: 20,
      growth: 15,
    });
    const usageOnly = healthScore({ usage: 100, outcomes: 0, relationship: 0, growth: 0 });
    expect(usageOnly).toMatchObject({ ok: true, score: 40, band: 'critical' });
  });

  it('normalises custom weights by their sum: equal weights give the plain mean', () => {
    const r = healthScore(
      { usage: 80, outcomes: 90, relationship: 70, growth: 60 },
      { usage: 1, outcomes: 1, relationship: 1, growth: 1 },
    );
    expect(r).toMatchObject({ ok: true, score: 75, band: 'good' });
  });

  it('gives the same score for weights 40/25/20/15 and 0.4/0.25/0.2/0.15', () => {
    const c = { usage: 33, outcomes: 71, relationship: 12, growth: 95 };
    const a = healthScore(c);
    const b = healthScore(c, { usage: 0.4, outcomes: 0.25, relationship: 0.2, growth: 0.15 });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.score).toBeCloseTo(b.score, 10);
  });

  it('keeps band edges exact: all components at 90 score exactly 90 (excellent), 70 is good', () => {
    expect(healthScore({ usage: 90, outcomes: 90, relationship: 90, growth: 90 })).toMatchObject({
      score: 90,
      band: 'excellent',
    });
    const odd = { usage: 0.3, outcomes: 0.1, relationship: 0.7, growth: 0.11 };
    expect(
      healthScore({ usage: 70, outcomes: 70, relationship: 70, growth: 70 }, odd),
    ).toMatchObject({
      score: 70,
      band: 'good',
    });
  });

  it('scores 0 (critical) and 100 (excellent) at the extremes', () => {
    expect(healthScore({ usage: 0, outcomes: 0, relationship: 0, growth: 0 })).toMatchObject({
      score: 0,
      band: 'critical',
    });
    expect(
      healthScore({ usage: 100, outcomes: 100, relationship: 100, growth: 100 }),
    ).toMatchObject({
      score: 100,
      band: 'excellent',
    });
  });

  it('fails with out_of_range for a component outside 0..100, naming it', () => {
    const r = healthScore({ usage: 101, outcomes: 50, relationship: 50, growth: 50 });
    expect(r).toMatchObject({ ok: false, reason: 'out_of_range' });
    if (!r.ok) expect(r.message).toContain('usage');
    expect(healthScore({ usage: 50, outcomes: -1, relationship: 50, growth: 50 })).toMatchObject({
      reason: 'out_of_range',
    });
  });

  it.each([NaN, Infinity, undefined, '50'])('fails with invalid_number for growth %s', (growth) => {
    const r = healthScore({ usage: 50, outcomes: 50, relationship: 50, growth } as never);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('fails with invalid_number for missing components from untyped callers', () => {
    expect(healthScore(null as never)).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('fails with invalid_weights for negative, non-finite, missing or all-zero weights', () => {
    const c = { usage: 50, outcomes: 50, relationship: 50, growth: 50 };
    const bad = [
      { usage: -1, outcomes: 1, relationship: 1, growth: 1 },
      { usage: NaN, outcomes: 1, relationship: 1, growth: 1 },
      { usage: 1, outcomes: 1, relationship: 1 },
      { usage: 0, outcomes: 0, relationship: 0, growth: 0 },
    ];
    for (const w of bad) {
      expect(healthScore(c, w as never)).toMatchObject({ ok: false, reason: 'invalid_weights' });
    }
  });

  it('handles huge weights without overflow', () => {
    const w = { usage: 1.7e308, outcomes: 1.7e308, relationship: 1.7e308, growth: 1.7e308 };
    expect(healthScore({ usage: 10, outcomes: 20, relationship: 30, growth: 40 }, w)).toMatchObject(
      {
        ok: true,
        score: 25,
      },
    );
  });

  it('always scores within 0..100 and between its smallest and largest component', () => {
    fc.assert(
      fc.property(
        componentsArb,
        fc.record({ usage: weight, outcomes: weight, relationship: weight, growth: weight }),
        (c, w) => {
          const r = healthScore(c, w);
          if (!r.ok) {
            expect(r.reason).toBe('invalid_weights');
            return;
          }
          const values = [c.usage, c.outcomes, c.relationship, c.growth];
          expect(r.score).toBeGreaterThanOrEqual(Math.min(...values));
          expect(r.score).toBeLessThanOrEqual(Math.max(...values));
          expect(r.band).toBe(healthBand(r.score));
        },
      ),
    );
  });

  it('is monotone: raising a component never lowers the score', () => {
    fc.assert(
      fc.property(componentsArb, component, (c, bump) => {
        const lo = healthScore(c);
        const hi = healthScore({ ...c, usage: Math.max(c.usage, bump) });
        if (lo.ok && hi.ok) expect(hi.score).toBeGreaterThanOrEqual(lo.score - 1e-9);
      }),
    );
  });

  it('never throws and returns only finite numbers for raw doubles including NaN and Infinity', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        (u, o, r, g, w) => {
          const res = healthScore(
            { usage: u, outcomes: o, relationship: r, growth: g },
            { usage: w, outcomes: 1, relationship: 1, growth: 1 },
          );
          if (res.ok) expect(Number.isFinite(res.score)).toBe(true);
        },
      ),
    );
  });
});

describe('healthBand', () => {
  it('bands 90+ excellent, 70-89 good, 50-69 at_risk, below 50 critical (seed 002)', () => {
    expect(healthBand(100)).toBe('excellent');
    expect(healthBand(90)).toBe('excellent');
    expect(healthBand(89)).toBe('good');
    expect(healthBand(70)).toBe('good');
    expect(healthBand(69)).toBe('at_risk');
    expect(healthBand(50)).toBe('at_risk');
    expect(healthBand(49)).toBe('critical');
    expect(healthBand(0)).toBe('critical');
  });

  it('bands 89.5 as good: bands apply to the unrounded score, only >= 90 is excellent', () => {
    expect(healthBand(89.5)).toBe('good');
    expect(healthBand(89.999)).toBe('good');
    expect(healthBand(69.5)).toBe('at_risk');
    expect(healthBand(49.9)).toBe('critical');
  });

  it('bands a score that is not a number or is negative as critical', () => {
    expect(healthBand(NaN)).toBe('critical');
    expect(healthBand(-5)).toBe('critical');
  });

  it('exports HEALTH_BANDS best first with their lowest scores', () => {
    expect(HEALTH_BANDS.map((b) => [b.band, b.min])).toEqual([
      ['excellent', 90],
      ['good', 70],
      ['at_risk', 50],
      ['critical', 0],
    ]);
  });
});

describe('healthDistribution', () => {
  it('counts customers per band of seed 002 and those without a score as no data', () => {
    expect(
      healthDistribution(['good', 'critical', null, 'good', 'excellent', 'at_risk', undefined]),
    ).toEqual({
      excellent: 1,
      good: 2,
      at_risk: 1,
      critical: 1,
      no_data: 2,
    });
  });

  it('adds up to the number of customers, whatever the bands', () => {
    const band = fc.constantFrom(
      'excellent',
      'good',
      'at_risk',
      'critical',
      null,
      undefined,
      'strong' as never,
    );
    fc.assert(
      fc.property(fc.array(band), (bands) => {
        const d = healthDistribution(bands);
        expect(d.excellent + d.good + d.at_risk + d.critical + d.no_data).toBe(bands.length);
      }),
    );
  });

  it('counts the bands healthBand gives, at the seed boundaries 90 / 70 / 50', () => {
    const d = healthDistribution([90, 89.5, 70, 69.9, 50, 49.9].map((s) => healthBand(s)));
    expect(d).toEqual({ excellent: 1, good: 2, at_risk: 2, critical: 1, no_data: 0 });
  });
});
