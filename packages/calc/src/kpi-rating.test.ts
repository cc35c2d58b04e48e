import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_THRESHOLDS, type KpiName, type KpiRating, kpiRating } from './kpi-rating.js';

const RANK: Record<KpiRating, number> = {
  below_minimum: 0,
  acceptable: 1,
  on_target: 2,
  best_in_class: 3,
};
const NAMES = Object.keys(KPI_THRESHOLDS) as KpiName[];
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });

describe('KPI_THRESHOLDS', () => {
  it('holds the seed 003 targets, minimums, benchmarks and best-in-class values', () => {
    expect(KPI_THRESHOLDS.csat).toMatchObject({
      target: 4.5,
      minimum: 4,
      benchmark: 4.2,
      unit: '1..5',
    });
    expect(KPI_THRESHOLDS.csat_percent).toMatchObject({ target: 90, minimum: 80, benchmark: 84 });
    expect(KPI_THRESHOLDS.fcr).toMatchObject({ target: 75, minimum: 70, benchmark: 74, unit: '%' });
    expect(KPI_THRESHOLDS.nrr).toMatchObject({ target: 110, minimum: 100, bestInClass: 120 });
    expect(KPI_THRESHOLDS.grr).toMatchObject({ target: 95, minimum: 90, bestInClass: 98 });
    expect(KPI_THRESHOLDS.monthly_churn).toMatchObject({ direction: 'lower_is_better', target: 2 });
    expect(KPI_THRESHOLDS.annual_churn).toMatchObject({ direction: 'lower_is_better', target: 10 });
    expect(KPI_THRESHOLDS.aht).toMatchObject({
      direction: 'lower_is_better',
      target: 8,
      unit: 'min',
    });
    expect(KPI_THRESHOLDS.sla_compliance).toMatchObject({
      direction: 'higher_is_better',
      target: 98,
    });
    expect(KPI_THRESHOLDS.ces).toMatchObject({ target: 6, unit: '1..7' });
    expect(KPI_THRESHOLDS.ttr_low).toMatchObject({ target: 120, minimum: 168, unit: 'h' });
  });

  it('takes NPS > 50 from seed 004, with the industry "excellent" 30 as benchmark and minimum', () => {
    expect(KPI_THRESHOLDS.nps).toMatchObject({
      target: 50,
      minimum: 30,
      benchmark: 30,
      source: '004 NPS',
    });
  });

  it('names a seed file and section as the source of every KPI', () => {
    for (const name of NAMES) expect(KPI_THRESHOLDS[name].source).toMatch(/^00[34] /);
  });

  it("orders each KPI's levels in its direction: minimum, then target, then best in class", () => {
    for (const name of NAMES) {
      const t = KPI_THRESHOLDS[name];
      const s = t.direction === 'lower_is_better' ? -1 : 1;
      if (t.minimum !== undefined) expect(s * t.minimum).toBeLessThanOrEqual(s * t.target);
      if (t.bestInClass !== undefined) expect(s * t.bestInClass).toBeGreaterThan(s * t.target);
    }
  });

  it('is frozen, table and rows', () => {
    expect(Object.isFrozen(KPI_THRESHOLDS)).toBe(true);
    for (const name of NAMES) expect(Object.isFrozen(KPI_THRESHOLDS[name])).toBe(true);
  });
});

