import { type CalcFailure, checkNumber, fail, isFiniteNumber, tooLarge } from './result.js';

/** Inputs of {@link timeSaved}: PRD-165 section 7.2 "Value calculation". */
export interface TimeSavedInput {
  /** Hours saved per unit of work (per ticket, per report...), >= 0. */
  readonly hoursPerUnit: number;
  /** Units of work per month, >= 0. */
  readonly unitsPerMonth: number;
  /** Money per hour in the customer's currency, >= 0. */
  readonly hourlyRate: number;
}

/** Time saved and its money value, per month and per year (12 months). */
export interface TimeSavedSuccess {
  readonly ok: true;
  readonly hoursPerMonth: number;
  readonly valuePerMonth: number;
  readonly annualHours: number;
  readonly annualValue: number;
}

/** Why {@link timeSaved} cannot compute. */
export type TimeSavedFailureReason = 'invalid_number' | 'negative_input';

/** Result of {@link timeSaved}. */
export type TimeSavedResult = TimeSavedSuccess | CalcFailure<TimeSavedFailureReason>;

const CONFIDENCES: readonly unknown[] = ['high', 'medium', 'low'];
const TIME_FIELDS = ['hoursPerUnit', 'unitsPerMonth', 'hourlyRate'] as const;

/**
 * Hours saved and their value.
 *
 * hoursPerMonth = hoursPerUnit x unitsPerMonth; valuePerMonth = hoursPerMonth x hourlyRate;
 * annual figures are x 12 (DESIGN.md "Formulas: Value", PRD-165 section 7.2).
 *
 * @example
 * timeSaved({ hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 });
 * // { ok: true, hoursPerMonth: 1875, valuePerMonth: 93750, annualHours: 22500, annualValue: 1125000 }
 */
export function timeSaved(input: TimeSavedInput): TimeSavedResult {
  const i: Partial<Record<keyof TimeSavedInput, unknown>> = input ?? {};
  for (const f of TIME_FIELDS) {
    const bad = checkNumber(i[f], f, true);
    if (bad) return bad;
  }
  const hoursPerMonth = input.hoursPerUnit * input.unitsPerMonth;
  const valuePerMonth = hoursPerMonth * input.hourlyRate;
  const annualHours = hoursPerMonth * 12;
  const annualValue = valuePerMonth * 12;
  return isFiniteNumber(annualHours) && isFiniteNumber(annualValue)
    ? { ok: true, hoursPerMonth, valuePerMonth, annualHours, annualValue }
    : tooLarge('invalid_number');
}

/** Kind of value a driver delivers (DESIGN.md "Domain model: ValueDriver", PRD-165 6.1). */
export type ValueDriverType = 'time_saved' | 'cost_reduction' | 'revenue_increase';

/** How sure the CSM is of a driver's value (PRD-069 "Value Summary"). */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * One source of value. Money comes from `annualAmount`, else `monthlyAmount` x 12, else hours x
 * `hourlyRate`. Hours come from `hoursPerUnit` x `unitsPerMonth` (else `hoursPerMonth`), x 12.
 * `null` or absent means "not given". Amounts may be negative (a cost increase is a negative
 * cost reduction); hours, units and rates may not.
 */
export interface ValueDriver {
  readonly type: ValueDriverType;
  readonly label?: string | undefined;
  readonly annualAmount?: number | null | undefined;
  readonly monthlyAmount?: number | null | undefined;
  readonly hoursPerUnit?: number | null | undefined;
  readonly unitsPerMonth?: number | null | undefined;
  readonly hoursPerMonth?: number | null | undefined;
  readonly hourlyRate?: number | null | undefined;
  readonly confidence?: Confidence | null | undefined;
}

/** One driver's annual contribution, in the order the drivers were given. */
export interface DriverValue {
  readonly type: ValueDriverType;
  readonly label?: string;
  /** Hours saved per year (0 when the driver has no hours). */
  readonly annualHours: number;
  /** Money per year (0 for hours without a rate or amount: they add no money). */
  readonly annualValue: number;
  readonly confidence?: Confidence;
}

/** Annual money by driver confidence; drivers without one are `unspecified`. */
export interface ValueByConfidence {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly unspecified: number;
}

/** Value delivered, all annual (PRD-165 6.1 `value_delivered`). */
export interface ValueDeliveredSuccess {
  readonly ok: true;
  /** Hours saved per year, over every driver that gives hours. */
  readonly timeSavedHours: number;
  /** Money of `time_saved` drivers. */
  readonly timeSavedValue: number;
  /** Money of `cost_reduction` drivers. */
  readonly costReduction: number;
  /** Money of `revenue_increase` drivers. */
  readonly revenueImpact: number;
  /** timeSavedValue + costReduction + revenueImpact. */
  readonly totalValue: number;
  readonly byConfidence: ValueByConfidence;
  readonly drivers: readonly DriverValue[];
}

/** Why {@link valueDelivered} cannot compute. */
export type ValueDeliveredFailureReason = 'invalid_number' | 'invalid_driver' | 'negative_input';

/** A failure of {@link valueDelivered}; names the driver (0-based `index`) and `field` at fault. */
export interface ValueDeliveredFailure extends CalcFailure<ValueDeliveredFailureReason> {
  readonly index?: number;
  readonly field?: string;
}

/** Result of {@link valueDelivered}. */
export type ValueDeliveredResult = ValueDeliveredSuccess | ValueDeliveredFailure;

