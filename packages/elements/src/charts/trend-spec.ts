import type { Data, Mark, Spec } from 'vega';
import { trendChartVega } from './generated/trend-chart.vega.js';
import type { XY } from './thin.js';
import type { Tick } from './ticks.js';

/** One line of a trend chart, ready to draw: points sorted by x (epoch ms), one y unit. */
export interface ChartSeries {
  readonly points: readonly XY[];
  /** The target line's y, or null for none. */
  readonly target: number | null;
  /** The baseline line's y, or null for none. */
  readonly baseline: number | null;
  /** Epoch ms of the forecast date, or null for none. */
  readonly forecast: number | null;
}

/** The expected pace: a straight line from the goal's start (baseline) to its target date. */
export interface PaceLine {
  readonly from: XY;
  readonly to: XY;
}

/** Colours and type the chart draws with, read from the `--success-*` tokens at render time. */
export interface ChartTheme {
  /** One colour per series, cycled. */
  readonly series: readonly string[];
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly target: string;
  readonly baseline: string;
  readonly pace: string;
  readonly forecast: string;
  /** The background the chart sits on: the markers' outline, a downloaded image's fill. */
  readonly surface?: string;
  readonly font: string;
  readonly fontSize: number;
}

/**
 * Where a series is projected to reach its target: calc's forecast date (the API's
 * `forecast_date`) on the target's y. `shape` is `diamond` inside the x range, or
 * `triangle-right` pinned to the right edge for a forecast beyond it.
 */
export interface ForecastMarker {
  readonly x: number;
  readonly y: number;
  readonly color: string;
  readonly shape: 'diamond' | 'triangle-right';
}

/** A text label placed in the plot: a reference line's name, the latest value, a forecast. */
export interface PlotLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
  readonly align: 'left' | 'right' | 'center';
  readonly baseline: 'bottom' | 'top' | 'middle';
  readonly dx?: number;
  readonly dy?: number;
}

/** Everything {@link trendSpec} needs; all text is already formatted for the locale. */
export interface TrendSpecInput {
  readonly series: readonly ChartSeries[];
  readonly pace: PaceLine | null;
  /** Outer size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly labels: readonly PlotLabel[];
  /** One per series with a forecast date. */
  readonly markers?: readonly ForecastMarker[];
  readonly theme: ChartTheme;
  /** The drawing's accessible name, in the chart's language. */
  readonly description?: string;
}

/** Plot padding: the room the axis labels need around the plot. */
export interface Padding {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Room for the axis labels, estimated from their length: a fixed padding (`autosize: none`)
 * spares vega its layout passes, which are a large share of a small chart's render time.
 */
export function padding(input: Pick<TrendSpecInput, 'yTicks' | 'theme'>): Padding {
  const chars = input.yTicks.reduce((n, t) => Math.max(n, t.label.length), 1);
  const size = input.theme.fontSize;
  return {
    left: Math.ceil(chars * size * 0.62) + 10,
    right: Math.ceil(size * 2),
    top: Math.ceil(size * 1.4),
    bottom: Math.ceil(size * 1.9),
  };
}

/**
 * The vega spec of a trend chart (PRD-165 7.2 "Progress over time"): one line per series, the
 * target (dashed) and baseline (dotted) lines, the expected pace, one forecast marker per series
 * on its target line, and axes drawn as plain rule and text marks from precomputed ticks.
 *
 * The marks are the vega-lite spec in trend-chart.vl.ts, compiled to vega at build time
 * (scripts/generate-charts.ts): no vega-lite compiler ships to the browser (DESIGN.md "Known
 * hazards"). This fills its named data sources and params with the model's ticks, points and
 * labels (already formatted in the caller's locale) and sizes it; the `series` mark is a
 * template, drawn once per series. Every encoding is a field, a constant or a datum member, so
 * the CSP-safe expression interpreter has almost nothing to interpret.
 *
 * @example
 * const spec = trendSpec({ series, pace: null, width: 600, height: 240, xDomain, yDomain,
 *   xTicks, yTicks, labels: [], theme });
 */
export function trendSpec(input: TrendSpecInput): Spec {
  const { theme } = input;
  const pad = padding(input);
  const width = Math.max(40, Math.floor(input.width - pad.left - pad.right));
  const height = Math.max(40, Math.floor(input.height - pad.top - pad.bottom));
  const refs: { y: number; color: string; dash: number[] }[] = [];
  for (const s of input.series) {
    if (s.baseline !== null) refs.push({ y: s.baseline, color: theme.baseline, dash: [2, 3] });
    if (s.target !== null) refs.push({ y: s.target, color: theme.target, dash: [6, 4] });
  }
  const colorOf = (i: number) => theme.series[i % theme.series.length] ?? theme.text;
  // Dots only where they can be told apart: monthly measurements, not a daily series.
  const dots = input.series.flatMap((s, i) =>
    s.points.length > 0 && width / s.points.length >= 12
      ? s.points.map((p) => ({ x: p.x, y: p.y, color: colorOf(i) }))
      : [],
  );
  const values: Readonly<Record<string, readonly object[]>> = {
    xticks: input.xTicks.map((t) => ({ v: t.value, l: t.label })),
    yticks: input.yTicks.map((t) => ({ v: t.value, l: t.label })),
    refs,
    pace: input.pace ? [input.pace.from, input.pace.to] : [],
    dots,
    markers: input.markers ?? [],
    labels: input.labels.map((l) => ({ dx: 0, dy: 0, ...l })),
  };
  const signals: Readonly<Record<string, unknown>> = {
    xDomain: [...input.xDomain],
    yDomain: [...input.yDomain],
    gridColor: theme.grid,
    mutedColor: theme.muted,
    paceColor: theme.pace,
    surfaceColor: theme.surface ?? '#ffffff',
    font: theme.font,
    fontSize: theme.fontSize,
  };
  const template = trendChartVega as unknown as Spec;
  const data: Data[] = [];
  for (const d of template.data ?? []) {
    if (d.name === 'series') {
      input.series.forEach((s, i) => {
        const color = colorOf(i);
        data.push({ name: `s${i}`, values: s.points.map((p) => ({ x: p.x, y: p.y, color })) });
      });
    } else {
      const v = values[d.name];
      data.push(v === undefined ? d : { name: d.name, values: [...v] });
    }
  }
  const marks: Mark[] = [];
  for (const m of template.marks ?? []) {
    if (m.name !== 'series-line') {
      marks.push(m);
      continue;
    }
    input.series.forEach((_, i) => {
      marks.push({ ...m, name: `series-line s${i}`, from: { data: `s${i}` } } as Mark);
    });
  }
  return {
    ...template,
    ...(input.description === undefined ? {} : { description: input.description }),
    width,
    height,
    padding: pad,
    autosize: 'none',
    data,
    signals: (template.signals ?? []).map((s) =>
      s.name in signals ? ({ ...s, value: signals[s.name] } as typeof s) : s,
    ),
    marks,
  };
}
