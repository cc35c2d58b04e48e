/**
 * The kit's message catalogue, shared by the elements and the reports: every UI string is
 * defined once in English next to the code that shows it (a {@link MessageTable}), and
 * translations are plain modules registered with {@link registerTranslation}. Lookups always name
 * their locale, so a server can render a German and a Japanese report at the same time and two
 * elements on one page can speak two languages (why not @lit/localize: its locale is one global
 * per page, set by `setLocale`).
 *
 * Modelled on Shoelace's localize utility: translations as plain objects, a fallback chain
 * (`de-AT` → `de` → English), and the text direction carried by the translation.
 */

/**
 * One message: a sentence with `{name}` places ({@link fillText} fills them), or plural forms
 * chosen by the `count` value with `Intl.PluralRules` (`other` is required).
 */
export type Message =
  | string
  | Readonly<{ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>>;

/** The English messages of one domain, keyed by name. */
export type Catalogue = Readonly<Record<string, Message>>;

/** A domain's English messages and its name in translations ({@link defineMessages}). */
export interface MessageTable<T extends Catalogue> {
  /** The domain's name, unique across the kit, e.g. `'state'` or `'report.deck'`. */
  readonly domain: string;
  /** The English messages: the source text and the fallback of every other locale. */
  readonly en: T;
}

/**
 * A domain's messages as {@link messagesFor} gives them: the keys of the English table, each a
 * string (or plural forms) in whatever language was asked for, so code never compares against
 * the English literal.
 */
export type Localized<T extends Catalogue> = {
  readonly [K in keyof T]: T[K] extends string ? string : Exclude<Message, string>;
};

/** A domain's messages in one language; a missing key falls back to English. */
export type TranslatedMessages<T extends Catalogue> = { readonly [K in keyof T]?: Message };

/** A translation: one locale's messages for any number of domains. */
export interface Translation {
  /** BCP 47 tag this translation is for, e.g. `'de-DE'`; `'de'` serves every German locale. */
  readonly locale: string;
  /** The language's own name, e.g. `'Deutsch'`. */
  readonly name: string;
  /** Text direction; default from the language ({@link textDirection}). */
  readonly dir?: 'ltr' | 'rtl';
  /** Messages by domain, then by key. */
  readonly messages: Readonly<Record<string, Readonly<Record<string, Message>>>>;
}

/**
 * The pseudo-locale: every English message with its letters accented and wrapped in `⟦…⟧`, so a
 * test that switches to it sees at once any string the catalogue does not carry.
 */
export const PSEUDO_LOCALE = 'en-XA';

const translations = new Map<string, Translation>();
const resolved = new Map<string, Catalogue>();

/**
 * A domain's English messages, to translate with {@link messagesFor}.
 *
 * @example
 * const STATE = defineMessages('state', { loading: 'Loading success metrics…' });
 * messagesFor(STATE, 'de-DE').loading; // 'Erfolgskennzahlen werden geladen…' once registered
 */
export function defineMessages<const T extends Catalogue>(domain: string, en: T): MessageTable<T> {
  return Object.freeze({ domain, en });
}

/**
 * Registers translations (later ones win key by key over earlier ones for the same locale).
 *
 * @example
 * import { deDE } from '@cscx/success-calc/i18n/de-DE';
 * registerTranslation(deDE);
 */
export function registerTranslation(...list: readonly Translation[]): void {
  for (const t of list) {
    const key = t.locale.toLowerCase();
    const before = translations.get(key);
    if (before) {
      const messages: Record<string, Readonly<Record<string, Message>>> = { ...before.messages };
      for (const [domain, m] of Object.entries(t.messages)) {
        messages[domain] = { ...messages[domain], ...m };
      }
      translations.set(key, { ...before, ...t, messages });
    } else {
      translations.set(key, t);
    }
  }
  resolved.clear();
}

/** The registered translations that serve `locale`, most specific first (`de-AT` → `de`). */
function chain(locale: string): Translation[] {
  const tag = locale.toLowerCase();
  const language = tag.split('-')[0] ?? tag;
  const found: Translation[] = [];
  const exact = translations.get(tag);
  if (exact) found.push(exact);
  const base = translations.get(language);
  if (base && base !== exact) found.push(base);
  // `de-AT` with only `de-DE` registered still reads German: any translation of the language.
  if (found.length === 0) {
    for (const [key, t] of translations) {
      if (key.split('-')[0] === language) {
        found.push(t);
        break;
      }
    }
  }
  return found;
}

/** Whether `locale` is English (or unset): no lookup needed. */
function isEnglish(locale: string | undefined): boolean {
  return !locale || /^en(-|$)/i.test(locale);
}

/**
 * A domain's messages in `locale`: each key translated where a registered translation has it,
 * English where not. Memoised per domain and locale; the pseudo-locale transforms English.
 *
 * @example
 * const T = messagesFor(STATE, 'fr-FR');
 * T.loading; // French once `frFR` is registered, English before
 */
export function messagesFor<T extends Catalogue>(
  table: MessageTable<T>,
  locale?: string,
): Localized<T> {
  if (locale === PSEUDO_LOCALE) return pseudoTable(table);
  if (isEnglish(locale) || locale === undefined) return table.en as Localized<T>;
  const cacheKey = `${table.domain}\u0000${locale.toLowerCase()}`;
  const hit = resolved.get(cacheKey);
  if (hit) return hit as Localized<T>;
  const layers = chain(locale)
    .map((t) => t.messages[table.domain])
    .filter((m): m is Readonly<Record<string, Message>> => m !== undefined);
  let out: Catalogue = table.en;
  if (layers.length > 0) {
    const merged: Record<string, Message> = {};
    for (const key of Object.keys(table.en)) {
      const english = table.en[key] as Message;
      merged[key] = layers.find((m) => m[key] !== undefined)?.[key] ?? english;
    }
    out = Object.freeze(merged);
  }
  resolved.set(cacheKey, out);
  return out as Localized<T>;
}

/**
 * The keys of a domain that `locale`'s registered translations leave in English: for a test
 * that every shipped language is complete.
 *
 * @example
 * untranslatedKeys(STATE, 'ja-JP'); // [] when the Japanese catalogue is whole
 */
export function untranslatedKeys<T extends Catalogue>(
  table: MessageTable<T>,
  locale: string,
): (keyof T & string)[] {
  const layers = chain(locale).map((t) => t.messages[table.domain] ?? {});
  return Object.keys(table.en).filter((key) => !layers.some((m) => m[key] !== undefined));
}

const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'ks',
  'ps',
  'sd',
  'ug',
  'ur',
  'yi',
]);