// Order matters: fields from index 2 on must be >= 0.
const DRIVER_FIELDS = [
  'annualAmount',
  'monthlyAmount',
  'hoursPerUnit',
  'unitsPerMonth',
  'hoursPerMonth',
  'hourlyRate',
] as const;

/** A driver's failure: `f`'s message prefixed with the driver's number and label. */
function driverFail(
  f: CalcFailure<ValueDeliveredFailureReason>,
  index: number,
  label: unknown,
  field: string,
): ValueDeliveredFailure {
  const name = typeof label === 'string' ? ` ("${label}")` : '';
  return {
    ok: false,
    reason: f.reason,
    message: `Value driver ${index + 1}${name}: ${f.message}`,
    index,
    field,
  };
}

/**
 * Annual value delivered by a customer's value drivers, by kind and by confidence.
 *
 * Per driver: money = annualAmount, else monthlyAmount x 12, else hours x hourlyRate; hours =
 * hoursPerUnit x unitsPerMonth x 12, else hoursPerMonth x 12. A `time_saved` driver with hours
 * but no rate and no amount reports hours and adds no money, so value is never counted twice
 * (DESIGN.md "Formulas: Value"; PRD-165 section 7.1: 2,400 h shown, $185K + $100K = $285K).
 * totalValue = timeSavedValue + costReduction + revenueImpact. An empty list gives zeros.
 *
 * @example
 * const r = valueDelivered([
 *   { type: 'time_saved', label: 'Time Savings', annualAmount: 165_600, confidence: 'high' },
 *   { type: 'cost_reduction', label: 'Error Reduction', annualAmount: 64_800, confidence: 'medium' },
 *   { type: 'cost_reduction', label: 'Tool Consolidation', annualAmount: 45_000, confidence: 'high' },
 * ]);
 * // r.ok && r.totalValue === 275_400 (PRD-069 "Value Summary"); r.byConfidence.high === 210_600
 */
export function valueDelivered(drivers: readonly ValueDriver[]): ValueDeliveredResult {
  if (!Array.isArray(drivers)) return fail('invalid_driver', 'Value drivers must be a list.');
  let timeSavedHours = 0;
  const byType = { time_saved: 0, cost_reduction: 0, revenue_increase: 0 };
  const byConfidence = { high: 0, medium: 0, low: 0, unspecified: 0 };
  const rows: DriverValue[] = [];
  for (let i = 0; i < drivers.length; i++) {
    const d: ValueDriver | undefined = drivers[i];
    if (d === null || typeof d !== 'object') {
      return driverFail(fail('invalid_driver', 'not a driver object.'), i, null, 'type');
    }
    const { type, label, confidence } = d;
    if (!Object.hasOwn(byType, type)) {
      return driverFail(
        fail('invalid_driver', 'type must be time_saved, cost_reduction or revenue_increase.'),
        i,
        label,
        'type',
      );
    }
    if (confidence != null && !CONFIDENCES.includes(confidence)) {
      return driverFail(
        fail('invalid_driver', 'confidence must be high, medium or low.'),
        i,
        label,
        'confidence',
      );
    }
    let f = 0;
    for (const field of DRIVER_FIELDS) {
      const v: unknown = d[field];
      // Money (the first two fields) may be negative; hours, units and rates may not.
      const bad = v == null ? undefined : checkNumber(v, field, f > 1);
      f++;
      if (bad) return driverFail(bad, i, label, field);
    }
    const { hoursPerUnit, unitsPerMonth, hoursPerMonth, hourlyRate, monthlyAmount } = d;
    let hours: number | null = null;
    if (hoursPerUnit != null && unitsPerMonth != null) hours = hoursPerUnit * unitsPerMonth * 12;
    else if (hoursPerMonth != null) hours = hoursPerMonth * 12;
    let money = d.annualAmount ?? (monthlyAmount != null ? monthlyAmount * 12 : null);
    if (money === null && hours !== null && hourlyRate != null) money = hours * hourlyRate;
    if (money === null && (hours === null || type !== 'time_saved')) {
      return driverFail(
        fail(
          'invalid_driver',
          'no amount: give annualAmount, monthlyAmount or hours with an hourlyRate.',
        ),
        i,
        label,
        'annualAmount',
      );
    }
    const annualHours = hours ?? 0;
    const annualValue = money ?? 0;
    if (!isFiniteNumber(annualHours) || !isFiniteNumber(annualValue)) {
      return driverFail(tooLarge('invalid_number'), i, label, 'annualAmount');
    }
    timeSavedHours += annualHours;
    byType[type] += annualValue;
    byConfidence[confidence ?? 'unspecified'] += annualValue;
    const row: { -readonly [K in keyof DriverValue]: DriverValue[K] } = {
      type,
      annualHours,
      annualValue,
    };
    if (typeof label === 'string') row.label = label;
    if (confidence != null) row.confidence = confidence;
    rows.push(row);
  }
  const {
    time_saved: timeSavedValue,
    cost_reduction: costReduction,
    revenue_increase: revenueImpact,
  } = byType;
  const totalValue = timeSavedValue + costReduction + revenueImpact;
  const { high, medium, low, unspecified } = byConfidence;
  // Any part overflowing makes the total or a confidence sum non-finite.
  return [timeSavedHours, totalValue, high, medium, low, unspecified].every(isFiniteNumber)
    ? {
        ok: true,
        timeSavedHours,
        timeSavedValue,
        costReduction,
        revenueImpact,
        totalValue,
        byConfidence,
        drivers: rows,
      }
    : tooLarge('invalid_number');
}
