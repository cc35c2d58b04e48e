import fc from 'fast-check';
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
import { recommendActions } from './recommend.js';
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
  RECOMMENDATION_MESSAGES,
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
  RECOMMENDATION_MESSAGES,
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

  it('says a recommendation in English exactly as the API words it, from its code and causes', () => {
    const en = vocabulary();
    const metric = fc.record({
      name: fc.oneof(fc.constantFrom('System adoption', 'NPS', 'Cost per ticket', ''), fc.string()),
      percent: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null)),
    });
    const goal = fc.record({
      name: fc.oneof(fc.constant(undefined), fc.string()),
      category: fc.constantFrom('efficiency', 'revenue', 'cost', 'adoption', 'custom' as const),
      status: fc.constantFrom('at_risk', 'missed' as const),
      metrics: fc.array(metric, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(goal, (g) => {
        for (const r of recommendActions(g)) {
          expect(en.recommendation(r)).toEqual({ action: r.action, reason: r.reason });
        }
      }),
    );
  });

  it('says a recommendation in the locale asked for, and one it cannot read as the API worded it', () => {
    registerTranslation(...SHIPPED);
    const [missed, training, owner] = recommendActions({
      name: 'Grow usage',
      category: 'custom',
      status: 'missed',
      metrics: [
        { name: 'System adoption', percent: 40.4 },
        { name: '', percent: 10 },
      ],
    });
    expect(vocabulary('fr-FR').recommendation(training!)).toEqual({
      action: 'Planifier une formation de l’équipe',
      reason: 'System adoption à 40 % de la cible',
    });
    expect(vocabulary('de-DE').recommendation(missed!)).toEqual({
      action: 'Zielwert und Zeitplan mit dem Kunden überprüfen',
      reason: 'Grow usage hat das Zieldatum verfehlt',
    });
    const ownerDe = vocabulary('de-DE').recommendation(owner!);
    expect(ownerDe.reason).toBe('Kennzahl 2 bei 10 % des Zielwerts');
    expect(vocabulary('ja-JP').recommendation(owner!).action).toBe(
      '遅れている指標を目標責任者と確認する',
    );
    // From an older server (no code) or a newer one (a code this version lacks): its words.
    const old = { action: 'Call the customer', reason: 'Because' };
    expect(vocabulary('de-DE').recommendation(old)).toEqual(old);
    expect(vocabulary('de-DE').recommendation({ ...old, code: 'new_code', causes: [] })).toEqual(
      old,
    );
  });
});
