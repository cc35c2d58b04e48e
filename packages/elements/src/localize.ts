import {
  type Catalogue,
  type Localized,
  type MessageTable,
  messagesFor,
  PSEUDO_LOCALE,
  registerTranslation as register,
  type Translation,
} from '@cscx/success-calc/i18n';

/**
 * The locale of the element being rendered. Lit renders one element at a time and
 * synchronously (`performUpdate`), so while an element updates, this names its effective
 * locale; the string tables ({@link localized}) and the shared helpers (state notices, status
 * badges, chart summaries) read it instead of each taking a locale argument through every
 * template. Outside an update it is undefined, and the tables read English.
 */
let renderLocale: string | undefined;

/** The locale of the element being rendered, if any (undefined: English). */
export function currentLocale(): string | undefined {
  return renderLocale;
}

/**
 * Runs `fn` with `locale` as the rendering locale: for text made outside an element's update
 * (an event handler, a part drawn after a lazy import) that must speak the element's language.
 *
 * @example
 * const label = inLocale(this.effectiveLocale, () => TEXT.saved);
 */
export function inLocale<R>(locale: string | undefined, fn: () => R): R {
  const before = renderLocale;
  renderLocale = locale;
  try {
    return fn();
  } finally {
    renderLocale = before;
  }
}

/**
 * A message table read in the rendering locale: `TEXT.retry` is German while a `de-DE` element
 * renders, English otherwise. Each property looks its message up when read, so a module-level
 * `const T = localized(TABLE)` serves every element on the page in its own language.
 *
 * @example
 * const TEXT = localized(defineMessages('elements.demo', { retry: 'Retry' }));
 * html`<button>${TEXT.retry}</button>`;
 */
export function localized<T extends Catalogue>(table: MessageTable<T>): Localized<T> {
  const out = {};
  for (const key of Object.keys(table.en)) {
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => (messagesFor(table, renderLocale) as Readonly<Record<string, unknown>>)[key],
    });
  }
  return out as Localized<T>;
}

/** One shipped language's module: the elements' and calc's translations for it. */
interface LocaleModule {
  readonly translations: readonly Translation[];
}

// One dynamic import per shipped language, so a page in English downloads none of them and a
// page in German downloads only German. By language: `de-AT` reads the German catalogue.
const SHIPPED: Readonly<Record<string, () => Promise<LocaleModule>>> = {
  de: () => import('./locales/de-DE.js'),
  fr: () => import('./locales/fr-FR.js'),
  es: () => import('./locales/es-ES.js'),
  ja: () => import('./locales/ja-JP.js'),
};

const loading = new Map<string, Promise<void>>();
const hostTranslations: Translation[] = [];
const waiting = new Set<{ requestUpdate(): void }>();

function language(locale: string): string {
  return locale.toLowerCase().split('-')[0] ?? '';
}

/** Re-renders every connected element: a language arrived or a host registered one. */
function refresh(): void {
  for (const element of waiting) element.requestUpdate();
}

/**
 * Makes sure the shipped translation of `locale`'s language is loaded (a no-op for English, the
 * pseudo-locale and languages the kit does not ship), and calls `element.requestUpdate()` once
 * it is, so the element re-renders in its language (English until then).
 */
export function ensureLocale(locale: string | undefined): void {
  if (!locale || locale === PSEUDO_LOCALE) return;
  const lang = language(locale);
  const load = SHIPPED[lang];
  if (!load || loading.has(lang)) return;
  loading.set(
    lang,
    load().then(
      (m) => {
        // Shipped first, then the host's again: a host's own wording wins over the kit's.
        register(...m.translations, ...hostTranslations);
        refresh();
      },
      () => {
        // The chunk failed to load (offline, a stale deploy): English stays; try again later.
        loading.delete(lang);
      },
    ),
  );
}

/**
 * Resolves once `locale`'s shipped language is loaded and registered (at once for English and
 * languages the kit does not ship): for tests and hosts that want to wait for the first German
 * render rather than see English first.
 *
 * @example
 * await whenLocaleReady('de-DE');
 */
export function whenLocaleReady(locale: string | undefined): Promise<void> {
  ensureLocale(locale);
  return (locale && loading.get(language(locale))) || Promise.resolve();
}

/** Tracks a connected element, so a language that arrives later re-renders it. */
export function watchLocale(element: { requestUpdate(): void }, connected: boolean): void {
  if (connected) waiting.add(element);
  else waiting.delete(element);
}

/**
 * Registers translations of the elements' (and calc's) message domains: a language the kit
 * does not ship, or a host's own wording for one it does (the host's wins key by key). Every
 * element on the page re-renders in it.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-elements';
 * registerTranslation({
 *   locale: 'it-IT',
 *   name: 'Italiano',
 *   messages: { 'elements.state': { retry: 'Riprova' } },
 * });
 */
export function registerTranslation(...list: readonly Translation[]): void {
  hostTranslations.push(...list);
  register(...list);
  refresh();
}
