import {
  type ValueDriver as CalcDriver,
  type DriverValue,
  type GoalValueInput,
  goalValue,
  type LinkedMetric,
  linkedAsStated,
  timeSaved,
} from '@cscx/success-calc';
import { defineMessages } from '@cscx/success-calc/i18n';
import type { Format } from '../format.js';
import { localized } from '../localize.js';
import { fillText, progressNote } from '../states.js';
import type { SuccessGoal } from '../types.js';

type WireDriver = SuccessGoal['value_drivers'][number];

/**
 * The value calculation's texts, as STATE_TEXT holds the shared states' texts: each a whole
 * phrase with `{name}` places that fillText fills (one string to translate, its words in the
 * order a language needs).
 */
export const VALUE_MESSAGES = defineMessages('elements.value-calculation', {
  timeSaved: 'Time saved',
  costReduction: 'Cost reduction',
  revenueIncrease: 'Revenue increase',
  measuredOn: 'Measured on',
  /** A linked metric's change: `{metric}: {baseline} → {current}`. */
  measuredChange: '{metric}: {baseline} → {current}',
  timePerUnit: 'Time saved per unit',
  moneyPerUnit: 'Saved per unit',
  unitsPerMonth: 'Units per month',
  hoursMonthly: 'Hours saved monthly',
  valueAtRate: 'Value at {rate}/hr',
  perMonthAmount: '{amount}/month',
  perMonth: 'Per month',
  hoursPerYear: 'Hours saved per year',
  annualValue: 'Annual value',
  /** Hours without an hourly rate, in place of a money amount. */
  hoursNotMonetised: '{hours}, not monetised',
  noRate: 'No hourly rate set: the hours are reported, not counted as money.',
  projectedAtTarget: 'Projected at target',
  totalAnnual: 'Total annual value',
  /** The goal's value at target, under its total and never part of it. */
  totalProjected: 'Projected at target (not in the total)',
});
/** {@link VALUE_MESSAGES} in the locale of the element being rendered. */
export const VALUE_TEXT = localized(VALUE_MESSAGES);

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
  /** Why part of the driver adds no money, or why it delivers nothing yet. */
  readonly note: string | undefined;
}

/** Every driver's calculation and the goal's total, or why the total cannot be computed. */
export interface ValueCalculation {
  readonly drivers: readonly DriverCalculation[];
  readonly total: ValueRow | undefined;
  /** The goal's value at target, shown apart from the total; absent when it equals it. */
  readonly projected: ValueRow | undefined;
  readonly failure: string | undefined;
}

// Keys, not words: the words are read when shown, in the element's locale.
const TYPE_WORDS: Record<WireDriver['type'], keyof typeof VALUE_TEXT> = {
  time_saved: 'timeSaved',
  cost_reduction: 'costReduction',
  revenue_increase: 'revenueIncrease',
};

function toCalc(d: WireDriver, metric: LinkedMetric | null): CalcDriver {
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
    metric,
  };
}

/** The goal's drivers as calc takes them: linked to their metric, measured or not. */
function valueInput(goal: SuccessGoal): GoalValueInput {
  return {
    measured: goal.metrics.some((m) => m.current_value !== null),
    drivers: goal.value_drivers.map((d) => {
      const m = d.metric_id == null ? undefined : goal.metrics.find((x) => x.id === d.metric_id);
      return toCalc(
        d,
        d.metric_id == null
          ? null
          : m
            ? {
                baseline: m.baseline_value,
                target: m.target_value,
                current: m.current_value,
                direction: m.direction,
              }
            : { baseline: null, target: 0, current: null },
      );
    }),
  };
}

