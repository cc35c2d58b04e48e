import {
  type ValueDriver as CalcDriver,
  type DriverValue,
  forecastTargetDate,
  type GoalStatus,
  type GoalValueInput,
  goalProgress,
  goalStatus,
  goalValue,
  type LinkedMetric,
  metricProgress,
  metricStatus,
  recommendActions,
  type TrendPoint,
  trend,
} from '@cscx/success-calc';
import { isoDay, isoTimestamp } from '../clock.js';
import type {
  Measurement,
  MetricTrend,
  ProgressTrend,
  Recommendation,
  SuccessGoal,
  SuccessMetric,
  ValueDriver,
} from '../contract.js';
import type { GoalRecord, MeasurementRecord, MetricRecord, StoredDriver } from '../repo/goals.js';
import type { Window } from './period.js';

/**
 * A stored goal turned into the contract's `SuccessGoal`: every derived number (progress,
 * status, expected pace, value, trend, forecast, recommendations) comes from
 * @cscx/success-calc, computed as of the window's end. The server adds no formula of its own.
 */
export interface DerivedGoal {
  readonly wire: SuccessGoal;
  readonly record: GoalRecord;
  /** Goal progress (unclamped), null when not computable. */
  readonly percent: number | null;
  /** Goal progress with each metric capped to 0..100: the success score's input (DESIGN.md). */
  readonly scorePercent: number | null;
  readonly status: GoalStatus;
  readonly expected: number | null;
  /** calc's annual value of each value driver (delivered and at target), in order. */
  readonly drivers: readonly DriverValue[];
  /**
   * The goal's drivers in calc's shape, linked drivers with their metric as of the window's end,
   * and whether the goal is measured: what the customer's value sums (delivered only when
   * measured, DESIGN.md "Formulas").
   */
  readonly value: GoalValueInput;
  /** One progress trend per metric. */
  readonly trends: readonly ProgressTrend[];
}

const MAX_MEASUREMENTS = 1000;
const MAX_POINTS = 1000;
const MAX_RECOMMENDATIONS = 20;
const MAX_TEXT = 500;

/** A goal metric as a driver's link: its latest measurement (as loaded) is the current value. */
export function linkedMetric(m: MetricLike): LinkedMetric {
  return {
    baseline: m.baseline_value,
    target: m.target_value,
    current: m.current_value,
    direction: m.direction,
  };
}

/** What a driver's link needs of a metric. */
export interface MetricLike {
  readonly id?: string | undefined;
  readonly baseline_value: number | null;
  readonly target_value: number;
  readonly current_value: number | null;
  readonly direction: MetricRecord['direction'];
}

/**
 * The stored driver in calc's shape. A linked driver carries its metric, found in `metrics` by
 * id; writes validate the link, so a missing metric (which cannot be stored) is passed as one
 * without a baseline, which delivers nothing.
 */
export function calcDriver(d: StoredDriver, metrics: readonly MetricLike[] = []): CalcDriver {
  const id = d.metric_id ?? null;
  const m = id === null ? undefined : metrics.find((x) => x.id === id);
  return {
    type: d.type,
    label: d.label,
    confidence: d.confidence,
    hoursPerUnit: d.hours_per_unit,
    unitsPerMonth: d.units_per_month,
    hoursPerMonth: d.hours_per_month,
    hourlyRate: d.hourly_rate,
    monthlyAmount: d.monthly_amount,
    annualAmount: d.annual_amount,
    metric: id === null ? null : m ? linkedMetric(m) : { baseline: null, target: 0, current: null },
  };
}

/** A metric record as a link: its latest loaded measurement is its current value. */
function recordMetric(m: MetricRecord): MetricLike {
  return {
    id: m.id,
    baseline_value: m.baseline_value,
    target_value: m.target_value,
    current_value: m.measurements.at(-1)?.value ?? null,
    direction: m.direction,
  };
}

/** A goal's value input for calc: its drivers, linked to its metrics, and whether it is measured. */
export function goalValueInput(g: GoalRecord): GoalValueInput {
  const metrics = g.metrics.map(recordMetric);
  return {
    measured: g.metrics.some((m) => m.measurements.length > 0),
    drivers: g.value_drivers.map((d) => calcDriver(d, metrics)),
  };
}

