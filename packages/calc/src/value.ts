import { type Direction, inferDirection } from './progress.js';
import { type CalcFailure, checkNumber, fail, H, isFiniteNumber, L, tooLarge } from './result.js';

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
 * The goal metric a value driver is linked to, as of the end of the reporting window: the
 * driver's per-unit amount is this metric's measured change (PRD-165 7.2: resolution time 24 h
 * -> 11.5 h saves 12.5 h per ticket).
 *
 * @example
 * const m: LinkedMetric = { baseline: 24, target: 12, current: 11.5, direction: 'lower_is_better' };
 */
export interface LinkedMetric {
  /** The value before the programme. `null` or absent: not set, so no change can be measured. */
  readonly baseline?: number | null | undefined;
  readonly target: number;
  /** The latest measurement as of the window's end. `null` or absent: none yet. */
  readonly current?: number | null | undefined;
  /** Inferred from baseline vs target when absent (higher is better when they are equal). */
  readonly direction?: Direction | null | undefined;
}

/** Why {@link measuredChange} has no change to give. */
export type MeasuredChangeFailureReason = 'invalid_number' | 'no_baseline' | 'no_measurement';

/** A metric's change from its baseline, counted in its direction of improvement. */
export interface MeasuredChangeSuccess {
  readonly ok: true;
  /**
   * current - baseline, or baseline - current when lower is better, in the metric's unit:
   * positive when the metric improved, negative when it moved away from its target.
   */
  readonly improvement: number;
  /** `improvement` floored at 0: what a linked driver counts (a worsening delivers 0). */
  readonly change: number;
  readonly direction: Direction;
}

/** Result of {@link measuredChange}. */
export type MeasuredChangeResult = MeasuredChangeSuccess | CalcFailure<MeasuredChangeFailureReason>;

/**
 * A metric's measured change: how far it moved from its baseline toward its target (DESIGN.md
 * "Formulas: Value is delivered only when measured"). Lower is better: baseline - current;
 * higher is better: current - baseline. A change in the wrong direction is reported as a
 * negative `improvement` and a `change` of 0: a driver never delivers negative value because a
 * metric got worse (that is a missed goal, shown by its status, not a cost the kit invents).
 * Pass `current: target` for the change at target, which `projected` values use.
 *
 * @example
 * measuredChange({ baseline: 24, target: 12, current: 11.5 });
 * // { ok: true, improvement: 12.5, change: 12.5, direction: 'lower_is_better' } (PRD-165 7.2)
 * measuredChange({ baseline: 24, target: 12, current: 30 }); // improvement -6, change 0
 * measuredChange({ baseline: null, target: 12, current: 11.5 }).ok; // false, 'no_baseline'
 */
export function measuredChange(metric: LinkedMetric): MeasuredChangeResult {
  const m: Partial<Record<keyof LinkedMetric, unknown>> = metric ?? {};
  const bad =
    checkNumber(m.target, 'Target') ??
    (m.baseline == null ? undefined : checkNumber(m.baseline, 'Baseline')) ??
    (m.current == null ? undefined : checkNumber(m.current, 'Current value'));
  if (bad) return bad;
  const target = m.target as number;
  const baseline = m.baseline as number | null | undefined;
  const current = m.current as number | null | undefined;
  if (baseline == null) {
    return fail('no_baseline', 'Baseline not set. Cannot measure the change the value comes from.');
  }
  if (current == null) {
    return fail(
      'no_measurement',
      'No measurement yet. The value counts once the metric is measured.',
    );
  }
  const direction: Direction =
    m.direction === H || m.direction === L ? m.direction : (inferDirection(baseline, target) ?? H);
  const improvement = direction === L ? baseline - current : current - baseline;
  return isFiniteNumber(improvement)
    ? { ok: true, improvement, change: Math.max(0, improvement), direction }
    : tooLarge('invalid_number');
}

