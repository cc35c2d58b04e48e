import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Catalogue,
  type Message,
  type MessageTable,
  PSEUDO_LOCALE,
  registerTranslation,
  untranslatedKeys,
} from './catalogue.js';
import {
  EXPLAIN_MESSAGES,
  explainAchievementRate,
  explainBenchmark,
  explainCount,
  explainGoalStatus,
  explainMetricProgress,
  explainRoi,
  FAILURE_MESSAGES,
  FORMULA_MESSAGES,
  FORMULAS,
  type FormulaId,
  failureText,
  formulaWords,
} from './explain.js';
import { explainKpi } from './explain-kpi.js';
import { explainDeDE } from './locales/explain-de-DE.js';
import { explainEsES } from './locales/explain-es-ES.js';
import { explainFrFR } from './locales/explain-fr-FR.js';
import { explainJaJP } from './locales/explain-ja-JP.js';

const SHIPPED = [explainDeDE, explainFrFR, explainEsES, explainJaJP];
const TABLES: readonly MessageTable<Catalogue>[] = [
  EXPLAIN_MESSAGES,
  FAILURE_MESSAGES,
  FORMULA_MESSAGES,
];

/** The `{places}` of a message, over all its plural forms. */
const places = (m: Message | undefined) =>
  [...new Set([...JSON.stringify(m ?? '').matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
/** The numbers a formula's words state (thresholds, weights, scales), in order of size. */
const numbers = (m: Message | undefined) =>
  (JSON.stringify(m ?? '').match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);

describe('the derivation texts in every shipped language', () => {
  registerTranslation(...SHIPPED);

  it('has every explanation and formula message in de-DE, fr-FR, es-ES and ja-JP, and none English lacks', () => {
    for (const t of SHIPPED) {
      for (const table of TABLES) {
        expect(untranslatedKeys(table, t.locale), `${t.locale} ${table.domain}`).toEqual([]);
        const extra = Object.keys(t.messages[table.domain] ?? {}).filter((k) => !(k in table.en));
        expect(extra, `${t.locale} ${table.domain}`).toEqual([]);
      }
    }
    // The derivation texts only: the shared words are the locale's main module (./de-DE).
    for (const t of SHIPPED) {
      expect(Object.keys(t.messages).sort(), t.locale).toEqual([
        'calc.explain',
        'calc.failure',
        'calc.formula',
      ]);
    }
    // Every formula id of the registry is a message.
    expect(Object.keys(FORMULA_MESSAGES.en).sort()).toEqual(Object.keys(FORMULAS).sort());
  });

  it('keeps the places of each English message, and the numbers of each formula', () => {
    const problems: string[] = [];
    for (const t of SHIPPED) {
      for (const table of TABLES) {
        const mine = t.messages[table.domain] ?? {};
        for (const [key, english] of Object.entries(table.en)) {
          if (places(mine[key]).join() !== places(english).join())
            problems.push(`${t.locale} ${table.domain}.${key}: {${places(mine[key])}}`);
          if (
            table.domain === FORMULA_MESSAGES.domain &&
            numbers(mine[key]).join() !== numbers(english).join()
          )
            problems.push(`${t.locale} formula ${key}: ${numbers(mine[key])}`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('fills every message in every language: no place is left unfilled, no English word left', () => {
    const ids = Object.keys(FORMULAS) as FormulaId[];
    for (const t of SHIPPED) {
      for (const id of ids) {
        expect(formulaWords(id, t.locale)).not.toBe(FORMULAS[id].words);
      }
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED.map((t) => t.locale)),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        (locale, achieved, extra) => {
          const goals = achieved + extra;
          const texts = [
            explainAchievementRate(achieved, goals, undefined, locale).text,
            explainCount(
              Array.from({ length: goals }, (_, i) => (i < achieved ? 'achieved' : 'at_risk')),
              ['achieved'],
              undefined,
              locale,
            ).text,
            explainBenchmark(
              achieved,
              Array.from({ length: goals }, (_, i) => i),
              'percentile',
              undefined,
              locale,
            ).text,
          ];
          for (const text of texts) {
            expect(text).not.toMatch(/\{\w+\}/);
            expect(text).not.toMatch(/\b(goals?|peers?|below|ties?|of|are|is)\b/);
          }
        },
      ),
    );
  });

  it('writes German with German words and German numbers', () => {
    expect(explainAchievementRate(2, 3, undefined, 'de-DE').text).toBe('2 / 3 × 100 = 66,67 %');
    expect(explainAchievementRate(0, 0, undefined, 'de-DE').text).toBe(
      'Keine Ziele: keine Zielerreichungsquote.',
    );
    expect(
      explainCount(['achieved', 'at_risk', 'achieved'], ['achieved'], undefined, 'de-DE').text,
    ).toBe('2 von 3 Zielen sind erreicht');
    expect(
      explainRoi(285000, 68000, 'USD', 'multiplier', undefined, 'de-DE').text.replace(/\s/g, ' '),
    ).toBe('285.000 $ / 68.000 $ = 4,19 (angezeigt 4,2x)');
    expect(
      explainGoalStatus({ percent: 50 }, { asOf: '2026-04-01' }, 'status', undefined, 'de-DE').text,
    ).toBe('50 % < 75 % (ohne Termine): gefährdet');
    expect(
      explainKpi('monthly_churn', { lost: 3, atStart: 200 }, { locale: 'de-DE' }).derivation.text,
    ).toBe(
      '3 verloren / 200 zu Beginn × 100 = 1,5 %; im Zielbereich (Zielwert 2 %, niedriger ist besser)',
    );
    expect(formulaWords('goal_counts.achievement_rate', 'de-DE')).toBe(
      'Zielerreichungsquote = erreichte Ziele / Ziele × 100.',
    );
    expect(formulaWords('goal_counts.achievement_rate', 'fr-FR')).toBe(
      'Taux de réussite = objectifs atteints / objectifs × 100.',
    );
    expect(
      explainMetricProgress(
        { baseline: 24, target: 12, current: 11.5 },
        undefined,
        undefined,
        'ja-JP',
      ).text,
    ).toBe('(11.5 − 24) / (12 − 24) × 100 = 104.17 %');
    expect(explainAchievementRate(0, 0, undefined, 'ja-JP').text).toBe(
      '目標なし：達成率はありません。',
    );
  });

  it("says why a figure is not computable in the locale, in calc's own English words", () => {
    // Each English failure sentence is calc's message word for word (else it would never match).
    const sources = readdirSync(new URL('.', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.includes('.test') && !f.startsWith('explain'))
      .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
      .join('\n');
    const unquoted = (m: string) => m.replace(/\$\{[^}]+\}/g, '');
    for (const [key, english] of Object.entries(FAILURE_MESSAGES.en)) {
      const found =
        sources.includes(english) ||
        sources.includes(JSON.stringify(english)) ||
        // A sentence calc builds with a choice in it (above/below, a count or one date).
        unquoted(english)
          .split(/above|below|all share one date/)
          .every((part) => sources.includes(part));
      expect(found, key).toBe(true);
    }
    expect(explainRoi(285000, 0, 'USD', 'multiplier', undefined, 'de-DE').text).toBe(
      'Keine Investition erfasst. Hinterlegen Sie die Investition des Kunden, um den ROI zu berechnen.',
    );
    expect(
      explainMetricProgress(
        { baseline: null, target: 12, current: 1 },
        undefined,
        undefined,
        'fr-FR',
      ).text,
    ).toBe('Référence non définie. Impossible de calculer la progression.');
    expect(explainBenchmark(80, [], 'peer_average', undefined, 'ja-JP').text).toBe(
      '比較する同業の値がありません。同じセグメントの同業を追加してください。',
    );
    // A message with values in it stays as calc wrote it.
    expect(failureText('Target must be a finite number, not NaN.', 'de-DE')).toBe(
      'Target must be a finite number, not NaN.',
    );
  });

  it('keeps English as it was, and marks every word in the pseudo-locale', () => {
    expect(explainAchievementRate(0, 0).text).toBe('No goals: no achievement rate.');
    expect(explainAchievementRate(0, 0, undefined, 'en-GB').text).toBe(
      'No goals: no achievement rate.',
    );
    expect(formulaWords('roi.multiplier')).toBe(FORMULAS['roi.multiplier'].words);
    expect(explainAchievementRate(0, 0, undefined, PSEUDO_LOCALE).text).toMatch(/^⟦.*⟧$/);
    expect(formulaWords('roi.multiplier', PSEUDO_LOCALE)).toMatch(/^⟦.*⟧$/);
  });
});
