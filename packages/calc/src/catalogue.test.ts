import { describe, expect, it } from 'vitest';
import {
  defineMessages,
  fillText,
  messagesFor,
  PSEUDO_LOCALE,
  pseudoText,
  registerTranslation,
  textDirection,
  untranslatedKeys,
} from './catalogue.js';

const TABLE = defineMessages('test.i18n', {
  loading: 'Loading…',
  at: 'Cannot reach {server}.',
  goals: { one: '{count} goal', other: '{count} goals' },
});

// Registrations are global: each test registers under locales of its own.
describe('the message catalogue', () => {
  it('reads English when nothing is registered, and for any English locale', () => {
    expect(messagesFor(TABLE).loading).toBe('Loading…');
    expect(messagesFor(TABLE, 'en-GB').loading).toBe('Loading…');
    expect(messagesFor(TABLE, 'sv-SE').loading).toBe('Loading…');
  });

  it('translates key by key, falls back to English for a missing key, and follows de-AT to de-DE', () => {
    registerTranslation({
      locale: 'de-DE',
      name: 'Deutsch',
      messages: { 'test.i18n': { loading: 'Wird geladen…' } },
    });
    expect(messagesFor(TABLE, 'de-DE').loading).toBe('Wird geladen…');
    expect(messagesFor(TABLE, 'de-DE').at).toBe('Cannot reach {server}.');
    expect(messagesFor(TABLE, 'de-AT').loading).toBe('Wird geladen…');
    expect(untranslatedKeys(TABLE, 'de-DE')).toEqual(['at', 'goals']);
  });

  it('lets a later registration win and forgets what it had resolved before', () => {
    registerTranslation({
      locale: 'fr-FR',
      name: 'Français',
      messages: { 'test.i18n': { loading: 'A' } },
    });
    expect(messagesFor(TABLE, 'fr-FR').loading).toBe('A');
    registerTranslation({
      locale: 'fr-FR',
      name: 'Français',
      messages: { 'test.i18n': { at: 'B {server}' } },
    });
    expect(messagesFor(TABLE, 'fr-FR').loading).toBe('A');
    expect(messagesFor(TABLE, 'fr-FR').at).toBe('B {server}');
  });

  it("fills places and picks plural forms by the locale's rules", () => {
    expect(fillText(TABLE.en.at, { server: 'x.example' })).toBe('Cannot reach x.example.');
    expect(fillText(TABLE.en.goals, { count: 1 }, 'en-US')).toBe('1 goal');
    expect(fillText(TABLE.en.goals, { count: 0 }, 'en-US')).toBe('0 goals');
    // French counts 0 as singular.
    expect(
      fillText({ one: '{count} objectif', other: '{count} objectifs' }, { count: 0 }, 'fr-FR'),
    ).toBe('0 objectif');
    expect(fillText('{missing} stays', {})).toBe('{missing} stays');
  });

  it('gives the pseudo-locale every message accented and bracketed, with places intact', () => {
    const T = messagesFor(TABLE, PSEUDO_LOCALE);
    expect(T.loading).toBe('⟦Ļöåđîñĝ…⟧');
    expect(fillText(T.at, { server: 'x' })).toBe('⟦Çåññöţ ŕéåçĥ x.⟧');
    expect(fillText(T.goals, { count: 2 }, PSEUDO_LOCALE)).toBe('⟦2 ĝöåļš⟧');
    expect(pseudoText('')).toBe('');
  });

  it('knows right-to-left languages, and a translation can say its direction', () => {
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('de-DE')).toBe('ltr');
    expect(textDirection(undefined)).toBe('ltr');
    registerTranslation({ locale: 'x-rtl', name: 'Test', dir: 'rtl', messages: {} });
    expect(textDirection('x-rtl')).toBe('rtl');
  });
});
