import { describe, expect, it } from 'vitest';
import { lostInMonth } from '../derive/kpis.js';
import { TEST_NOW } from '../testing/harness.js';
import { KPI_MONTHS, kpiHistory } from './kpis.js';
import { demoPortfolio } from './seed.js';

describe('demo KPI history', () => {
  const customers = demoPortfolio(TEST_NOW);

  it('is the same every time for the same day, and nothing is recorded after now', () => {
    const a = customers.flatMap((c) => kpiHistory(c, TEST_NOW));
    const b = demoPortfolio(TEST_NOW).flatMap((c) => kpiHistory(c, TEST_NOW));
    expect(b).toEqual(a);
    expect(a.every((o) => o.recorded_at <= TEST_NOW.getTime())).toBe(true);
  });

  it('gives every customer the 12 months before this one, ending early only where it churned', () => {
    for (const c of customers) {
      const h = kpiHistory(c, TEST_NOW);
      expect(h[0]?.period).toBe('2025-04');
      const last = h.at(-1);
      if (h.length < KPI_MONTHS) expect(last?.arr && lostInMonth(last.arr)).toBe(true);
      else expect(last?.period).toBe('2026-03');
    }
    const churned = customers.filter((c) => kpiHistory(c, TEST_NOW).length < KPI_MONTHS);
    expect(churned.length).toBeGreaterThan(0);
    expect(churned.length).toBeLessThan(customers.length / 5);
  });
});