function toMeasurement(m: MeasurementRecord): Measurement {
  return {
    ...(m.id === undefined ? {} : { id: m.id }),
    measured_at: isoTimestamp(m.at),
    value: m.value,
    source: m.source,
    note: m.note,
  };
}

/** One point per UTC day (the day's latest value), oldest first, the latest 1,000 days. */
export function dailyPoints(
  measurements: readonly MeasurementRecord[],
): { date: string; value: number }[] {
  const out: { date: string; value: number }[] = [];
  for (const m of measurements) {
    const date = isoDay(m.at);
    const last = out.at(-1);
    if (last?.date === date) last.value = m.value;
    else out.push({ date, value: m.value });
  }
  return out.slice(-MAX_POINTS);
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}

/**
 * calc's least-squares trend for the direction and slope. `change_pct` is, as the contract
 * defines it, the change from the first to the last measurement: the line through exactly
 * those two points, which calc's `trend` fits exactly.
 */
function metricTrend(
  inWindow: readonly MeasurementRecord[],
  direction: MetricRecord['direction'],
): MetricTrend | null {
  const points: TrendPoint[] = inWindow.map((m) => ({ at: m.at, value: m.value }));
  const fit = trend(points, { direction });
  if (!fit.ok) return null;
  const first = points[0];
  const last = points.at(-1);
  const ends = first && last ? trend([first, last], { direction }) : null;
  return {
    direction: fit.direction,
    slope_per_day: fit.slopePerDay,
    change_pct: ends?.ok && ends.changePercent !== undefined ? ends.changePercent : null,
  };
}

interface MetricOut {
  readonly wire: SuccessMetric;
  readonly percent: number | null;
  readonly current: number | null;
  readonly trend: ProgressTrend;
  readonly forecast: string | null;
}

function deriveMetric(goalId: string, m: MetricRecord, w: Window): MetricOut {
  const latest = m.measurements.at(-1);
  const current = latest?.value ?? null;
  const inWindow =
    w.startMs === null ? m.measurements : m.measurements.filter((x) => x.at >= w.startMs!);
  const progress = metricProgress({
    baseline: m.baseline_value,
    target: m.target_value,
    current,
    direction: m.direction,
  });
  const percent = progress.ok ? progress.percent : null;
  const points = dailyPoints(inWindow);
  const forecast = forecastTargetDate(
    points.map((p) => ({ at: p.date, value: p.value })),
    { target: m.target_value, direction: m.direction },
  );
  return {
    percent,
    current,
    forecast,
    wire: {
      id: m.id,
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      baseline_value: m.baseline_value,
      target_value: m.target_value,
      current_value: current,
      data_source: m.data_source,
      frequency: m.frequency,
      weight: m.weight,
      measurements: inWindow.slice(-MAX_MEASUREMENTS).map(toMeasurement),
      progress_pct: percent,
      progress_note: progress.ok ? null : clip(progress.message),
      status: metricStatus(percent),
      trend: metricTrend(inWindow, m.direction),
    },
    trend: {
      goal_id: goalId,
      metric_id: m.id,
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      target: m.target_value,
      baseline: m.baseline_value,
      points,
      forecast_date: forecast,
    },
  };
}

