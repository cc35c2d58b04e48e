import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  type MessageTable,
  registerTranslation,
  untranslatedKeys,
} from './catalogue.js';
import { deDE } from './locales/de-DE.js';
import { esES } from './locales/es-ES.js';
import { frFR } from './locales/fr-FR.js';
import { jaJP } from './locales/ja-JP.js';
import {
  atRiskSummaryLine,
  goalStatusText,
  metricStatusText,
  onTrackSummaryLine,
  periodText,
  segmentText,
  valueSummaryLine,
} from './status-text.js';
import {
  BAND_MESSAGES,
  HEALTH_BAND_MESSAGES,
  SEGMENT_MESSAGES,
  STATUS_MESSAGES,
  SUMMARY_MESSAGES,
  vocabulary,
} from './vocabulary.js';

const SHIPPED = [deDE, frFR, esES, jaJP];
const TABLES: readonly MessageTable<Catalogue>[] = [
  STATUS_MESSAGES,
  BAND_MESSAGES,
  HEALTH_BAND_MESSAGES,
  SEGMENT_MESSAGES,
  SUMMARY_MESSAGES,
];

describe('the shared vocabulary', () => {
  it("reads in English exactly as the main entry's English functions", () => {
    const en = vocabulary();
    expect(en.goalStatus('achieved', true)).toBe(goalStatusText('achieved', true));
    expect(en.goalStatus('at_risk')).toBe(goalStatusText('at_risk'));
    expect(en.metricStatus('exceeding', 100)).toBe(metricStatusText('exceeding', 100));
    expect(en.metricStatus(null)).toBe(metricStatusText(null));
    expect(en.segment('mid_market')).toBe(segmentText('mid_market'));
    expect(en.period('all')).toBe(periodText('all'));
    expect(en.onTrackLine(4, 5)).toEqual(onTrackSummaryLine(4, 5));
    expect(en.valueLine(245_000, 'USD')).toEqual(valueSummaryLine(245_000, 'USD'));
    expect(en.atRiskLine(1)).toEqual(atRiskSummaryLine(1));
    expect(en.atRiskLine(2)).toEqual(atRiskSummaryLine(2));
  });

  it('ships every shared word in de-DE, fr-FR, es-ES and ja-JP, and no key English lacks', () => {
    registerTranslation(...SHIPPED);
    for (const t of SHIPPED) {
      for (const table of TABLES) {
        expect(untranslatedKeys(table, t.locale), `${t.locale} ${table.domain}`).toEqual([]);
        const extra = Object.keys(t.messages[table.domain] ?? {}).filter((k) => !(k in table.en));
        expect(extra, `${t.locale} ${table.domain}`).toEqual([]);
      }
      for (const domain of Object.keys(t.messages)) {
        expect(TABLES.map((x) => x.domain)).toContain(domain);
      }
    }
  });

  it('speaks the locale asked for, with its numbers, plural forms and word order', () => {
    registerTranslation(...SHIPPED);
    const de = vocabulary('de-DE');
    expect(de.goalStatus('at_risk')).toBe('Gefährdet');
    expect(de.goalStatus('achieved', true)).toBe('Übertroffen');
    expect(de.healthBand('critical')).toBe('Kritisch');
    expect(de.onTrackLine(4, 5)).toEqual({
      figure: '4 von 5',
      words: 'Zielen im Plan oder übertroffen',
    });
    expect(de.atRiskLine(1).words).toBe('Ziel gefährdet');
    expect(de.atRiskLine(3).words).toBe('Ziele gefährdet');
    expect(de.valueLine(245_000, 'USD').figure.replace(/\s/g, ' ')).toBe('245.000 $');
    expect(vocabulary('fr-FR').atRiskLine(0).words).toBe('objectif à risque');
    expect(vocabulary('ja-JP').onTrackLine(4, 5).figure).toBe('5件中4件');
    expect(vocabulary('es-ES').status('no_data')).toBe('Sin datos');
    expect(vocabulary('es-ES').status('unknown_name')).toBe('unknown_name');
  });
});
