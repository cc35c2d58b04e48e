/**
 * Every UI string of `<success-trend-chart>`, in one table as the other elements keep theirs
 * (STATE_TEXT, KPIS_TEXT): one place to translate. `{name}` marks a value filled in by fillText.
 */
export const TREND_TEXT = {
  label: 'Progress over time',
  loading: 'Loading chart…',
  noMeasurements: 'No measurements recorded yet.',
  loadFailed: 'The chart could not be loaded.',
  drawFailed: 'The chart could not be drawn.',
  notDrawn: 'Not drawn: {names}.',
  progressUnit: '% of target',
  plotLabel: '{label}. Use the left and right arrow keys to read values by date.',
  legend: 'Legend',
  target: 'Target',
  targetKey: 'Target (dashed line)',
  baselineKey: 'Baseline (dotted line)',
  paceKey: 'Expected pace (grey dashed line)',
  forecastKey: 'Forecast: date the trend reaches its target',
  forecastFor: 'Forecast for {name}: {date}',
  forecastSubject: 'the forecast for {name}',
  showTable: 'Show data table',
  hideTable: 'Hide data table',
  date: 'Date',
  downloads: 'Download the chart',
  downloadSvg: 'Download SVG',
  downloadPng: 'Download PNG',
  downloadFailed: 'The image could not be made.',
  fileName: 'chart',
  // The text description (charts/summary.ts).
  progressNote: 'Progress toward each target: 0% is the baseline, 100% the target.',
  valueOn: '{value} on {date}',
  seriesOne: '{name}: {from}.',
  seriesFromTo: '{name}: {from}, now {value} on {date}.',
  targetIs: 'Target {value}.',
  forecastIs: 'Forecast to reach target: {date}.',
} as const;