/**
 * One source of value. Money comes from `annualAmount`, else `monthlyAmount` x 12, else hours x
 * `hourlyRate`. Hours come from `hoursPerUnit` x `unitsPerMonth` (else `hoursPerMonth`), x 12.
 * `null` or absent means "not given". Amounts may be negative (a cost increase is a negative
 * cost reduction); hours, units and rates may not.
 *
 * A driver with a `metric` is linked to it: its per-unit amount is the metric's measured change
 * (see {@link measuredChange}), so it must not state one (no `annualAmount`, `monthlyAmount`,
 * `hoursPerUnit`, `hoursPerMonth`). The change counts as:
 * - hours, for a `time_saved` driver or any driver with an `hourlyRate`: hours per unit x
 *   `unitsPerMonth` when that is given (PRD-165 7.2: 12.5 h x 150 tickets), else hours per
 *   month; with an `hourlyRate` they become money, without one they are reported as hours only;
 * - money, for a `cost_reduction` or `revenue_increase` driver without an `hourlyRate` (a metric
 *   in currency, such as upsell revenue or tooling spend): money per unit x `unitsPerMonth` x 12
 *   when that is given (cost per ticket x tickets), else the change itself is the annual amount.
 *
 * @example
 * const linked: ValueDriver = {
 *   type: 'time_saved', unitsPerMonth: 150, hourlyRate: 50,
 *   metric: { baseline: 24, target: 12, current: 11.5 },
 * }; // 12.5 h x 150 x $50 = $93,750 a month
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
  /** The goal metric whose measured change is the per-unit amount. `null`/absent: not linked. */
  readonly metric?: LinkedMetric | null | undefined;
}

/**
 * Why a driver delivers no value (its `annualValue` and `annualHours` are 0):
 * - `goal_not_measured`: no metric of its goal has a measurement yet;
 * - `no_baseline`: its linked metric has no baseline (no projected value either);
 * - `no_measurement`: its linked metric has no measurement yet;
 * - `no_improvement`: its linked metric has not moved toward its target (or moved away).
 *
 * @example
 * const r = goalValue({ measured: false, drivers: [{ type: 'cost_reduction', annualAmount: 1 }] });
 * if (r.ok) r.drivers[0]?.reason; // 'goal_not_measured'
 */
export type DriverValueReason =
  | 'goal_not_measured'
  | 'no_baseline'
  | 'no_measurement'
  | 'no_improvement';

/** One driver's annual contribution, in the order the drivers were given. */
export interface DriverValue {
  readonly type: ValueDriverType;
  readonly label?: string;
  /** Hours saved per year, delivered (0 when the driver has no hours or delivers nothing). */
  readonly annualHours: number;
  /** Money per year, delivered (0 for hours without a rate or amount: they add no money). */
  readonly annualValue: number;
  /** Hours per year at target: linked, at target - baseline; unlinked, as stated. */
  readonly projectedHours: number;
  /** Money per year at target: linked, at target - baseline; unlinked, as stated. */
  readonly projectedValue: number;
  readonly confidence?: Confidence;
  /** A linked driver's per-unit amount: its metric's measured change (>= 0), when measured. */
  readonly measuredChange?: number;
  /** Why the driver delivers nothing, when it does not. */
  readonly reason?: DriverValueReason;
  /** The reason in words. */
  readonly message?: string;
}

/** Annual money by driver confidence; drivers without one are `unspecified`. */
export interface ValueByConfidence {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly unspecified: number;
}

/**
 * Value at target, annual (`projected_value` on the wire): linked drivers at their metric's
 * target - baseline, unlinked drivers at their stated amounts, whether their goal is measured
 * yet or not. Never part of the delivered value or the ROI (DESIGN.md "Formulas").
 */
export interface ProjectedValue {
  readonly timeSavedHours: number;
  readonly timeSavedValue: number;
  readonly costReduction: number;
  readonly revenueImpact: number;
  /** timeSavedValue + costReduction + revenueImpact. */
  readonly totalValue: number;
}

/** Value delivered, all annual (PRD-165 6.1 `value_delivered`), and the value at target apart. */
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
  /** timeSavedValue + costReduction + revenueImpact: the input of ROI. */
  readonly totalValue: number;
  readonly byConfidence: ValueByConfidence;
  /** Value at target, reported apart: never in `totalValue`. */
  readonly projected: ProjectedValue;
  readonly drivers: readonly DriverValue[];
}

/** Why {@link valueDelivered} cannot compute. */
export type ValueDeliveredFailureReason = 'invalid_number' | 'invalid_driver' | 'negative_input';

