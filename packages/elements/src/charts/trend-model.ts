import type { PreparedTrends } from './series.js';
import { thin, type XY } from './thin.js';
import { numberTicks, timeTicks } from './ticks.js';
import type { ChartSeries, ChartTheme, PaceLine, PlotLabel, TrendSpecInput } from './trend-spec.js';
import { padding } from './trend-spec.js';

const DAY = 86_400_000;

/** What the chart needs besides its data. */
export interface TrendModelOptions {
  readonly width: number;
  readonly height: number;
  readonly theme: ChartTheme;
  readonly locale: string;
  /** Formats a y value for labels (the metric's unit, or a percent on the progress scale). */
  readonly formatY: (value: number) => string;
  /** The expected pace, on the chart's y scale. */
  readonly pace: PaceLine | null;
  /** Words for the reference labels; English by default. */
  readonly targetWord?: string;
}

/**
 * The spec input of a trend chart: domains that hold every line (points, target, baseline,
 * pace, a near forecast), ticks for the plot's pixel size, each series thinned to the plot's
 * width, and the "Target" and latest-value labels.
 */
export function trendModel(prepared: PreparedTrends, options: TrendModelOptions): TrendSpecInput {
  const { width, height, theme, locale, formatY, pace } = options;
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const seeX = (x: number) => {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
  };
  const seeY = (y: number) => {
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  };
  for (const s of prepared.series) {
    for (const p of s.points) {
      seeX(p.x);
      seeY(p.y);
    }
    if (s.target !== null) seeY(s.target);
    if (s.baseline !== null) seeY(s.baseline);
  }
  if (pace) {
    seeX(pace.from.x);
    seeX(pace.to.x);
    seeY(pace.from.y);
    seeY(pace.to.y);
  }
  if (!Number.isFinite(x0)) {
    x0 = Date.now();
    x1 = x0;
  }
  if (!Number.isFinite(y0)) {
    y0 = 0;
    y1 = 1;
  }
  // A forecast far beyond the data would squash the lines into a corner: it extends the axis
  // only within one more data span; the caption still names it.
  const span = Math.max(x1 - x0, 30 * DAY);
  const forecasts: number[] = [];
  for (const s of prepared.series) {
    if (s.forecast !== null && s.forecast >= x0 && s.forecast <= x1 + span) {
      forecasts.push(s.forecast);
      seeX(s.forecast);
    }
  }
  if (x1 - x0 < DAY) {
    x0 -= 15 * DAY;
    x1 += 15 * DAY;
  }
  const pad = (y1 - y0) * 0.08 || Math.abs(y0) * 0.1 || 1;
  const yTicks = numberTicks(y0 - pad, y1 + pad, Math.max(2, Math.floor(height / 40)), locale);
  const yDomain: [number, number] = [
    yTicks[0]?.value ?? y0 - pad,
    yTicks[yTicks.length - 1]?.value ?? y1 + pad,
  ];
  const padded = padding({ yTicks, theme });
  const plotWidth = Math.max(40, width - padded.left - padded.right);
  const xTicks = timeTicks(x0, x1, Math.max(2, Math.floor(plotWidth / 90)), locale);

  // One point per two pixels is as fine as a 2 px line can show.
  const maxPoints = Math.max(16, Math.floor(plotWidth / 2));
  const series: ChartSeries[] = prepared.series.map((s) => ({
    points: thin(s.points, maxPoints),
    target: s.target,
    baseline: s.baseline,
    forecast: s.forecast !== null && forecasts.includes(s.forecast) ? s.forecast : null,
  }));

  const labels: PlotLabel[] = [];
  const targets = new Set<number>();
  for (const s of series) if (s.target !== null) targets.add(s.target);
  const targetWord = options.targetWord ?? 'Target';
  for (const t of targets) {
    labels.push({
      x: x0,
      y: t,
      text: targets.size === 1 ? `${targetWord} ${formatY(t)}` : formatY(t),
      color: theme.target,
      align: 'left',
      baseline: 'bottom',
      dx: 4,
      dy: -4,
    });
  }
  const only = series.length === 1 ? series[0] : undefined;
  const last: XY | undefined = only?.points[only.points.length - 1];
  if (only && last) {
    const below = only.target !== null && last.y < only.target;
    labels.push({
      x: last.x,
      y: last.y,
      text: formatY(last.y),
      color: theme.text,
      align: 'right',
      baseline: below ? 'top' : 'bottom',
      dx: 0,
      dy: below ? 8 : -8,
    });
  }
  return {
    series,
    pace,
    width,
    height,
    xDomain: [x0, x1],
    yDomain,
    xTicks,
    yTicks,
    labels,
    theme,
  };
}
