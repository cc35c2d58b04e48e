import { type ValueDriver as CalcDriver, timeSaved, valueDelivered } from '@cscx/success-calc';
import type { Format } from '../format.js';
import type { SuccessGoal } from '../types.js';

type WireDriver = SuccessGoal['value_drivers'][number];

/** One line of a value calculation: what it is, and the formatted amount. */
export interface ValueRow {
  readonly label: string;
  readonly value: string;
}

/** A value driver's calculation, PRD-165 7.2 "Value calculation", ready to show. */
export interface DriverCalculation {
  readonly label: string;
  readonly type: WireDriver['type'];
  readonly confidence: WireDriver['confidence'];
  readonly rows: readonly ValueRow[];
  /** Why part of the driver adds no money, when it does not. */
  readonly note: string | undefined;
}

/** Every driver's calculation and the goal's total, or why the total cannot be computed. */
export interface ValueCalculation {
  readonly drivers: readonly DriverCalculation[];
  readonly total: ValueRow | undefined;
  readonly failure: string | undefined;
}

const TYPE_WORDS: Record<WireDriver['type'], string> = {
  time_saved: 'Time saved',
  cost_reduction: 'Cost reduction',
  revenue_increase: 'Revenue increase',
};

function toCalc(d: WireDriver): CalcDriver {
  return {
    type: d.type,
    label: d.label,
    annualAmount: d.annual_amount,
    monthlyAmount: d.monthly_amount,
    hoursPerUnit: d.hours_per_unit,
    unitsPerMonth: d.units_per_month,
    hoursPerMonth: d.hours_per_month,
    hourlyRate: d.hourly_rate,
    confidence: d.confidence,
  };
}

/**
 * The value calculation of a goal's drivers through calc: per unit x volume x rate with
 * `timeSaved` (PRD-165: 12.5 h x 150/month = 1,875 h, at $50/h = $93,750/month), money drivers
 * per month and per year, and the annual total with `valueDelivered` (hours without a rate add
 * no money: value is never counted twice).
 *
 * @example
 * valueCalculation(goal, createFormat('en-US', undefined)).drivers[0].rows;
 * // [{ label: 'Time saved per unit', value: '12.5 hrs' }, { label: 'Units per month', value: '150' },
 * //  { label: 'Hours saved monthly', value: '1,875 hrs' },
 * //  { label: 'Value at $50/hr', value: '$93,750/month' }, { label: 'Annual value', value: '$1,125,000' }]
 */
export function valueCalculation(goal: SuccessGoal, fmt: Format): ValueCalculation {
  const currency = goal.currency;
  const money = (v: number) => fmt.money(v, currency);
  const sum = valueDelivered(goal.value_drivers.map(toCalc));
  const drivers = goal.value_drivers.map((d, i): DriverCalculation => {
    const rows: ValueRow[] = [];
    let note: string | undefined;
    const rate = d.hourly_rate;
    // Hours per month as per unit x volume, or as given; either way through calc's timeSaved.
    const perUnit = d.hours_per_unit != null && d.units_per_month != null;
    const monthly =
      perUnit || d.hours_per_month != null
        ? timeSaved({
            hoursPerUnit: perUnit ? (d.hours_per_unit as number) : (d.hours_per_month as number),
            unitsPerMonth: perUnit ? (d.units_per_month as number) : 1,
            hourlyRate: rate ?? 0,
          })
        : undefined;
    if (perUnit) {
      rows.push({ label: 'Time saved per unit', value: fmt.hours(d.hours_per_unit) });
      rows.push({ label: 'Units per month', value: fmt.number(d.units_per_month) });
    }
    if (monthly?.ok) {
      rows.push({ label: 'Hours saved monthly', value: fmt.hours(monthly.hoursPerMonth) });
      if (rate != null) {
        rows.push({
          label: `Value at ${money(rate)}/hr`,
          value: `${money(monthly.valuePerMonth)}/month`,
        });
      } else if (d.annual_amount == null && d.monthly_amount == null) {
        note = 'No hourly rate set: the hours are reported, not counted as money.';
      }
    }
    if (d.monthly_amount != null && d.annual_amount == null) {
      rows.push({ label: 'Per month', value: money(d.monthly_amount) });
    }
    const computed = sum.ok ? sum.drivers[i] : undefined;
    const annualHours = computed?.annualHours ?? d.annual_hours;
    if (annualHours > 0)
      rows.push({ label: 'Hours saved per year', value: fmt.hours(annualHours) });
    rows.push({ label: 'Annual value', value: money(computed?.annualValue ?? d.annual_value) });
    return {
      label: d.label || TYPE_WORDS[d.type],
      type: d.type,
      confidence: d.confidence,
      rows,
      note,
    };
  });
  return sum.ok
    ? {
        drivers,
        total: { label: 'Total annual value', value: money(sum.totalValue) },
        failure: undefined,
      }
    : { drivers, total: undefined, failure: sum.message };
}
