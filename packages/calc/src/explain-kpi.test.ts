import { describe, expect, it } from 'vitest';
import { FORMULAS } from './explain.js';
import { explainKpi, kpiTrend, responsesFromCounts } from './explain-kpi.js';
import { csat, nps } from './service.js';

describe('explainKpi', () => {
  it('computes NRR with calc, rates it against seed 003 and writes the numbers out', () => {
    const r = explainKpi(
      'nrr',
      { startingArr: 1_000_000, expansion: 150_000, contraction: 30_000, churned: 20_000 },
      { currency: 'USD' },
    );
    expect(r.value).toBeCloseTo(110, 9);
    expect(r.rating).toBe('on_target');
    expect(r.derivation).toMatchObject({ formula: 'kpi.nrr', rule: FORMULAS['kpi.nrr'].rule });
    expect(r.derivation.text).toBe(
      '($1,000,000 + $150,000 − $30,000 − $20,000) / $1,000,000 × 100 = 110 %; on target (target 110 %, minimum 100 %, best in class 120 %, higher is better)',
    );
  });

  it('gives survey KPIs from counts exactly what calc gives from the answers', () => {
    const counts = [1, 0, 2, 3, 4];
    const answers = [1, 3, 3, 4, 4, 4, 5, 5, 5, 5];
    expect(responsesFromCounts(counts, 1)).toEqual(answers);
    const c = csat(answers);
    expect(explainKpi('csat', counts).value).toBe(c.ok ? c.average : null);
    expect(explainKpi('csat_percent', counts).value).toBe(c.ok ? c.percent : null);
    const npsCounts = [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2];
    const p = nps([6, 7, 9, 10, 10]);
    expect(explainKpi('nps', npsCounts).value).toBe(p.ok ? p.score : null);
  });

  it('has no value, a reason and no rating when the inputs are missing or unusable, never NaN', () => {
    const missing = explainKpi('fcr', null, { missing: 'No tickets recorded for 2026-03.' });
    expect(missing).toMatchObject({ value: null, rating: null });
    expect(missing.derivation.text).toBe('No tickets recorded for 2026-03.');
    const zero = explainKpi('aht', { totalMinutes: 0, tickets: 0 });
    expect(zero.value).toBeNull();
    expect(zero.derivation.text).toMatch(/No handle times/);
    const noChurn = explainKpi('clv', {
      averageRevenue: 1000,
      grossMarginPercent: 80,
      churnRatePercent: 0,
    });
    expect(noChurn.value).toBeNull();
    expect(explainKpi('ces', [1, 2]).value).toBeNull();
    expect(explainKpi('grr', { startingArr: 0, contraction: 0, churned: 0 }).value).toBeNull();
  });

  it('rates lower-is-better KPIs the right way and leaves CLV and CAC payback unrated', () => {
    expect(explainKpi('ttr_critical', { totalHours: 30, tickets: 10 })).toMatchObject({
      value: 3,
      rating: 'acceptable',
    });
    expect(explainKpi('aht', { totalMinutes: 960, tickets: 120 }).rating).toBe('on_target');
    const cac = explainKpi('cac_payback', {
      cac: 6000,
      monthlyRevenue: 500,
      grossMarginPercent: 80,
    });
    expect(cac).toMatchObject({ value: 15, rating: null });
  });
});

describe('kpiTrend', () => {
  it('reads the trend in the KPI direction', () => {
    expect(kpiTrend('monthly_churn', 1.5, 2)).toBe('improving');
    expect(kpiTrend('nrr', 104, 110)).toBe('worsening');
    expect(kpiTrend('cac_payback', 12, 15)).toBe('improving');
    expect(kpiTrend('clv', 12, 15)).toBe('worsening');
    expect(kpiTrend('csat', 4, 4)).toBe('unchanged');
    expect(kpiTrend('csat', 4, null)).toBeNull();
  });
});
