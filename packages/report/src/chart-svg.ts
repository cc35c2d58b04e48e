// A metric's trend as a vector chart: a small Vega spec rendered headless to SVG (no canvas, no
// DOM), which the PDF embeds as vector paths. Tick labels come from calc's Intl formatters, so
// the chart reads in the report's locale rather than d3's English defaults.
import { formatDate, formatNumber } from '@cscx/success-calc';
import { parse, type Spec, View } from 'vega';
import { reportText } from './sections.js';
import type { ProgressTrend } from './types.js';

export interface TrendChartOptions {
  readonly width: number;
  readonly height: number;
  readonly locale: string;
}

const DAY_MS = 86_400_000;

/** Up to `count` + 1 round tick values covering lo..hi (1, 2, 2.5 or 5 times a power of ten). */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceTicks(lo - pad, hi + pad, count);
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toFixed(digits)));
  if ((ticks.at(-1) ?? hi) < hi) ticks.push(Number(((ticks.at(-1) ?? hi) + step).toFixed(digits)));
  return ticks;
}

/** At most `max` items, always keeping the first and the last. */
function thin<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const out: T[] = [];
  for (let i = 0; i < max; i++) {
    const item = items[Math.round((i * (items.length - 1)) / (max - 1))];
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** The Vega spec of one trend: the measurements as a line, target and baseline as rules. */
export function trendSpec(t: ProgressTrend, o: TrendChartOptions): Spec {
  const points = t.points.map((p) => ({ t: Date.parse(`${p.date}T00:00:00Z`), v: p.value }));
  const ys = [...points.map((p) => p.v), t.target, ...(t.baseline === null ? [] : [t.baseline])];
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys));
  const times = points.map((p) => p.t);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  // A single measurement still gets a readable x range around it.
  const xDomain = t0 === t1 ? [t0 - 15 * DAY_MS, t1 + 15 * DAY_MS] : [t0, t1];
  const xTicks = thin([...new Set(times)], 4);
  const xLabels = Object.fromEntries(
    xTicks.map((x) => [String(x), formatDate(x, { locale: o.locale, style: 'short' })]),
  );
  const yLabels = Object.fromEntries(
    yTicks.map((y) => [
      String(y),
      formatNumber(y, { locale: o.locale, compact: Math.abs(y) >= 1e4 }),
    ]),
  );
  const rules = [
    { y: t.target, kind: 'target' },
    ...(t.baseline === null ? [] : [{ y: t.baseline, kind: 'baseline' }]),
  ];
  // The legend in the report's language, as the deck's native charts name their series.
  const TREND_TEXT = reportText(o.locale).trend;
  const keys = [
    { label: TREND_TEXT.measured, color: '#2155c4', dash: [] as number[] },
    { label: TREND_TEXT.target, color: '#1a7f43', dash: [4, 3] },
    ...(t.baseline === null
      ? []
      : [{ label: TREND_TEXT.baseline, color: '#5b6675', dash: [2, 3] }]),
  ];
  const axis = {
    labelFont: 'DejaVu Sans',
    labelFontSize: 8,
    labelColor: '#5b6675',
    domainColor: '#d9dee5',
    tickColor: '#d9dee5',
  };
  return {
    width: o.width,
    height: o.height,
    padding: 4,
    background: 'white',
    signals: [
      { name: 'xLabels', value: xLabels },
      { name: 'yLabels', value: yLabels },
    ],
    data: [
      { name: 'points', values: points },
      { name: 'rules', values: rules },
    ],
    scales: [
      { name: 'x', type: 'utc', domain: xDomain, range: 'width' },
      // The legend's keys: what each line is, drawn as the chart draws it.
      {
        name: 'key',
        type: 'ordinal',
        domain: keys.map((k) => k.label),
        range: keys.map((k) => k.color),
      },
      {
        name: 'keyDash',
        type: 'ordinal',
        domain: keys.map((k) => k.label),
        range: keys.map((k) => k.dash),
      },
      {
        name: 'y',
        type: 'linear',
        domain: [yTicks[0] ?? 0, yTicks.at(-1) ?? 1],
        range: 'height',
        zero: false,
        nice: false,
      },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        values: xTicks,
        // Vega's own time formats are English: the labels are calc's, keyed by tick value.
        encode: { labels: { update: { text: { signal: 'xLabels[+datum.value + ""]' } } } },
        labelOverlap: true,
        ...axis,
      },
      {
        orient: 'left',
        scale: 'y',
        values: yTicks,
        encode: { labels: { update: { text: { signal: 'yLabels[+datum.value + ""]' } } } },
        grid: true,
        gridColor: '#edf0f4',
        ...axis,
      },
    ],
    legends: [
      {
        stroke: 'key',
        strokeDash: 'keyDash',
        orient: 'top',
        direction: 'horizontal',
        symbolType: 'stroke',
        symbolSize: 120,
        symbolStrokeWidth: 1.5,
        labelFont: 'DejaVu Sans',
        labelFontSize: 8,
        labelColor: '#5b6675',
        columnPadding: 10,
        padding: 0,
        offset: 4,
      },
    ],
    marks: [
      {
        type: 'rule',
        from: { data: 'rules' },
        encode: {
          enter: {
            x: { value: 0 },
            x2: { signal: 'width' },
            y: { scale: 'y', field: 'y' },
            stroke: { signal: "datum.kind === 'target' ? '#1a7f43' : '#5b6675'" },
            strokeDash: { signal: "datum.kind === 'target' ? [4, 3] : [2, 3]" },
            strokeWidth: { value: 1 },
          },
        },
      },
      {
        type: 'line',
        from: { data: 'points' },
        encode: {
          enter: {
            x: { scale: 'x', field: 't' },
            y: { scale: 'y', field: 'v' },
            stroke: { value: '#2155c4' },
            strokeWidth: { value: 2 },
          },
        },
      },
      {
        type: 'symbol',
        from: { data: 'points' },
        encode: {
          enter: {
            x: { scale: 'x', field: 't' },
            y: { scale: 'y', field: 'v' },
            size: { value: 14 },
            fill: { value: '#2155c4' },
          },
        },
      },
    ],
  };
}

/**
 * The trend of one metric as an SVG string (measurements, dashed target, dotted baseline, and a
 * legend naming them), or
 * null when there is nothing to draw. Vega renders it headless, so it works in Node.
 *
 * @example
 * const svg = await trendChartSvg(metrics.trends[0], { width: 220, height: 90, locale: 'en-US' });
 */
export async function trendChartSvg(
  t: ProgressTrend,
  o: TrendChartOptions,
): Promise<string | null> {
  if (t.points.length === 0) return null;
  const view = new View(parse(trendSpec(t, o)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
