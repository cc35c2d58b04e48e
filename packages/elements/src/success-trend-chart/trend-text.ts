/**
 * The UI strings of `<success-trend-chart>`, as tables the way the other elements keep theirs
 * (STATE_TEXT, KPIS_TEXT): what to translate. `{name}` marks a value filled in by fillText.
 * TREND_TEXT is what the element itself shows (its loading, empty and error states, the
 * forecasts' disclosures); TREND_VIEW_TEXT the drawn figure's, which arrives with the figure.
 */
import { defineMessages } from '@cscx/success-calc/i18n';
import { localized } from '../localize.js';

/** The trend chart element's own messages, domain `elements.trend`. */
export const TREND_MESSAGES = defineMessages('elements.trend', {
  label: 'Progress over time',
  loading: 'Loading chart…',
  noMeasurements: 'No measurements recorded yet.',
  loadFailed: 'The chart could not be loaded.',
  forecastFor: 'Forecast for {name}: {date}',
  forecastSubject: 'the forecast for {name}',
});
/** {@link TREND_MESSAGES} in the locale of the element being rendered. */
export const TREND_TEXT = localized(TREND_MESSAGES);
