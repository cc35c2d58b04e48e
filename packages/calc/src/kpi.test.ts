import { describe, expect, it } from 'vitest';
import * as kpi from './kpi.js';

describe('@cscx/success-calc/kpi', () => {
  it('exports the retention and service KPIs and the seeds’ thresholds under their names', () => {
    const functions = [
      'averageHandleTime',
      'cacPayback',
      'ces',
      'churnRate',
      'clv',
      'countShare',
      'csat',
      'fcr',
      'grr',
      'kpiRating',
      'nps',
      'nrr',
      'slaCompliance',
    ];
    const kinds = Object.fromEntries(Object.entries(kpi).map(([k, v]) => [k, typeof v]));
    expect(kinds).toMatchObject(Object.fromEntries(functions.map((f) => [f, 'function'])));
    expect(kpi.KPI_THRESHOLDS.nrr).toMatchObject({ target: 110, minimum: 100, bestInClass: 120 });
  });

  it('rates a computed NRR against the seed 003 thresholds (110 % is on target)', () => {
    const r = kpi.nrr({
      startingArr: 1_000_000,
      expansion: 150_000,
      contraction: 30_000,
      churned: 20_000,
    });
    expect(r).toMatchObject({ ok: true });
    expect(r.ok && r.percent).toBeCloseTo(110, 9);
    expect(r.ok && kpi.kpiRating('nrr', r.percent)).toBe('on_target');
  });
});
