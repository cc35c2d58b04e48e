/**
 * The strings of the drawn trend chart (legend, buttons, labels, the text description), in the
 * figure's lazy chunk; the element's own are TREND_TEXT in trend-text.ts. Also the words of
 * charts/summary.ts. `{name}` marks a value filled in by fillText.
 */
import { defineMessages, messagesFor } from '@cscx/success-calc/i18n';
import { currentLocale, localized } from '../localize.js';

/** The drawn chart's messages, domain `elements.trend-view`. */
export const TREND_VIEW_MESSAGES = defineMessages('elements.trend-view', {
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
});
/** {@link TREND_VIEW_MESSAGES} in the locale of the element being rendered. */
export const TREND_VIEW_TEXT = localized(TREND_VIEW_MESSAGES);

/**
 * The drawn chart's messages as one object, a new one whenever its words change (the locale, or a
 * language that arrived after the first render): a `guard` key for text cached across renders.
 *
 * @example
 * guard([prepared, this.host.fmt, trendViewWords()], () => describeTrends(prepared, this.host.fmt));
 */
export function trendViewWords(): object {
  return messagesFor(TREND_VIEW_MESSAGES, currentLocale());
}