/**
 * A failure of {@link valueDelivered}; names the driver (0-based `index`) and `field` at fault,
 * and for {@link valueOfGoals} the goal (0-based `goal`).
 */
export interface ValueDeliveredFailure extends CalcFailure<ValueDeliveredFailureReason> {
  readonly index?: number;
  readonly field?: string;
  readonly goal?: number;
}

/** Result of {@link valueDelivered}. */
export type ValueDeliveredResult = ValueDeliveredSuccess | ValueDeliveredFailure;

/**
 * One goal's drivers and whether the goal is measured: whether any of its metrics has a
 * measurement as of the window's end. An unmeasured goal delivers nothing.
 *
 * @example
 * const g: GoalValueInput = { measured: false, drivers: [{ type: 'cost_reduction', annualAmount: 144_000 }] };
 */
export interface GoalValueInput {
  readonly measured: boolean;
  readonly drivers: readonly ValueDriver[];
}

// Order matters: fields from index 2 on must be >= 0.
const DRIVER_FIELDS = [
  'annualAmount',
  'monthlyAmount',
  'hoursPerUnit',
  'unitsPerMonth',
  'hoursPerMonth',
  'hourlyRate',
] as const;

/** What a linked driver takes from its metric, so it must not state it. */
const LINKED_FIELDS = ['annualAmount', 'monthlyAmount', 'hoursPerUnit', 'hoursPerMonth'] as const;

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

/** Annual hours and money of one driver. */
interface Amounts {
  readonly hours: number;
  readonly money: number;
}

const NONE: Amounts = { hours: 0, money: 0 };

/** A driver's annual hours and money from its stated inputs, or why it has none. */
function statedAmounts(d: ValueDriver, i: number): Amounts | ValueDeliveredFailure {
  const { type, label } = d;
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
  const a = { hours: hours ?? 0, money: money ?? 0 };
  return isFiniteNumber(a.hours) && isFiniteNumber(a.money)
    ? a
    : driverFail(tooLarge('invalid_number'), i, label, 'annualAmount');
}

/**
 * The driver with stated amounts that a linked driver amounts to at a measured change of
 * `change` (>= 0), by the rule of {@link ValueDriver}: hours per unit (with `unitsPerMonth`) or
 * per month for a time driver or one with an `hourlyRate`; else money per unit x
 * `unitsPerMonth` a month, or the annual amount. What a view shows as the driver's inputs.
 *
 * @example
 * linkedAsStated({ type: 'time_saved', unitsPerMonth: 150, hourlyRate: 50 }, 12.5);
 * // { type: 'time_saved', hourlyRate: 50, unitsPerMonth: 150, hoursPerUnit: 12.5 }
 * linkedAsStated({ type: 'revenue_increase' }, 35_000); // { type: 'revenue_increase', annualAmount: 35000 }
 */
export function linkedAsStated(driver: ValueDriver, change: number): ValueDriver {
  const { type, label, confidence, unitsPerMonth: units, hourlyRate } = driver;
  const out: { -readonly [K in keyof ValueDriver]: ValueDriver[K] } = { type };
  if (label !== undefined) out.label = label;
  if (confidence != null) out.confidence = confidence;
  if (type === 'time_saved' || hourlyRate != null) {
    // The metric counts hours: the driver saves time or prices hours.
    if (hourlyRate != null) out.hourlyRate = hourlyRate;
    if (units != null) {
      out.unitsPerMonth = units;
      out.hoursPerUnit = change;
    } else out.hoursPerMonth = change;
  } else if (units != null) {
    out.unitsPerMonth = units;
    out.monthlyAmount = isFiniteNumber(units) ? change * units : 0;
  } else out.annualAmount = change;
  return out;
}

/** A linked driver's annual hours and money for a measured change of `change` (>= 0). */
function linkedAmounts(d: ValueDriver, change: number, i: number): Amounts | ValueDeliveredFailure {
  return statedAmounts(linkedAsStated(d, change), i);
}

/** Whether `x` is a failure rather than amounts. */
function failed(x: Amounts | ValueDeliveredFailure): x is ValueDeliveredFailure {
  return 'ok' in x;
}