/** The goal as the contract shows it, derived as of `w.end` (see {@link DerivedGoal}). */
export function deriveGoal(g: GoalRecord, w: Window, currency: string): DerivedGoal {
  const metrics = g.metrics.map((m) => deriveMetric(g.id, m, w));
  const progress = goalProgress({
    metrics: g.metrics.map((m, i) => ({
      baseline: m.baseline_value,
      target: m.target_value,
      current: metrics[i]?.current ?? null,
      direction: m.direction,
      weight: m.weight,
    })),
  });
  const percent = progress.ok ? progress.percent : null;
  const note = progress.ok ? (progress.message ?? null) : progress.message;
  const capped = goalProgress({
    metrics: g.metrics.flatMap((m, i) => {
      const p = metrics[i]?.percent;
      return p == null
        ? []
        : [{ baseline: 0, target: 100, current: Math.min(100, Math.max(0, p)), weight: m.weight }];
    }),
  });
  const status = goalStatus(
    {
      percent,
      startDate: g.start_date,
      targetDate: g.target_date,
      hasMeasurement: g.metrics.some((m) => m.measurements.length > 0),
    },
    { asOf: w.end },
  );
  const valueInput = goalValueInput(g);
  const value = goalValue(valueInput);
  // calc refuses only what writes reject first; zeros keep a read answering if one slipped in.
  const drivers: readonly DriverValue[] = value.ok
    ? value.drivers
    : g.value_drivers.map((d) => ({
        type: d.type,
        annualHours: 0,
        annualValue: 0,
        projectedHours: 0,
        projectedValue: 0,
      }));
  const forecasts = metrics.map((m) => m.forecast);
  const forecast =
    forecasts.length > 0 && forecasts.every((f) => f !== null)
      ? ([...(forecasts as string[])].sort().at(-1) ?? null)
      : null;
  const recommendations: Recommendation[] = recommendActions({
    name: g.name,
    category: g.category,
    status: status.status,
    metrics: g.metrics.map((m, i) => ({ name: m.name, percent: metrics[i]?.percent ?? null })),
  })
    .slice(0, MAX_RECOMMENDATIONS)
    // Causes are bounded by the goal's metrics (at most 20) plus the goal itself.
    .map((r) => ({
      priority: r.priority,
      action: clip(r.action),
      reason: clip(r.reason),
      code: r.code,
      causes: r.causes.slice(0, 25),
    }));
  const first = metrics[0]?.wire;
  const valueDrivers: ValueDriver[] = g.value_drivers.map((d, i) => {
    const v = drivers[i];
    return {
      type: d.type,
      label: d.label,
      confidence: d.confidence,
      metric_id: d.metric_id ?? null,
      hours_per_unit: d.hours_per_unit,
      units_per_month: d.units_per_month,
      hours_per_month: d.hours_per_month,
      hourly_rate: d.hourly_rate,
      monthly_amount: d.monthly_amount,
      annual_amount: d.annual_amount,
      measured_change: v?.measuredChange ?? null,
      annual_hours: v?.annualHours ?? 0,
      annual_value: v?.annualValue ?? 0,
      projected_hours: v?.projectedHours ?? 0,
      projected_value: v?.projectedValue ?? 0,
      value_note: v?.message === undefined ? null : clip(v.message),
    };
  });
  const wire: SuccessGoal = {
    id: g.id,
    customer_id: g.customer_id,
    name: g.name,
    description: g.description,
    category: g.category,
    owner: g.owner_name === null ? null : { name: g.owner_name, title: g.owner_title },
    weight: g.weight,
    start_date: g.start_date,
    target_date: g.target_date,
    currency,
    metrics: metrics.map((m) => m.wire),
    value_drivers: valueDrivers,
    version: g.version,
    created_at: isoTimestamp(g.created_at),
    updated_at: isoTimestamp(g.updated_at),
    achievement_pct: percent,
    progress_note: note === null ? null : clip(note),
    status: status.status,
    exceeded: status.exceeded,
    expected_pct: status.expectedPercent,
    annual_value: value.ok ? value.totalValue : 0,
    projected_value: value.ok ? value.projected.totalValue : 0,
    projected_hours: value.ok ? value.projected.timeSavedHours : 0,
    forecast_date: forecast,
    recommendations,
    metric: first?.name ?? '',
    baseline_value: first?.baseline_value ?? null,
    target_value: first?.target_value ?? 0,
    current_value: first?.current_value ?? null,
    unit: first?.unit ?? '',
  };
  return {
    wire,
    record: g,
    percent,
    scorePercent: capped.ok ? capped.percent : null,
    status: status.status,
    expected: status.expectedPercent,
    drivers,
    value: valueInput,
    trends: metrics.map((m) => m.trend),
  };
}
