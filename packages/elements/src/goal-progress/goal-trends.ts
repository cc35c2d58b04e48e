import { forecastTargetDate } from '@cscx/success-calc';
import type { ProgressTrend, SuccessGoal, SuccessMetric } from '../types.js';

/**
 * A metric's measurement history as the API's ProgressTrend (openapi.yaml): one point per UTC
 * day, the day's latest measurement, oldest first, and calc's least-squares forecast of the date
 * it reaches its target. `getSuccessGoal` returns measurements, not trends, so goal-progress
 * builds the trend the customer metrics endpoint would have sent.
 *
 * @example
 * metricTrend(goal, goal.metrics[0]).points; // [{ date: '2026-01-31', value: 20 }, ...]
 */
export function metricTrend(goal: Pick<SuccessGoal, 'id'>, metric: SuccessMetric): ProgressTrend {
  const byDay = new Map<string, { at: number; value: number }>();
  for (const m of metric.measurements) {
    const at = Date.parse(m.measured_at);
    if (!Number.isFinite(at) || !Number.isFinite(m.value)) continue;
    const day = new Date(at).toISOString().slice(0, 10);
    const seen = byDay.get(day);
    if (!seen || at >= seen.at) byDay.set(day, { at, value: m.value });
  }
  const points = [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, { value }]) => ({ date, value }));
  const forecast = forecastTargetDate(
    points.map((p) => ({ at: p.date, value: p.value })),
    { target: metric.target_value, direction: metric.direction },
  );
  return {
    goal_id: goal.id,
    metric_id: metric.id,
    name: metric.name,
    unit: metric.unit,
    direction: metric.direction,
    target: metric.target_value,
    baseline: metric.baseline_value,
    points,
    forecast_date: forecast,
  };
}

/** One trend per metric of the goal, in the goal's metric order. */
export function goalTrends(goal: SuccessGoal): ProgressTrend[] {
  return goal.metrics.map((m) => metricTrend(goal, m));
}
