// fast-check arbitraries of goal bodies the API accepts (SuccessGoalCreate, openapi.yaml), in
// every shape it stores: each value-driver input combination (hours per unit x units per month,
// hours per month, with or without an hourly rate, a monthly or an annual amount or both),
// confidence and label given or not, metrics with and without a baseline, direction, current
// value, data source, frequency and weight, owners with and without a title, weights,
// descriptions and dates given or defaulted, and text with spaces at its ends or beyond ASCII.
import type { SuccessClient } from '@cscx/success-sdk';
import fc from 'fast-check';

export type GoalCreateBody = Parameters<SuccessClient['createSuccessGoal']>[0]['body'];

/** Drops the keys whose value is undefined: the SDK's schemas reject an explicit undefined. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// PostgreSQL text cannot hold NUL; every other character, space at either end included, is kept.
const text = (minLength: number, maxLength: number) =>
  fc
    .oneof(
      fc.string({ minLength, maxLength }),
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
      fc.string({ minLength, maxLength }).map((s) => ` ${s} `),
    )
    .filter((s) => !s.includes('\u0000') && s.length >= minLength && s.length <= maxLength);

const value = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const nonNegative = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.double({ min: 0, max: 1e5, noNaN: true, noDefaultInfinity: true }),
);
const money = fc.oneof(
  fc.integer({ min: -1_000_000, max: 10_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
);
const weight = fc.oneof(
  fc.integer({ min: 1, max: 1000 }),
  fc.double({ min: 0.001, max: 1000, noNaN: true, noDefaultInfinity: true }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const metric = fc
  .record({
    name: text(1, 30),
    unit: fc.oneof(fc.constant(''), text(0, 10)),
    direction: maybe(fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const)),
    baseline_value: fc.option(value, { nil: null }),
    target_value: value,
    current_value: maybe(fc.option(value, { nil: null })),
    data_source: maybe(fc.option(text(0, 30), { nil: null })),
    frequency: maybe(
      fc.constantFrom(
        'daily' as const,
        'weekly' as const,
        'monthly' as const,
        'quarterly' as const,
      ),
    ),
    weight: maybe(weight),
  })
  .map((m) => {
    // A stated direction must agree with baseline versus target (422 direction_conflict).
    const b = m.baseline_value;
    const inferred =
      b === null || b === m.target_value
        ? undefined
        : m.target_value < b
          ? ('lower_is_better' as const)
          : ('higher_is_better' as const);
    return defined({ ...m, direction: m.direction && (inferred ?? m.direction) });
  });

type Amounts = {
  hours_per_unit?: number;
  units_per_month?: number;
  hours_per_month?: number;
  monthly_amount?: number;
  annual_amount?: number;
};

const amounts: fc.Arbitrary<Amounts> = fc.oneof(
  fc.record({ hours_per_unit: nonNegative, units_per_month: nonNegative }),
  fc.record({ hours_per_month: nonNegative }),
  fc.record({
    hours_per_unit: nonNegative,
    units_per_month: nonNegative,
    hours_per_month: nonNegative,
  }),
  fc.record({ monthly_amount: money }),
  fc.record({ annual_amount: money }),
  fc.record({ monthly_amount: money, annual_amount: money }),
  fc.record({ hours_per_month: nonNegative, annual_amount: money }),
);

const driver = fc
  .record({
    type: fc.constantFrom(
      'time_saved' as const,
      'cost_reduction' as const,
      'revenue_increase' as const,
    ),
    label: maybe(text(1, 30)),
    confidence: maybe(
      fc.option(fc.constantFrom('high' as const, 'medium' as const, 'low' as const), { nil: null }),
    ),
    amounts,
    hourly_rate: maybe(nonNegative),
    rate: nonNegative,
  })
  .map(({ amounts: a, rate, hourly_rate, ...d }) => {
    // Hours are money only with a rate: a cost or revenue driver of hours alone has no amount.
    const money = a.monthly_amount !== undefined || a.annual_amount !== undefined;
    const needsRate = d.type !== 'time_saved' && !money;
    return defined({ ...d, ...a, hourly_rate: needsRate ? (hourly_rate ?? rate) : hourly_rate });
  });

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Goal bodies for `customerId`, valid by construction: the API stores each one as given. */
export function goalCreateBody(customerId: string): fc.Arbitrary<GoalCreateBody> {
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return fc
    .record({
      name: text(1, 40),
      description: maybe(text(0, 80)),
      category: maybe(
        fc.constantFrom(
          'efficiency' as const,
          'revenue' as const,
          'cost' as const,
          'quality' as const,
          'adoption' as const,
          'satisfaction' as const,
          'custom' as const,
        ),
      ),
      owner: maybe(
        fc.option(
          fc.record(
            { name: text(1, 30), title: fc.option(text(0, 30), { nil: null }) },
            { requiredKeys: ['name'] },
          ),
          { nil: null },
        ),
      ),
      weight: maybe(weight),
      // Days from today: a start in the past or the future, or none (the API starts it today).
      start: maybe(fc.integer({ min: -400, max: 400 })),
      length: fc.integer({ min: 0, max: 800 }),
      metrics: fc.array(metric, { minLength: 1, maxLength: 3 }),
      value_drivers: maybe(fc.array(driver, { maxLength: 3 })),
    })
    .map(({ start, length, ...g }) => {
      const from = start === undefined ? today : today + start * DAY;
      return defined({
        customer_id: customerId,
        ...g,
        start_date: start === undefined ? undefined : isoDay(from),
        target_date: isoDay(from + length * DAY),
      }) as GoalCreateBody;
    });
}
