import { metricProgress } from '@cscx/success-calc';
import type { ProgressTrend } from '../types.js';
import type { XY } from './thin.js';

/** What the y axis shows: the metrics' own values, or their progress toward target in %. */
export type TrendScale = 'value' | 'progress';

/** Epoch ms of an ISO date (`2026-04-28` is UTC midnight, as calc reads it), or null. */
export function toEpochMs(date: string | null | undefined): number | null {
  const t = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isFinite(t) ? t : null;
}

/** One trend prepared for drawing and for its table: valid points only, oldest first. */
export interface PreparedSeries {
  readonly trend: ProgressTrend;
  /** Points on the chart's y scale (values, or progress %), x in epoch ms. */
  readonly points: readonly XY[];
  /** The same points in the metric's own unit (index-aligned with `points`). */
  readonly values: readonly XY[];
  readonly target: number | null;
  readonly baseline: number | null;
  /** Epoch ms of the forecast date, or null. */
  readonly forecast: number | null;
}

/** The chart's data after preparation, with what had to be left out and why. */
export interface PreparedTrends {
  readonly scale: TrendScale;
  /** Series with at least one point, in input order. */
  readonly series: readonly PreparedSeries[];
  /** Names of trends without any valid point. */
  readonly withoutData: readonly string[];
  /** Names of trends left out because progress needs a baseline they lack. */
  readonly withoutBaseline: readonly string[];
}

/**
 * Picks the y scale: the metrics' values when every trend has the same unit, else progress
 * toward target (baseline 0 %, target 100 %), the only scale on which metrics in hours, % and
 * money can share one axis honestly.
 *
 * @example
 * chooseScale([{ unit: 'hours' }, { unit: '%' }]); // 'progress'
 */
export function chooseScale(trends: readonly Pick<ProgressTrend, 'unit'>[]): TrendScale {
  const units = new Set(trends.map((t) => t.unit));
  return units.size > 1 ? 'progress' : 'value';
}

/**
 * Turns ProgressTrends (openapi.yaml) into drawable series: drops points with an invalid date or
 * a non-finite value, sorts by date, and on the progress scale converts each value with calc's
 * `metricProgress` (the same formula as the goal's own progress).
 */
export function prepareTrends(
  trends: readonly ProgressTrend[],
  requested: TrendScale | 'auto' = 'auto',
): PreparedTrends {
  const scale = requested === 'auto' ? chooseScale(trends) : requested;
  const series: PreparedSeries[] = [];
  const withoutData: string[] = [];
  const withoutBaseline: string[] = [];
  for (const trend of trends) {
    const values: XY[] = [];
    for (const p of trend.points ?? []) {
      const x = toEpochMs(p.date);
      if (x !== null && Number.isFinite(p.value)) values.push({ x, y: p.value });
    }
    values.sort((a, b) => a.x - b.x);
    if (values.length === 0) {
      withoutData.push(trend.name);
      continue;
    }
    const forecast = trend.forecast_date ? toEpochMs(trend.forecast_date) : null;
    const baseline = Number.isFinite(trend.baseline) ? (trend.baseline as number) : null;
    const target = Number.isFinite(trend.target) ? trend.target : null;
    if (scale === 'value') {
      series.push({ trend, points: values, values, target, baseline, forecast });
      continue;
    }
    if (baseline === null || target === null || baseline === target) {
      withoutBaseline.push(trend.name);
      continue;
    }
    // Points and values stay index-aligned: the tooltip reads a value by its point's index.
    const points: XY[] = [];
    const kept: XY[] = [];
    for (const v of values) {
      const r = metricProgress({ baseline, target, current: v.y, direction: trend.direction });
      if (!r.ok) continue;
      points.push({ x: v.x, y: r.percent });
      kept.push(v);
    }
    if (points.length === 0) {
      withoutData.push(trend.name);
      continue;
    }
    series.push({ trend, points, values: kept, target: 100, baseline: 0, forecast });
  }
  return { scale, series, withoutData, withoutBaseline };
}
