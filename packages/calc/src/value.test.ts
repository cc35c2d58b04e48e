import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  goalValue,
  type LinkedMetric,
  linkedAsStated,
  measuredChange,
  timeSaved,
  type ValueDriver,
  valueDelivered,
  valueOfGoals,
} from './value.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const nonNegative = fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 1e9 });

const driverArbitrary = fc.record(
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
      projectedHours: 0,
      projectedValue: 64_800,
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
      projected: {
        timeSavedHours: 0,
        timeSavedValue: 0,
        costReduction: 0,
        revenueImpact: 0,
        totalValue: 0,
      },
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

  const driverArb = driverArbitrary;

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

// PRD-165 7.2: resolution time 24 h -> 11.5 h (target 12 h), 150 tickets a month at $50/h.
const RESOLUTION: LinkedMetric = {
  baseline: 24,
  target: 12,
  current: 11.5,
  direction: 'lower_is_better',
};
const TICKETS: ValueDriver = {
  type: 'time_saved',
  label: 'Ticket handling time saved',
  unitsPerMonth: 150,
  hourlyRate: 50,
  metric: RESOLUTION,
};

describe('measuredChange', () => {
  it('is baseline - current for lower is better: 24 h - 11.5 h = 12.5 h saved (PRD-165 7.2)', () => {
    expect(measuredChange(RESOLUTION)).toEqual({
      ok: true,
      improvement: 12.5,
      change: 12.5,
      direction: 'lower_is_better',
    });
  });

  it('is current - baseline for higher is better, inferring the direction when absent', () => {
    expect(measuredChange({ baseline: 30, target: 50, current: 48 })).toMatchObject({
      ok: true,
      change: 18,
      direction: 'higher_is_better',
    });
    expect(measuredChange({ baseline: 24, target: 12, current: 11.5 })).toMatchObject({
      change: 12.5,
      direction: 'lower_is_better',
    });
  });

  it('counts a change in the wrong direction as 0, reporting the negative improvement', () => {
    expect(measuredChange({ ...RESOLUTION, current: 30 })).toEqual({
      ok: true,
      improvement: -6,
      change: 0,
      direction: 'lower_is_better',
    });
  });

  it('has no change without a baseline or without a measurement, and says why', () => {
    expect(measuredChange({ ...RESOLUTION, baseline: null })).toMatchObject({
      ok: false,
      reason: 'no_baseline',
    });
    expect(measuredChange({ ...RESOLUTION, current: null })).toMatchObject({
      ok: false,
      reason: 'no_measurement',
    });
  });

  it('fails with invalid_number for non-finite values from untyped callers', () => {
    expect(measuredChange({ ...RESOLUTION, current: Number.NaN })).toMatchObject({
      ok: false,
      reason: 'invalid_number',
    });
    expect(measuredChange({ target: '12' } as never)).toMatchObject({
      ok: false,
      reason: 'invalid_number',
    });
  });
});

describe('goalValue: value is delivered only when measured', () => {
  it('adds nothing delivered for a goal with no measurement: its drivers are projected only', () => {
    const r = goalValue({
      measured: false,
      drivers: [
        { type: 'cost_reduction', label: 'Licences', annualAmount: 84_000, confidence: 'high' },
        { type: 'time_saved', label: 'Reporting', hoursPerMonth: 100, hourlyRate: 50 },
        { type: 'time_saved', label: 'Onboarding', hoursPerMonth: 10 },
      ],
    });
    expect(r).toMatchObject({
      ok: true,
      timeSavedHours: 0,
      timeSavedValue: 0,
      costReduction: 0,
      revenueImpact: 0,
      totalValue: 0,
      byConfidence: { high: 0, medium: 0, low: 0, unspecified: 0 },
      projected: {
        timeSavedHours: 1320,
        timeSavedValue: 60_000,
        costReduction: 84_000,
        revenueImpact: 0,
        totalValue: 144_000,
      },
    });
    if (!r.ok) return;
    for (const d of r.drivers) {
      expect(d).toMatchObject({ annualHours: 0, annualValue: 0, reason: 'goal_not_measured' });
      expect(d.message).toMatch(/^No measurement yet/);
    }
  });

  it('delivers the stated amounts of a measured goal, the same as valueDelivered', () => {
    const drivers: ValueDriver[] = [
      { type: 'time_saved', hoursPerMonth: 200 },
      { type: 'cost_reduction', annualAmount: 185_000 },
      { type: 'revenue_increase', annualAmount: 100_000 },
    ];
    const r = goalValue({ measured: true, drivers });
    expect(r).toEqual(valueDelivered(drivers));
    expect(r).toMatchObject({ totalValue: 285_000, projected: { totalValue: 285_000 } });
  });

  it('gives exactly $93,750 a month and $1,125,000 a year for the PRD-165 7.2 linked driver', () => {
    const r = goalValue({ measured: true, drivers: [TICKETS] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.totalValue).toBe(1_125_000);
    expect(r.timeSavedValue).toBe(1_125_000);
    expect(r.totalValue / 12).toBe(93_750);
    expect(r.timeSavedHours / 12).toBe(1875);
    expect(r.drivers[0]).toEqual({
      type: 'time_saved',
      label: 'Ticket handling time saved',
      annualHours: 22_500,
      annualValue: 1_125_000,
      // At target: (24 h - 12 h) x 150 x 12 = 21,600 h, at $50/h.
      projectedHours: 21_600,
      projectedValue: 1_080_000,
      measuredChange: 12.5,
    });
  });

  it('delivers 0, not negative value, when the linked metric moved the wrong way', () => {
    const r = goalValue({
      measured: true,
      drivers: [{ ...TICKETS, metric: { ...RESOLUTION, current: 30 } }],
    });
    expect(r).toMatchObject({ ok: true, timeSavedHours: 0, totalValue: 0 });
    if (!r.ok) return;
    expect(r.drivers[0]).toMatchObject({
      annualValue: 0,
      measuredChange: 0,
      reason: 'no_improvement',
      projectedValue: 1_080_000,
    });
  });

  it('delivers nothing from a linked metric without a baseline (nor projects) or a measurement', () => {
    const r = goalValue({
      measured: true,
      drivers: [
        { ...TICKETS, metric: { ...RESOLUTION, baseline: null } },
        { ...TICKETS, metric: { ...RESOLUTION, current: null } },
      ],
    });
    expect(r).toMatchObject({ ok: true, totalValue: 0, projected: { totalValue: 1_080_000 } });
    if (!r.ok) return;
    expect(r.drivers[0]).toMatchObject({
      annualValue: 0,
      projectedValue: 0,
      reason: 'no_baseline',
    });
    expect(r.drivers[1]).toMatchObject({
      annualValue: 0,
      projectedValue: 1_080_000,
      reason: 'no_measurement',
    });
    expect(r.drivers[0]?.message).toMatch(/^Baseline not set/);
  });

  it('reports hours, not money, for a linked time driver without a rate', () => {
    const r = goalValue({
      measured: true,
      drivers: [{ type: 'time_saved', unitsPerMonth: 150, metric: RESOLUTION }],
    });
    expect(r).toMatchObject({ ok: true, timeSavedHours: 22_500, totalValue: 0 });
  });

  it('takes hours per month from a linked time metric without units', () => {
    const r = goalValue({
      measured: true,
      drivers: [
        {
          type: 'time_saved',
          hourlyRate: 40,
          metric: { baseline: 200, target: 50, current: 80 },
        },
      ],
    });
    // (200 - 80) h a month x 12 x $40.
    expect(r).toMatchObject({ ok: true, timeSavedHours: 1440, totalValue: 57_600 });
  });

  it('takes the measured change as the amount of a money driver linked to a currency metric', () => {
    const r = goalValue({
      measured: true,
      drivers: [
        {
          type: 'revenue_increase',
          label: 'Upsell',
          metric: { baseline: 0, target: 50_000, current: 35_000 },
        },
        {
          type: 'cost_reduction',
          label: 'Cost per ticket',
          unitsPerMonth: 150,
          metric: { baseline: 30, target: 20, current: 22 },
        },
      ],
    });
    expect(r).toMatchObject({
      ok: true,
      revenueImpact: 35_000,
      // ($30 - $22) x 150 tickets x 12.
      costReduction: 14_400,
      totalValue: 49_400,
      projected: { revenueImpact: 50_000, costReduction: 18_000, totalValue: 68_000 },
    });
  });

  it('states a linked driver as the inputs its measured change amounts to', () => {
    expect(linkedAsStated(TICKETS, 12.5)).toEqual({
      type: 'time_saved',
      label: 'Ticket handling time saved',
      hourlyRate: 50,
      unitsPerMonth: 150,
      hoursPerUnit: 12.5,
    });
    expect(linkedAsStated({ type: 'time_saved' }, 150)).toEqual({
      type: 'time_saved',
      hoursPerMonth: 150,
    });
    expect(linkedAsStated({ type: 'cost_reduction', unitsPerMonth: 150 }, 8)).toEqual({
      type: 'cost_reduction',
      unitsPerMonth: 150,
      monthlyAmount: 1200,
    });
    expect(linkedAsStated({ type: 'revenue_increase' }, 35_000)).toEqual({
      type: 'revenue_increase',
      annualAmount: 35_000,
    });
  });

  it('rejects a linked driver that also states the amount its metric gives', () => {
    for (const field of ['annualAmount', 'monthlyAmount', 'hoursPerUnit', 'hoursPerMonth']) {
      const r = goalValue({ measured: true, drivers: [{ ...TICKETS, [field]: 1 }] });
      expect(r).toMatchObject({ ok: false, reason: 'invalid_driver', index: 0, field });
    }
  });

  it('fails with invalid_number for a linked metric with non-finite values, naming metric', () => {
    const r = goalValue({
      measured: true,
      drivers: [{ ...TICKETS, metric: { ...RESOLUTION, target: Number.NaN } }],
    });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number', field: 'metric' });
  });
});

describe('valueOfGoals', () => {
  it('keeps projected value apart: an unmeasured goal adds to projected, never to delivered', () => {
    const measured = {
      measured: true,
      drivers: [
        { type: 'time_saved', hoursPerMonth: 200 },
        { type: 'cost_reduction', annualAmount: 185_000 },
        { type: 'revenue_increase', annualAmount: 100_000 },
      ] satisfies ValueDriver[],
    };
    const before = valueOfGoals([measured]);
    const after = valueOfGoals([
      measured,
      { measured: false, drivers: [{ type: 'cost_reduction', annualAmount: 144_000 }] },
    ]);
    expect(before).toMatchObject({ ok: true, totalValue: 285_000 });
    expect(after).toMatchObject({
      ok: true,
      timeSavedHours: 2400,
      totalValue: 285_000,
      costReduction: 185_000,
      projected: { totalValue: 429_000, costReduction: 329_000, timeSavedHours: 2400 },
    });
  });

  it('names the goal and the driver of a failure', () => {
    const r = valueOfGoals([
      { measured: true, drivers: [{ type: 'cost_reduction', annualAmount: 1 }] },
      { measured: false, drivers: [{ type: 'cost_reduction', annualAmount: Number.NaN }] },
    ]);
    expect(r).toMatchObject({ ok: false, reason: 'invalid_number', goal: 1, index: 0 });
  });

  it('delivers the same with or without its unmeasured goals, for any goals', () => {
    const goalArb = fc.record({
      measured: fc.boolean(),
      drivers: fc.array(driverArbitrary, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(goalArb, { maxLength: 4 }), (goals) => {
        const r = valueOfGoals(goals);
        for (const n of numbersOf(r)) expect(Number.isFinite(n)).toBe(true);
        const only = valueOfGoals(goals.filter((g) => g.measured));
        if (r.ok && only.ok) {
          expect(r.totalValue).toBe(only.totalValue);
          expect(r.timeSavedHours).toBe(only.timeSavedHours);
          expect(r.byConfidence).toEqual(only.byConfidence);
        }
      }),
    );
  });
});