describe('kpiRating', () => {
  it('rates NRR 125 and exactly 120 best_in_class, 110-119 on_target, 100-109 acceptable, below 100 below_minimum', () => {
    expect(kpiRating('nrr', 125)).toBe('best_in_class');
    expect(kpiRating('nrr', 120)).toBe('best_in_class');
    expect(kpiRating('nrr', 112)).toBe('on_target');
    expect(kpiRating('nrr', 110)).toBe('on_target');
    expect(kpiRating('nrr', 105)).toBe('acceptable');
    expect(kpiRating('nrr', 100)).toBe('acceptable');
    expect(kpiRating('nrr', 99.9)).toBe('below_minimum');
  });

  it('rates CSAT 4.5 on_target, 4.2 (the benchmark) acceptable, 3.9 below_minimum', () => {
    expect(kpiRating('csat', 4.5)).toBe('on_target');
    expect(kpiRating('csat', 4.2)).toBe('acceptable');
    expect(kpiRating('csat', 3.9)).toBe('below_minimum');
  });

  it('rates lower-is-better churn: 1.5 % and 2 % monthly on_target, 2.5 % below_minimum (no minimum)', () => {
    expect(kpiRating('monthly_churn', 1.5)).toBe('on_target');
    expect(kpiRating('monthly_churn', 2)).toBe('on_target');
    expect(kpiRating('monthly_churn', 2.5)).toBe('below_minimum');
    expect(kpiRating('annual_churn', 12)).toBe('below_minimum');
  });

  it('rates critical TTR 1.5 h on_target, 3 h acceptable, 5 h below_minimum', () => {
    expect(kpiRating('ttr_critical', 1.5)).toBe('on_target');
    expect(kpiRating('ttr_critical', 3)).toBe('acceptable');
    expect(kpiRating('ttr_critical', 5)).toBe('below_minimum');
  });

  it('rates AHT 8 min on_target and 9 min below_minimum', () => {
    expect(kpiRating('aht', 8)).toBe('on_target');
    expect(kpiRating('aht', 9)).toBe('below_minimum');
  });

  it('rates NPS 50 and 60 on_target, 40 acceptable, 20 below_minimum', () => {
    expect(kpiRating('nps', 50)).toBe('on_target');
    expect(kpiRating('nps', 60)).toBe('on_target');
    expect(kpiRating('nps', 40)).toBe('acceptable');
    expect(kpiRating('nps', 20)).toBe('below_minimum');
  });

  it('rates SLA 97.9 % below_minimum: a target-only KPI has no acceptable band', () => {
    expect(kpiRating('sla_compliance', 97.9)).toBe('below_minimum');
    expect(kpiRating('sla_compliance', 98)).toBe('on_target');
  });

  it('merges partial overrides with the defaults', () => {
    expect(kpiRating('csat', 4.1, { minimum: 4.2 })).toBe('below_minimum');
    expect(kpiRating('csat', 4.8, { bestInClass: 4.8 })).toBe('best_in_class');
    expect(kpiRating('sla_compliance', 96, { minimum: 95 })).toBe('acceptable');
    expect(kpiRating('aht', 9, { target: 10 })).toBe('on_target');
  });

  it('ignores non-finite overrides and keeps the default', () => {
    expect(kpiRating('nrr', 112, { target: Number.NaN })).toBe('on_target');
    expect(kpiRating('nrr', 130, { bestInClass: Number.POSITIVE_INFINITY })).toBe('best_in_class');
  });

  it('rates an unknown KPI from full overrides and returns null without a target', () => {
    const unknown = 'renewal_rate' as KpiName;
    expect(kpiRating(unknown, 91, { target: 90 })).toBe('on_target');
    expect(kpiRating(unknown, 91)).toBeNull();
    expect(kpiRating('toString' as KpiName, 1)).toBeNull();
    expect(kpiRating(Object.create(null) as KpiName, 1)).toBeNull();
  });

  it('returns null for a non-finite or non-numeric value', () => {
    expect(kpiRating('nrr', Number.NaN)).toBeNull();
    expect(kpiRating('nrr', Number.POSITIVE_INFINITY)).toBeNull();
    expect(kpiRating('nrr', '112' as unknown as number)).toBeNull();
  });

  it('rates every finite value of every known KPI, and never throws on any input', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), finite, (kpi, v) => kpiRating(kpi, v) !== null),
    );
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.double(), fc.double(), (kpi, v, t) => {
        const r = kpiRating(kpi, v, { target: t, minimum: t });
        return r === null || r in RANK;
      }),
    );
  });

  it("never rates a better value worse, in each KPI's own direction", () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), finite, finite, (kpi, a, b) => {
        const s = KPI_THRESHOLDS[kpi].direction === 'lower_is_better' ? -1 : 1;
        const [worse, better] = s * a <= s * b ? [a, b] : [b, a];
        const rw = kpiRating(kpi, worse);
        const rb = kpiRating(kpi, better);
        return rw !== null && rb !== null && RANK[rw] <= RANK[rb];
      }),
    );
  });

  it('rates a lower-is-better KPI as its negated higher-is-better mirror', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), finite, (kpi, v) => {
        const t = KPI_THRESHOLDS[kpi];
        const mirror = {
          direction: t.direction === 'lower_is_better' ? 'higher_is_better' : 'lower_is_better',
          target: -t.target,
          ...(t.minimum === undefined ? {} : { minimum: -t.minimum }),
          ...(t.bestInClass === undefined ? {} : { bestInClass: -t.bestInClass }),
        } as const;
        return kpiRating(kpi, v) === kpiRating(kpi, -v, mirror);
      }),
    );
  });
});