/**
 * The text direction of `locale`: the registered translation's `dir`, else right-to-left for
 * the languages written that way (Arabic, Hebrew, Persian, Urdu and the like).
 *
 * @example
 * textDirection('ar-EG'); // 'rtl'
 * textDirection('de-DE'); // 'ltr'
 */
export function textDirection(locale: string | undefined): 'ltr' | 'rtl' {
  if (!locale) return 'ltr';
  const dir = chain(locale).find((t) => t.dir)?.dir;
  if (dir) return dir;
  return RTL_LANGUAGES.has(locale.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr';
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralForm(locale: string | undefined, count: number): Intl.LDMLPluralRule {
  const tag = locale && locale !== PSEUDO_LOCALE ? locale : 'en';
  let rules = pluralRules.get(tag);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(tag);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    pluralRules.set(tag, rules);
  }
  return rules.select(count);
}

/**
 * A message with its `{name}` places filled: the sentence stays whole (one string to translate,
 * its words in the order a language needs) and values are inserted as given. A plural message
 * picks its form by `values.count` in `locale`'s plural rules.
 *
 * @example
 * fillText('Cannot reach the server at {server}.', { server: 'https://api.example.com' });
 * // 'Cannot reach the server at https://api.example.com.'
 * fillText({ one: '{count} goal', other: '{count} goals' }, { count: 3 }); // '3 goals'
 */
export function fillText(
  message: Message,
  values: Readonly<Record<string, string | number>> = {},
  locale?: string,
): string {
  let template: string;
  if (typeof message === 'string') {
    template = message;
  } else {
    const count = Number(values.count);
    const form = Number.isFinite(count) ? pluralForm(locale, count) : 'other';
    template = message[form] ?? message.other;
  }
  return template.replace(/\{(\w+)\}/g, (place, name: string) =>
    name in values ? String(values[name]) : place,
  );
}

const PSEUDO_MAP: Readonly<Record<string, string>> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'đ',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  C: 'Ç',
  D: 'Đ',
  E: 'É',
  G: 'Ĝ',
  I: 'Î',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ö',
  S: 'Š',
  U: 'Û',
  Y: 'Ý',
};

/** English text accented and bracketed, `{places}` kept as they are. */
export function pseudoText(text: string): string {
  const body = text
    .split(/(\{\w+\})/)
    .map((part) =>
      /^\{\w+\}$/.test(part) ? part : part.replace(/[A-Za-z]/g, (c) => PSEUDO_MAP[c] ?? c),
    )
    .join('');
  return text === '' ? text : `⟦${body}⟧`;
}

function pseudoTable<T extends Catalogue>(table: MessageTable<T>): Localized<T> {
  const cacheKey = `${table.domain}\u0000${PSEUDO_LOCALE}`;
  const hit = resolved.get(cacheKey);
  if (hit) return hit as Localized<T>;
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(table.en)) {
    out[key] =
      typeof message === 'string'
        ? pseudoText(message)
        : (Object.fromEntries(
            Object.entries(message).map(([form, text]) => [form, pseudoText(text as string)]),
          ) as Message);
  }
  const frozen = Object.freeze(out) as Localized<T>;
  resolved.set(cacheKey, frozen);
  return frozen;
}
