import type { Format } from '../format.js';
import { fillText } from '../states.js';
import { TREND_VIEW_TEXT as T } from '../success-trend-chart/trend-view-text.js';
import type { PreparedTrends } from './series.js';

/** ISO `YYYY-MM-DD` of an epoch-ms instant (UTC), for calc's date formatter. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The chart in one paragraph, for people who cannot see it (its text alternative, next to the
 * data table): per series, where it started and where it is now, the target and the forecast.
 *
 * @example
 * describeTrends(prepared, createFormat('en-US', undefined));
 * // 'Average resolution time: 20 hrs on Jan 31, 2026, now 11.5 hrs on Apr 28, 2026.
 * //  Target 12 hrs. Forecast to reach target: Apr 17, 2026.'
 */
export function describeTrends(prepared: PreparedTrends, fmt: Format): string {
  const parts: string[] = [];
  if (prepared.scale === 'progress') parts.push(T.progressNote);
  for (const s of prepared.series) {
    const { trend, values } = s;
    const first = values[0];
    const last = values[values.length - 1];
    if (!first || !last) continue;
    const value = (v: number) => fmt.metric(v, trend.unit);
    const from = fillText(T.valueOn, { value: value(first.y), date: fmt.date(isoDate(first.x)) });
    parts.push(
      values.length === 1
        ? fillText(T.seriesOne, { name: trend.name, from })
        : fillText(T.seriesFromTo, {
            name: trend.name,
            from,
            value: value(last.y),
            date: fmt.date(isoDate(last.x)),
          }),
    );
    if (Number.isFinite(trend.target))
      parts.push(fillText(T.targetIs, { value: value(trend.target) }));
    if (trend.forecast_date) {
      parts.push(fillText(T.forecastIs, { date: fmt.date(trend.forecast_date) }));
    }
  }
  return parts.join(' ');
}

/**
 * Index of the point nearest to `x` in points sorted by x (binary search), or -1 when empty.
 *
 * @example
 * nearestIndex([{ x: 0, y: 1 }, { x: 10, y: 2 }], 7); // 1
 */
export function nearestIndex(points: readonly { readonly x: number }[], x: number): number {
  const n = points.length;
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.x <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[hi]!.x - x) < Math.abs(points[lo]!.x - x) ? hi : lo;
}