/**
 * The value calculation of a goal's drivers through calc's `goalValue`, which gives what is
 * delivered and what is projected at target (value is delivered only when measured): per unit
 * x volume x rate with `timeSaved` (PRD-165: 12.5 h x 150/month = 1,875 h, at $50/h =
 * $93,750/month), money drivers per month and per year, and the annual total. A driver linked
 * to a metric shows the metric's measured change as its per-unit amount. Hours without a rate
 * are shown as hours, "not monetised", never as $0 (value is never counted twice).
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
  const input = valueInput(goal);
  const sum = goalValue(input);
  // Money, or the hours when a driver has hours and no money (item: "2,400 hrs, not monetised").
  const amount = (value: number, hours: number, hoursOnly: boolean) =>
    hoursOnly && value === 0
      ? fillText(VALUE_TEXT.hoursNotMonetised, { hours: fmt.hours(hours) })
      : money(value);
  const drivers = goal.value_drivers.map((d, i): DriverCalculation => {
    const rows: ValueRow[] = [];
    let note: string | undefined;
    const calcDriver = input.drivers[i] ?? toCalc(d, null);
    const computed: DriverValue | undefined = sum.ok ? sum.drivers[i] : undefined;
    const metric = d.metric_id == null ? undefined : goal.metrics.find((m) => m.id === d.metric_id);
    const change = computed?.measuredChange;
    // A linked driver's inputs are its metric's measured change, in calc's stated shape.
    const s =
      calcDriver.metric != null && change !== undefined
        ? linkedAsStated(calcDriver, change)
        : calcDriver;
    if (metric) {
      rows.push({
        label: VALUE_TEXT.measuredOn,
        value:
          metric.baseline_value !== null && metric.current_value !== null
            ? fillText(VALUE_TEXT.measuredChange, {
                metric: metric.name,
                baseline: fmt.metric(metric.baseline_value, metric.unit),
                current: fmt.metric(metric.current_value, metric.unit),
              })
            : metric.name,
      });
    }
    const rate = s.hourlyRate ?? null;
    const hoursDriver = s.hoursPerUnit != null || s.hoursPerMonth != null;
    // Hours per month as per unit x volume, or as given; either way through calc's timeSaved.
    const perUnit = s.hoursPerUnit != null && s.unitsPerMonth != null;
    const monthly = hoursDriver
      ? timeSaved({
          hoursPerUnit: perUnit ? (s.hoursPerUnit as number) : (s.hoursPerMonth as number),
          unitsPerMonth: perUnit ? (s.unitsPerMonth as number) : 1,
          hourlyRate: rate ?? 0,
        })
      : undefined;
    if (perUnit) {
      rows.push({ label: VALUE_TEXT.timePerUnit, value: fmt.hours(s.hoursPerUnit) });
      rows.push({ label: VALUE_TEXT.unitsPerMonth, value: fmt.number(s.unitsPerMonth) });
    } else if (!hoursDriver && s.unitsPerMonth != null && change !== undefined) {
      rows.push({ label: VALUE_TEXT.moneyPerUnit, value: money(change) });
      rows.push({ label: VALUE_TEXT.unitsPerMonth, value: fmt.number(s.unitsPerMonth) });
    }
    const noMoney = s.annualAmount == null && s.monthlyAmount == null && rate === null;
    // Hours with no way to money, measured or not: shown as hours, never as $0.
    const hoursOnly =
      calcDriver.type === 'time_saved' &&
      calcDriver.hourlyRate == null &&
      calcDriver.annualAmount == null &&
      calcDriver.monthlyAmount == null;
    if (monthly?.ok) {
      rows.push({ label: VALUE_TEXT.hoursMonthly, value: fmt.hours(monthly.hoursPerMonth) });
      if (rate !== null) {
        rows.push({
          label: fillText(VALUE_TEXT.valueAtRate, { rate: money(rate) }),
          value: fillText(VALUE_TEXT.perMonthAmount, { amount: money(monthly.valuePerMonth) }),
        });
      } else if (noMoney) {
        note = VALUE_TEXT.noRate;
      }
    }
    if (s.monthlyAmount != null && s.annualAmount == null) {
      rows.push({ label: VALUE_TEXT.perMonth, value: money(s.monthlyAmount) });
    }
    const annualHours = computed?.annualHours ?? d.annual_hours;
    const annualValue = computed?.annualValue ?? d.annual_value;
    if (annualHours > 0 && !hoursOnly) {
      rows.push({ label: VALUE_TEXT.hoursPerYear, value: fmt.hours(annualHours) });
    }
    rows.push({
      label: VALUE_TEXT.annualValue,
      value: amount(annualValue, annualHours, hoursOnly),
    });
    if (computed?.message) note = computed.message;
    // At target, apart, when it says something the annual value does not.
    const projectedHours = computed?.projectedHours ?? annualHours;
    const projectedValue = computed?.projectedValue ?? annualValue;
    if (projectedValue !== annualValue || projectedHours !== annualHours) {
      rows.push({
        label: VALUE_TEXT.projectedAtTarget,
        value: amount(projectedValue, projectedHours, hoursOnly),
      });
    }
    return {
      label: d.label || VALUE_TEXT[TYPE_WORDS[d.type]],
      type: d.type,
      confidence: d.confidence,
      rows,
      note,
    };
  });
  if (!sum.ok)
    return { drivers, total: undefined, projected: undefined, failure: progressNote(sum.message) };
  const totalHoursOnly = sum.totalValue === 0 && sum.timeSavedHours > 0;
  const projectedHoursOnly = sum.projected.totalValue === 0 && sum.projected.timeSavedHours > 0;
  const differs =
    sum.projected.totalValue !== sum.totalValue ||
    sum.projected.timeSavedHours !== sum.timeSavedHours;
  return {
    drivers,
    total: {
      label: VALUE_TEXT.totalAnnual,
      value: amount(sum.totalValue, sum.timeSavedHours, totalHoursOnly),
    },
    projected: differs
      ? {
          label: VALUE_TEXT.totalProjected,
          value: amount(sum.projected.totalValue, sum.projected.timeSavedHours, projectedHoursOnly),
        }
      : undefined,
    failure: undefined,
  };
}
