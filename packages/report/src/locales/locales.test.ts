import { messagesFor, untranslatedKeys } from '@cscx/success-calc/i18n';
import { describe, expect, it } from 'vitest';
import { REPORT_TABLES, SECTION_MESSAGES } from '../messages.js';
import { REPORT_LOCALES, REPORT_TRANSLATIONS, registerReportTranslations } from './index.js';

registerReportTranslations();

/** The `{places}` of a message (every plural form), sorted: a translation keeps them all. */
function places(message: unknown): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message as object);
  return [...new Set(texts.flatMap((t: string) => t.match(/\{\w+\}/g) ?? []))].sort();
}

describe('the report translations', () => {
  it('ships de-DE, fr-FR, es-ES and ja-JP', () => {
    expect([...REPORT_LOCALES].sort()).toEqual(['de-DE', 'es-ES', 'fr-FR', 'ja-JP']);
  });

  for (const t of REPORT_TRANSLATIONS) {
    it(`${t.locale} translates every message of every report domain`, () => {
      const missing = REPORT_TABLES.flatMap((table) =>
        untranslatedKeys(table, t.locale).map((k) => `${table.domain}.${k}`),
      );
      expect(missing).toEqual([]);
    });

    it(`${t.locale} has no domain or key the report does not define`, () => {
      const known = new Map(REPORT_TABLES.map((table) => [table.domain, table.en]));
      const unknown = Object.entries(t.messages).flatMap(([domain, messages]) => {
        const en = known.get(domain);
        if (!en) return [domain];
        return Object.keys(messages)
          .filter((k) => !(k in en))
          .map((k) => `${domain}.${k}`);
      });
      expect(unknown).toEqual([]);
    });

    it(`${t.locale} keeps every {place} of the English message`, () => {
      const wrong = REPORT_TABLES.flatMap((table) =>
        Object.entries(table.en)
          .filter(([k, en]) => {
            const own = t.messages[table.domain]?.[k];
            return own !== undefined && places(own).join() !== places(en).join();
          })
          .map(([k]) => `${table.domain}.${k}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('reads each locale in its own words and English where none is registered', () => {
    expect(messagesFor(SECTION_MESSAGES, 'de-DE').value).toBe('Erzielter Nutzen');
    expect(messagesFor(SECTION_MESSAGES, 'ja-JP').value).toBe('創出価値');
    expect(messagesFor(SECTION_MESSAGES, 'nl-NL').value).toBe('Value delivered');
  });
});
