import type { Translation } from '../catalogue.js';

/**
 * calc's shared words in Deutsch (de-DE): statuses, bands, segments and the executive summary
 * (the derivation texts are apart, in `./explain-de-DE`).
 * The elements' and the reports' own translations for de-DE build on this one.
 *
 * @example
 * import { registerTranslation, vocabulary } from '@cscx/success-calc/i18n';
 * import { deDE } from '@cscx/success-calc/locales/de-DE';
 * registerTranslation(deDE);
 * vocabulary('de-DE').goalStatus('on_track'); // 'Im Plan'
 */
export const deDE: Translation = {
  locale: 'de-DE',
  name: 'Deutsch',
  messages: {
    'calc.status': {
      not_started: 'Nicht begonnen',
      on_track: 'Im Plan',
      at_risk: 'Gefährdet',
      achieved: 'Erreicht',
      exceeded: 'Übertroffen',
      missed: 'Verfehlt',
      not_met: 'Nicht erfüllt',
      planned: 'Geplant',
      no_data: 'Keine Daten',
    },
    'calc.band': {
      strong: 'Stark',
      moderate: 'Mittel',
      weak: 'Schwach',
    },
    'calc.health-band': {
      excellent: 'Ausgezeichnet',
      good: 'Gut',
      at_risk: 'Gefährdet',
      critical: 'Kritisch',
    },
    'calc.segment': {
      enterprise: 'Enterprise',
      mid_market: 'Mittelstand',
      smb: 'KMU',
    },
    'calc.summary': {
      periodAll: 'Gesamter Zeitraum',
      onTrackFigure: '{done} von {total}',
      onTrackWords: 'Zielen im Plan oder übertroffen',
      valueWords: 'geschätzter jährlicher Mehrwert erbracht',
      atRiskWords: { one: 'Ziel gefährdet', other: 'Ziele gefährdet' },
    },
    'calc.recommendation': {
      team_training: 'Schulung für das Team planen',
      automation_opportunities: 'Automatisierungsmöglichkeiten ermitteln',
      quick_win_automations: '3 schnell umsetzbare Automatisierungen einführen',
      data_validation_training: 'Schulung zur Datenvalidierung planen',
      detractor_feedback: 'Feedback der Kritiker mit dem Kunden durchgehen',
      expansion_pipeline: 'Die Expansions-Pipeline mit dem Account-Team durchgehen',
      cost_drivers: 'Kostentreiber mit dem Kunden durchgehen',
      process_bottlenecks: 'Prozessengpässe mit dem Kunden erfassen',
      owner_review: 'Zurückliegende Kennzahlen mit dem Zielverantwortlichen durchgehen',
      target_timeline: 'Zielwert und Zeitplan mit dem Kunden überprüfen',
      record_values: 'Aktuelle Werte für Kennzahlen ohne Daten erfassen',
      lagging: '{metric} bei {percent} % des Zielwerts',
      laggingNoPercent: '{metric} liegt zurück',
      noValue: '{metric} hat keinen aktuellen Wert',
      atRisk: '{goal} ist gefährdet',
      missed: '{goal} hat das Zieldatum verfehlt',
      metricN: 'Kennzahl {n}',
      theGoal: 'Das Ziel',
      separator: '; ',
    },
  },
};