/** One driver's value: delivered (gated by `measured` and its metric) and at target. */
function driverValue(
  d: ValueDriver | undefined,
  i: number,
  measured: boolean,
): DriverValue | ValueDeliveredFailure {
  if (d === null || typeof d !== 'object') {
    return driverFail(fail('invalid_driver', 'not a driver object.'), i, null, 'type');
  }
  const { type, label, confidence, metric } = d;
  if (type !== 'time_saved' && type !== 'cost_reduction' && type !== 'revenue_increase') {
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
  let delivered: Amounts;
  let projected: Amounts;
  let change: number | undefined;
  let why: CalcFailure<DriverValueReason> | undefined;
  if (metric == null) {
    const stated = statedAmounts(d, i);
    if (failed(stated)) return stated;
    projected = stated;
    delivered = measured ? stated : NONE;
  } else {
    if (typeof metric !== 'object') {
      return driverFail(
        fail('invalid_driver', 'metric must be a metric object.'),
        i,
        label,
        'metric',
      );
    }
    for (const field of LINKED_FIELDS) {
      if (d[field] != null) {
        return driverFail(
          fail('invalid_driver', `linked to a metric, which gives its amount: leave ${field} out.`),
          i,
          label,
          field,
        );
      }
    }
    const now = measuredChange(metric);
    const atTarget = measuredChange({ ...metric, current: metric.target });
    for (const r of [now, atTarget]) {
      if (!r.ok && r.reason === 'invalid_number') {
        return driverFail(fail(r.reason, r.message), i, label, 'metric');
      }
    }
    // Checks the driver's own inputs (units, rate) even when the metric gives no change yet.
    const projectedAmounts = linkedAmounts(d, atTarget.ok ? atTarget.change : 0, i);
    if (failed(projectedAmounts)) return projectedAmounts;
    projected = atTarget.ok ? projectedAmounts : NONE;
    delivered = NONE;
    if (!now.ok) {
      if (now.reason !== 'invalid_number') why = fail(now.reason, now.message);
    } else if (measured) {
      const amounts = linkedAmounts(d, now.change, i);
      if (failed(amounts)) return amounts;
      delivered = amounts;
      change = now.change;
      if (now.improvement <= 0) {
        why = fail(
          'no_improvement',
          'No improvement on the baseline yet: a change away from the target counts as 0, not as negative value.',
        );
      }
    }
  }
  // A missing baseline blocks the projection too, so it is the reason worth naming first.
  if (!measured && why?.reason !== 'no_baseline') {
    why = fail(
      'goal_not_measured',
      'No measurement yet. Value counts as delivered once a metric of the goal is measured; until then it is projected.',
    );
  }
  const row: { -readonly [K in keyof DriverValue]: DriverValue[K] } = {
    type,
    annualHours: delivered.hours,
    annualValue: delivered.money,
    projectedHours: projected.hours,
    projectedValue: projected.money,
  };
  if (typeof label === 'string') row.label = label;
  if (confidence != null) row.confidence = confidence;
  if (change !== undefined) row.measuredChange = change;
  if (why) {
    row.reason = why.reason;
    row.message = why.message;
  }
  return row;
}

/**
 * Annual value delivered by several goals' drivers, by kind and by confidence, and their value
 * at target apart (DESIGN.md "Formulas: Value is delivered only when measured").
 *
 * A goal with `measured: false` (no metric measured as of the window's end) delivers nothing:
 * its drivers count only in `projected`. In a measured goal, an unlinked driver delivers its
 * stated amount and a linked driver the amount its metric's measured change gives (see
 * {@link ValueDriver}); a linked driver whose metric has no baseline, or no measurement yet,
 * delivers nothing, with a `reason`. Per driver: money = annualAmount, else monthlyAmount x 12,
 * else hours x hourlyRate; hours = hoursPerUnit x unitsPerMonth x 12, else hoursPerMonth x 12.
 * Hours without a rate are reported as hours and add no money (value is never counted twice).
 * `projected`: every driver at target (linked: target - baseline; unlinked: as stated).
 *
 * @example
 * const r = valueOfGoals([
 *   { measured: true, drivers: [{ type: 'cost_reduction', annualAmount: 185_000 }] },
 *   { measured: false, drivers: [{ type: 'revenue_increase', annualAmount: 144_000 }] },
 * ]);
 * // r.ok && r.totalValue === 185_000; r.projected.totalValue === 329_000
 */
export function valueOfGoals(goals: readonly GoalValueInput[]): ValueDeliveredResult {
  if (!Array.isArray(goals)) return fail('invalid_driver', 'Goals must be a list.');
  let timeSavedHours = 0;
  const byType = { time_saved: 0, cost_reduction: 0, revenue_increase: 0 };
  const atTarget = { time_saved: 0, cost_reduction: 0, revenue_increase: 0 };
  let projectedHours = 0;
  const byConfidence = { high: 0, medium: 0, low: 0, unspecified: 0 };
  const rows: DriverValue[] = [];
  for (let g = 0; g < goals.length; g++) {
    const goal: GoalValueInput | undefined = goals[g];
    const drivers: unknown = goal?.drivers;
    if (!Array.isArray(drivers)) {
      return { ...fail('invalid_driver', 'Value drivers must be a list.'), goal: g };
    }
    const measured = goal?.measured !== false;
    for (let i = 0; i < drivers.length; i++) {
      const row = driverValue(drivers[i] as ValueDriver | undefined, i, measured);
      if ('ok' in row) return goals.length > 1 ? { ...row, goal: g } : row;
      timeSavedHours += row.annualHours;
      byType[row.type] += row.annualValue;
      byConfidence[row.confidence ?? 'unspecified'] += row.annualValue;
      projectedHours += row.projectedHours;
      atTarget[row.type] += row.projectedValue;
      rows.push(row);
    }
  }
  const {
    time_saved: timeSavedValue,
    cost_reduction: costReduction,
    revenue_increase: revenueImpact,
  } = byType;
  const totalValue = timeSavedValue + costReduction + revenueImpact;
  const projected: ProjectedValue = {
    timeSavedHours: projectedHours,
    timeSavedValue: atTarget.time_saved,
    costReduction: atTarget.cost_reduction,
    revenueImpact: atTarget.revenue_increase,
    totalValue: atTarget.time_saved + atTarget.cost_reduction + atTarget.revenue_increase,
  };
  const { high, medium, low, unspecified } = byConfidence;
  // Any part overflowing makes a total or a confidence sum non-finite.
  return [
    timeSavedHours,
    totalValue,
    high,
    medium,
    low,
    unspecified,
    projectedHours,
    projected.totalValue,
  ].every(isFiniteNumber)
    ? {
        ok: true,
        timeSavedHours,
        timeSavedValue,
        costReduction,
        revenueImpact,
        totalValue,
        byConfidence,
        projected,
        drivers: rows,
      }
    : tooLarge('invalid_number');
}

/**
 * One goal's value delivered and at target: {@link valueOfGoals} of that goal alone. A goal
 * with no measurement yet delivers nothing; its drivers' value is `projected` only.
 *
 * @example
 * const r = goalValue({
 *   measured: true,
 *   drivers: [{ type: 'time_saved', unitsPerMonth: 150, hourlyRate: 50,
 *               metric: { baseline: 24, target: 12, current: 11.5 } }],
 * });
 * // r.ok && r.totalValue === 1_125_000 (12.5 h x 150 x $50 = $93,750 a month, PRD-165 7.2)
 * // r.projected.totalValue === 1_080_000 (12 h at target)
 */
export function goalValue(goal: GoalValueInput): ValueDeliveredResult {
  return valueOfGoals([goal]);
}

/**
 * Annual value delivered by a customer's value drivers, by kind and by confidence, taking the
 * drivers' goals as measured (use {@link goalValue} or {@link valueOfGoals} when a goal may
 * have no measurement yet: it then delivers nothing).
 *
 * Per driver: money = annualAmount, else monthlyAmount x 12, else hours x hourlyRate; hours =
 * hoursPerUnit x unitsPerMonth x 12, else hoursPerMonth x 12. A `time_saved` driver with hours
 * but no rate and no amount reports hours and adds no money, so value is never counted twice
 * (DESIGN.md "Formulas: Value"; PRD-165 section 7.1: 2,400 h shown, $185K + $100K = $285K).
 * A driver linked to a metric takes its per-unit amount from the metric's measured change.
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
  return valueOfGoals([{ measured: true, drivers }]);
}
