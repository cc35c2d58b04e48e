import type { Data, Mark, Spec } from 'vega';
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
 * on its target line, and axes
 * drawn as plain rule and text marks from precomputed ticks.
 *
 * Why vega and not vega-lite here: the spec is built by this function, so no vega-lite compiler
 * ships to the browser (DESIGN.md "Known hazards"). Why no vega axes and no expressions: every
 * encoding is a field or a constant, so the CSP-safe expression interpreter has almost nothing to
 * interpret, and labels are already formatted by calc in the caller's locale.
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
  const font = theme.font;
  const fontSize = theme.fontSize;
  const data: Data[] = [
    { name: 'xticks', values: input.xTicks.map((t) => ({ v: t.value, l: t.label })) },
    { name: 'yticks', values: input.yTicks.map((t) => ({ v: t.value, l: t.label })) },
  ];
  const marks: Mark[] = [
    {
      type: 'rule',
      from: { data: 'yticks' },
      interactive: false,
      encode: {
        enter: {
          x: { value: 0 },
          x2: { field: { group: 'width' } },
          y: { scale: 'y', field: 'v' },
          stroke: { value: theme.grid },
          strokeWidth: { value: 1 },
        },
      },
    },
    {
      type: 'text',
      name: 'y-labels',
      from: { data: 'yticks' },
      interactive: false,
      encode: {
        enter: {
          x: { value: -6 },
          y: { scale: 'y', field: 'v' },
          text: { field: 'l' },
          align: { value: 'right' },
          baseline: { value: 'middle' },
          fill: { value: theme.muted },
          font: { value: font },
          fontSize: { value: fontSize },
        },
      },
    },
    {
      type: 'rule',
      interactive: false,
      encode: {
        enter: {
          x: { value: 0 },
          x2: { field: { group: 'width' } },
          y: { field: { group: 'height' } },
          stroke: { value: theme.muted },
          strokeWidth: { value: 1 },
        },
      },
    },
    {
      type: 'text',
      from: { data: 'xticks' },
      interactive: false,
      encode: {
        enter: {
          x: { scale: 'x', field: 'v' },
          y: { field: { group: 'height' }, offset: 6 },
          text: { field: 'l' },
          align: { value: 'center' },
          baseline: { value: 'top' },
          fill: { value: theme.muted },
          font: { value: font },
          fontSize: { value: fontSize },
        },
      },
    },
  ];

  const refs: { y: number; color: string; dash: number[] }[] = [];
  for (const s of input.series) {
    if (s.baseline !== null) refs.push({ y: s.baseline, color: theme.baseline, dash: [2, 3] });
    if (s.target !== null) refs.push({ y: s.target, color: theme.target, dash: [6, 4] });
  }
  if (refs.length > 0) {
    data.push({ name: 'refs', values: refs });
    marks.push({
      type: 'rule',
      from: { data: 'refs' },
      interactive: false,
      encode: {
        enter: {
          x: { value: 0 },
          x2: { field: { group: 'width' } },
          y: { scale: 'y', field: 'y' },
          stroke: { field: 'color' },
          strokeDash: { field: 'dash' },
          strokeWidth: { value: 1.5 },
        },
      },
    });
  }
  if (input.pace) {
    data.push({ name: 'pace', values: [input.pace.from, input.pace.to] });
    marks.push(lineMark('pace', theme.pace, 1.5, [5, 4]));
  }
  input.series.forEach((s, i) => {
    const name = `s${i}`;
    data.push({ name, values: s.points });
    const color = theme.series[i % theme.series.length] ?? theme.text;
    marks.push(lineMark(name, color, 2, null));
    // Dots only where they can be told apart: monthly measurements, not a daily series.
    if (s.points.length > 0 && width / s.points.length >= 12) {
      marks.push({
        type: 'symbol',
        from: { data: name },
        interactive: false,
        encode: {
          enter: {
            x: { scale: 'x', field: 'x' },
            y: { scale: 'y', field: 'y' },
            size: { value: 30 },
            fill: { value: color },
            stroke: { value: color },
          },
        },
      });
    }
  });
  const markers = input.markers ?? [];
  if (markers.length > 0) {
    data.push({ name: 'markers', values: markers });
    marks.push({
      type: 'symbol',
      name: 'forecast-markers',
      from: { data: 'markers' },
      interactive: false,
      encode: {
        enter: {
          x: { scale: 'x', field: 'x' },
          y: { scale: 'y', field: 'y' },
          shape: { field: 'shape' },
          size: { value: 90 },
          fill: { field: 'color' },
          stroke: { value: theme.surface ?? '#ffffff' },
          strokeWidth: { value: 1.5 },
        },
      },
    });
  }
  if (input.labels.length > 0) {
    data.push({ name: 'labels', values: input.labels.map((l) => ({ dx: 0, dy: 0, ...l })) });
    const at = {
      x: { scale: 'x', field: 'x' },
      y: { scale: 'y', field: 'y' },
      dx: { field: 'dx' },
      dy: { field: 'dy' },
      text: { field: 'text' },
      align: { field: 'align' },
      baseline: { field: 'baseline' },
      font: { value: font },
      fontSize: { value: fontSize },
      fontWeight: { value: 600 },
    } as const;
    // A halo in the surface colour under each label keeps it legible where it crosses a line.
    marks.push({
      type: 'text',
      name: 'plot-label-halos',
      from: { data: 'labels' },
      interactive: false,
      encode: {
        enter: {
          ...at,
          fill: { value: theme.surface ?? '#ffffff' },
          stroke: { value: theme.surface ?? '#ffffff' },
          strokeWidth: { value: 4 },
          strokeJoin: { value: 'round' },
        },
      },
    });
    marks.push({
      type: 'text',
      name: 'plot-labels',
      from: { data: 'labels' },
      interactive: false,
      encode: {
        enter: {
          x: { scale: 'x', field: 'x' },
          y: { scale: 'y', field: 'y' },
          dx: { field: 'dx' },
          dy: { field: 'dy' },
          text: { field: 'text' },
          fill: { field: 'color' },
          align: { field: 'align' },
          baseline: { field: 'baseline' },
          font: { value: font },
          fontSize: { value: fontSize },
          fontWeight: { value: 600 },
        },
      },
    });
  }

  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    ...(input.description === undefined ? {} : { description: input.description }),
    width,
    height,
    padding: pad,
    autosize: 'none',
    data,
    scales: [
      { name: 'x', type: 'linear', domain: [...input.xDomain], range: 'width', zero: false },
      { name: 'y', type: 'linear', domain: [...input.yDomain], range: 'height', zero: false },
    ],
    marks,
  };
}

function lineMark(data: string, stroke: string, width: number, dash: number[] | null): Mark {
  return {
    type: 'line',
    from: { data },
    interactive: false,
    encode: {
      enter: {
        x: { scale: 'x', field: 'x' },
        y: { scale: 'y', field: 'y' },
        stroke: { value: stroke },
        strokeWidth: { value: width },
        strokeCap: { value: 'round' },
        strokeJoin: { value: 'round' },
        ...(dash ? { strokeDash: { value: dash } } : {}),
      },
    },
  };
}
