import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeSaved, type ValueDriver, valueDelivered } from './value.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const nonNegative = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 });

function numbersOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(numbersOf);
}

describe('timeSaved', () => {
  it('returns 1,875 h and $93,750 a month for PRD-165: 12.5 h x 150 tickets at $50/h', () => {
    const r = timeSaved({ hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 });
    expect(r).toEqual({
      ok: true,
      hoursPerMonth: 1875,
      valuePerMonth: 93_750,
      annualHours: 22_500,
      annualValue: 1_125_000,
    });
  });

  it('returns zeros when nothing is saved', () => {
    const r = timeSaved({ hoursPerUnit: 0, unitsPerMonth: 150, hourlyRate: 50 });
    expect(r).toMatchObject({ ok: true, hoursPerMonth: 0, annualValue: 0 });
  });

  it('fails with negative_input for a negative rate, naming the field', () => {
    const r = timeSaved({ hoursPerUnit: 1, unitsPerMonth: 1, hourlyRate: -50 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('negative_input');
      expect(r.message).toContain('hourlyRate');
    }
  });

  it.each([NaN, Infinity, -Infinity])('fails with invalid_number for hoursPerUnit %s', (v) => {
    const r = timeSaved({ hoursPerUnit: v, unitsPerMonth: 1, hourlyRate: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('fails with invalid_number for missing fields and garbage input from JS', () => {
    const garbage = [
      null,
      undefined,
      {},
      { hoursPerUnit: '12.5', unitsPerMonth: 1, hourlyRate: 1 },
    ];
    for (const g of garbage) {
      expect(timeSaved(g as never)).toMatchObject({ ok: false, reason: 'invalid_number' });
    }
  });

  it('fails with invalid_number instead of returning Infinity when the product overflows', () => {
    const r = timeSaved({ hoursPerUnit: 1e200, unitsPerMonth: 1e200, hourlyRate: 1 });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  it('never throws and returns only finite numbers for any input', () => {
    fc.assert(
      fc.property(finite, finite, finite, (hoursPerUnit, unitsPerMonth, hourlyRate) => {
        const r = timeSaved({ hoursPerUnit, unitsPerMonth, hourlyRate });
        for (const n of numbersOf(r)) expect(Number.isFinite(n)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.double(),
        fc.double(),
        fc.double(),
        (hoursPerUnit, unitsPerMonth, hourlyRate) => {
          const r = timeSaved({ hoursPerUnit, unitsPerMonth, hourlyRate });
          for (const n of numbersOf(r)) expect(Number.isFinite(n)).toBe(true);
        },
      ),
    );
  });

  it('grows with the rate: a higher hourly rate never gives less annual value', () => {
    fc.assert(
      fc.property(nonNegative, nonNegative, nonNegative, nonNegative, (h, u, r1, r2) => {
        const a = timeSaved({ hoursPerUnit: h, unitsPerMonth: u, hourlyRate: Math.min(r1, r2) });
        const b = timeSaved({ hoursPerUnit: h, unitsPerMonth: u, hourlyRate: Math.max(r1, r2) });
        if (a.ok && b.ok) expect(b.annualValue).toBeGreaterThanOrEqual(a.annualValue);
      }),
    );
  });
});

describe('valueDelivered', () => {
  it('totals $275,400 for PRD-069: $165,600 high + $64,800 medium + $45,000 high', () => {
    const r = valueDelivered([
      { type: 'time_saved', label: 'Time Savings', annualAmount: 165_600, confidence: 'high' },
      {
        type: 'cost_reduction',
        label: 'Error Reduction',
        annualAmount: 64_800,
        confidence: 'medium',
      },
      {
        type: 'cost_reduction',
        label: 'Tool Consolidation',
        annualAmount: 45_000,
        confidence: 'high',
      },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.totalValue).toBe(275_400);
    expect(r.timeSavedValue).toBe(165_600);
    expect(r.costReduction).toBe(109_800);
    expect(r.revenueImpact).toBe(0);
    expect(r.timeSavedHours).toBe(0);
    expect(r.byConfidence).toEqual({ high: 210_600, medium: 64_800, low: 0, unspecified: 0 });
    expect(r.drivers[1]).toEqual({
      type: 'cost_reduction',
      label: 'Error Reduction',
      annualHours: 0,
      annualValue: 64_800,
      confidence: 'medium',
    });
  });

  it('shows 2,400 hours but counts no money for them in the PRD-165 mock-up: total $285K', () => {
    const r = valueDelivered([
      { type: 'time_saved', label: 'Time saved', hoursPerMonth: 200 },
      { type: 'cost_reduction', label: 'Cost', annualAmount: 185_000 },
      { type: 'revenue_increase', label: 'Upsell', annualAmount: 100_000 },
    ]);
    expect(r).toMatchObject({
      ok: true,
      timeSavedHours: 2400,
      timeSavedValue: 0,
      costReduction: 185_000,
      revenueImpact: 100_000,
      totalValue: 285_000,
      byConfidence: { high: 0, medium: 0, low: 0, unspecified: 285_000 },
    });
  });

  it('values hours at the hourly rate: PRD-165 12.5 h x 150 at $50/h is $1,125,000 a year', () => {
    const r = valueDelivered([
      { type: 'time_saved', hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 },
    ]);
    expect(r).toMatchObject({ ok: true, timeSavedHours: 22_500, timeSavedValue: 1_125_000 });
  });

  it('values PRD-069 error correction (90 h/month at $60/h) as a $64,800 cost reduction', () => {
    const r = valueDelivered([
      { type: 'cost_reduction', hoursPerMonth: 90, hourlyRate: 60, confidence: 'medium' },
    ]);
    expect(r).toMatchObject({
      ok: true,
      timeSavedHours: 1080,
      costReduction: 64_800,
      totalValue: 64_800,
      byConfidence: { medium: 64_800 },
    });
  });

  it('counts a time_saved amount as money directly, never adding hours x rate on top', () => {
    const r = valueDelivered([
      { type: 'time_saved', annualAmount: 100, hoursPerMonth: 10, hourlyRate: 1000 },
    ]);
    expect(r).toMatchObject({
      ok: true,
      timeSavedHours: 120,
      timeSavedValue: 100,
      totalValue: 100,
    });
  });

  it('annualises a monthly amount (x 12) and prefers annualAmount when both are given', () => {
    const monthly = valueDelivered([{ type: 'revenue_increase', monthlyAmount: 1000 }]);
    expect(monthly).toMatchObject({ ok: true, revenueImpact: 12_000 });
    const both = valueDelivered([
      { type: 'revenue_increase', annualAmount: 5, monthlyAmount: 1000 },
    ]);
    expect(both).toMatchObject({ ok: true, revenueImpact: 5 });
  });

  it('returns zeros for an empty list', () => {
    expect(valueDelivered([])).toEqual({
      ok: true,
      timeSavedHours: 0,
      timeSavedValue: 0,
      costReduction: 0,
      revenueImpact: 0,
      totalValue: 0,
      byConfidence: { high: 0, medium: 0, low: 0, unspecified: 0 },
      drivers: [],
    });
  });

  it('allows a negative amount: a cost increase lowers the total', () => {
    const r = valueDelivered([
      { type: 'cost_reduction', annualAmount: -10_000, confidence: 'low' },
      { type: 'revenue_increase', annualAmount: 50_000 },
    ]);
    expect(r).toMatchObject({ ok: true, totalValue: 40_000, byConfidence: { low: -10_000 } });
  });

  it('fails with negative_input for negative hours, naming the driver and the field', () => {
    const r = valueDelivered([
      { type: 'cost_reduction', annualAmount: 1 },
      { type: 'time_saved', label: 'Tickets', hoursPerMonth: -5 },
    ]);
    expect(r).toMatchObject({
      ok: false,
      reason: 'negative_input',
      index: 1,
      field: 'hoursPerMonth',
    });
    if (!r.ok)
      expect(r.message).toBe(
        'Value driver 2 ("Tickets"): hoursPerMonth must be 0 or more, not -5.',
      );
  });

  it('fails with invalid_number for a non-finite amount, naming the driver by index and label', () => {
    const r = valueDelivered([{ type: 'revenue_increase', label: 'Upsell', monthlyAmount: NaN }]);
    expect(r).toMatchObject({
      ok: false,
      reason: 'invalid_number',
      index: 0,
      field: 'monthlyAmount',
    });
    if (!r.ok) expect(r.message).toContain('Value driver 1 ("Upsell")');
  });

  it('fails with invalid_number for a numeric string from untyped callers', () => {
    const r = valueDelivered([{ type: 'revenue_increase', annualAmount: '100' } as never]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number', field: 'annualAmount' });
  });

  it('fails with invalid_driver for an unknown type or confidence', () => {
    expect(valueDelivered([{ type: 'happiness', annualAmount: 1 } as never])).toMatchObject({
      ok: false,
      reason: 'invalid_driver',
      field: 'type',
    });
    expect(
      valueDelivered([{ type: 'time_saved', annualAmount: 1, confidence: 'certain' } as never]),
    ).toMatchObject({ ok: false, reason: 'invalid_driver', field: 'confidence' });
  });

  it('fails with invalid_driver when a driver has no usable amount', () => {
    const cases: ValueDriver[] = [
      { type: 'cost_reduction' },
      { type: 'time_saved' },
      { type: 'time_saved', hoursPerUnit: 2, hourlyRate: 50 },
      { type: 'revenue_increase', hoursPerMonth: 10 },
    ];
    for (const d of cases) {
      expect(valueDelivered([d])).toMatchObject({ ok: false, reason: 'invalid_driver', index: 0 });
    }
  });

  it('treats null fields as not given', () => {
    const r = valueDelivered([
      { type: 'cost_reduction', annualAmount: null, monthlyAmount: 10, hourlyRate: null },
    ]);
    expect(r).toMatchObject({ ok: true, costReduction: 120 });
  });

  it('fails with invalid_driver for a non-list or a non-object driver', () => {
    expect(valueDelivered(null as never)).toMatchObject({ ok: false, reason: 'invalid_driver' });
    expect(valueDelivered([null] as never)).toMatchObject({
      ok: false,
      reason: 'invalid_driver',
      index: 0,
    });
  });

  it('fails with invalid_number instead of returning Infinity when totals overflow', () => {
    const r = valueDelivered([
      { type: 'cost_reduction', annualAmount: 1.7e308 },
      { type: 'cost_reduction', annualAmount: 1.7e308 },
    ]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number' });
  });

  const driverArb = fc.record(
    {
      type: fc.constantFrom('time_saved', 'cost_reduction', 'revenue_increase'),
      annualAmount: finite,
      monthlyAmount: finite,
      hoursPerUnit: nonNegative,
      unitsPerMonth: nonNegative,
      hoursPerMonth: nonNegative,
      hourlyRate: nonNegative,
      confidence: fc.constantFrom('high', 'medium', 'low'),
    },
    { requiredKeys: ['type'] },
  ) as fc.Arbitrary<ValueDriver>;

  it('never throws and returns only finite numbers for any drivers', () => {
    fc.assert(
      fc.property(fc.array(driverArb, { maxLength: 8 }), (drivers) => {
        const r = valueDelivered(drivers);
        for (const n of numbersOf(r)) expect(Number.isFinite(n)).toBe(true);
      }),
    );
    const raw = fc.record(
      {
        type: fc.constantFrom('time_saved', 'cost_reduction', 'revenue_increase'),
        annualAmount: fc.double(),
        hoursPerMonth: fc.double(),
        hourlyRate: fc.double(),
      },
      { requiredKeys: ['type'] },
    ) as fc.Arbitrary<ValueDriver>;
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 8 }), (drivers) => {
        const r = valueDelivered(drivers);
        for (const n of numbersOf(r)) expect(Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it('keeps totalValue the sum of its parts and of byConfidence', () => {
    fc.assert(
      fc.property(fc.array(driverArb, { maxLength: 8 }), (drivers) => {
        const r = valueDelivered(drivers);
        if (!r.ok) return;
        // Rounding scales with the sizes of the amounts added, not with their sum: +1e9 and -1e9
        // cancel to a total near 0 whose last bits depend on the order of the additions. The
        // same drivers with every number made positive give that size.
        const positive = drivers.map(
          (d) =>
            Object.fromEntries(
              Object.entries(d).map(([k, v]) => [k, typeof v === 'number' ? Math.abs(v) : v]),
            ) as typeof d,
        );
        const size = valueDelivered(positive);
        const tol = 1e-9 * (1 + Math.abs(r.totalValue) + (size.ok ? size.totalValue : 0));
        const parts = r.timeSavedValue + r.costReduction + r.revenueImpact;
        const { high, medium, low, unspecified } = r.byConfidence;
        expect(Math.abs(parts - r.totalValue)).toBeLessThanOrEqual(tol);
        const byConf = high + medium + low + unspecified;
        expect(Math.abs(byConf - r.totalValue)).toBeLessThanOrEqual(
          tol + 1e-9 * (Math.abs(high) + Math.abs(medium) + Math.abs(low) + Math.abs(unspecified)),
        );
      }),
    );
  });

  it('never lowers the total when a driver with a positive amount is added', () => {
    fc.assert(
      fc.property(fc.array(driverArb, { maxLength: 6 }), nonNegative, (drivers, amount) => {
        const a = valueDelivered(drivers);
        const b = valueDelivered([...drivers, { type: 'revenue_increase', annualAmount: amount }]);
        if (a.ok && b.ok)
          expect(b.totalValue).toBeGreaterThanOrEqual(a.totalValue - 1e-6 * Math.abs(a.totalValue));
      }),
    );
  });
});
