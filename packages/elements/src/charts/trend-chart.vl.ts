import type { TopLevelSpec } from 'vega-lite';

// The trend chart as vega-lite: scripts/generate-charts.ts compiles it to vega at build time
// (charts/generated/trend-chart.vega.ts), so no vega-lite compiler reaches the browser. Every
// data source is named and filled when the chart is drawn (trendSpec), every colour, font and
// domain is a param set then: ticks, thinning and label placement are computed once, in
// trend-model.ts, for the dashboard and the reports alike. No vega-lite axes or legends: the
// ticks arrive formatted in the chart's locale, and the legend is the element's HTML.
// Points are opaque (vega-lite's point mark is 0.7 by default). Rules run left to right (x 0, x2 the width). `series-line` is the template of one series' line: trendSpec draws it once per series.

const scale = (domain: string) => ({ domain: { expr: domain }, zero: false, nice: false });
const x = { field: 'x', type: 'quantitative', axis: null, scale: scale('xDomain') } as const;
const y = { field: 'y', type: 'quantitative', axis: null, scale: scale('yDomain') } as const;
const yTick = { ...y, field: 'v' } as const;
const xTick = { ...x, field: 'v' } as const;
const label = {
  dx: { expr: 'datum.dx' },
  dy: { expr: 'datum.dy' },
  align: { expr: 'datum.align' },
  baseline: { expr: 'datum.baseline' },
  font: { expr: 'font' },
  fontSize: { expr: 'fontSize' },
  fontWeight: 600,
} as const;

/** The trend chart's vega-lite spec (data and params are placeholders filled at draw time). */
export const trendChartSpec: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 400,
  height: 200,
  autosize: { type: 'none' },
  params: [
    { name: 'xDomain', value: [0, 1] },
    { name: 'yDomain', value: [0, 1] },
    { name: 'gridColor', value: '#d0d7de' },
    { name: 'mutedColor', value: '#57606a' },
    { name: 'paceColor', value: '#57606a' },
    { name: 'surfaceColor', value: '#ffffff' },
    { name: 'font', value: 'sans-serif' },
    { name: 'fontSize', value: 12 },
  ],
  config: { aria: false, view: { stroke: null }, mark: { invalid: 'show' } },
  layer: [
    {
      name: 'y-grid',
      data: { name: 'yticks', format: { parse: null } },
      mark: { type: 'rule', stroke: { expr: 'gridColor' }, strokeWidth: 1 },
      encoding: { x: { value: 0 }, x2: { value: 'width' }, y: yTick },
    },
    {
      name: 'y-labels',
      data: { name: 'yticks', format: { parse: null } },
      mark: {
        type: 'text',
        align: 'right',
        baseline: 'middle',
        fill: { expr: 'mutedColor' },
        font: { expr: 'font' },
        fontSize: { expr: 'fontSize' },
      },
      encoding: { x: { value: -6 }, y: yTick, text: { field: 'l' } },
    },
    {
      name: 'x-axis',
      data: { values: [{}] },
      mark: { type: 'rule', stroke: { expr: 'mutedColor' }, strokeWidth: 1 },
      encoding: { x: { value: 0 }, x2: { value: 'width' }, y: { value: 'height' } },
    },
    {
      name: 'x-labels',
      data: { name: 'xticks', format: { parse: null } },
      mark: {
        type: 'text',
        align: 'center',
        baseline: 'top',
        yOffset: 6,
        fill: { expr: 'mutedColor' },
        font: { expr: 'font' },
        fontSize: { expr: 'fontSize' },
      },
      encoding: { x: xTick, y: { value: 'height' }, text: { field: 'l' } },
    },
    {
      name: 'ref-lines',
      data: { name: 'refs', format: { parse: null } },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        x: { value: 0 },
        x2: { value: 'width' },
        y,
        stroke: { value: { expr: 'datum.color' } },
        strokeDash: { value: { expr: 'datum.dash' } },
      },
    },
    {
      name: 'pace-line',
      data: { name: 'pace', format: { parse: null } },
      mark: {
        type: 'line',
        stroke: { expr: 'paceColor' },
        strokeWidth: 1.5,
        strokeDash: [5, 4],
        strokeCap: 'round',
        strokeJoin: 'round',
      },
      encoding: { x, y },
    },
    {
      name: 'series-line',
      data: { name: 'series', format: { parse: null } },
      mark: { type: 'line', strokeWidth: 2, strokeCap: 'round', strokeJoin: 'round' },
      encoding: { x, y, stroke: { value: { expr: 'datum.color' } } },
    },
    {
      name: 'point-dots',
      data: { name: 'dots', format: { parse: null } },
      mark: { type: 'point', filled: true, opacity: 1, size: 30 },
      encoding: {
        x,
        y,
        fill: { value: { expr: 'datum.color' } },
        stroke: { value: { expr: 'datum.color' } },
      },
    },
    {
      name: 'forecast-markers',
      data: { name: 'markers', format: { parse: null } },
      mark: {
        type: 'point',
        filled: true,
        opacity: 1,
        size: 90,
        stroke: { expr: 'surfaceColor' },
        strokeWidth: 1.5,
      },
      encoding: {
        x,
        y,
        shape: { value: { expr: 'datum.shape' } },
        fill: { value: { expr: 'datum.color' } },
      },
    },
    {
      name: 'plot-label-halos',
      data: { name: 'labels', format: { parse: null } },
      mark: {
        type: 'text',
        ...label,
        fill: { expr: 'surfaceColor' },
        stroke: { expr: 'surfaceColor' },
        strokeWidth: 4,
        strokeJoin: 'round',
      },
      encoding: { x, y, text: { field: 'text' } },
    },
    {
      name: 'plot-labels',
      data: { name: 'labels', format: { parse: null } },
      mark: { type: 'text', ...label },
      encoding: { x, y, text: { field: 'text' }, fill: { value: { expr: 'datum.color' } } },
    },
  ],
};
