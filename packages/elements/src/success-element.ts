import { textDirection } from '@cscx/success-calc/i18n';
import { ContextConsumer, ContextProvider, ContextRoot } from '@lit/context';
import {
  adoptStyles,
  type CSSResult,
  LitElement,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import {
  currencyContext,
  localeContext,
  type SuccessTheme,
  themeContext,
  toTheme,
} from './context.js';
import { createFormat, type Format } from './format.js';
import { ensureLocale, inLocale, watchLocale } from './localize.js';

/**
 * Holds the context requests no provider answered yet and replays them when one appears. Without
 * it, an element upgraded before its `<success-provider>` (a page that imports
 * `define/success-overview.js` first, or a provider defined later) asks once, gets no answer and
 * never shows data. One per document, attached by the first element constructed.
 */
let contextRoot: ContextRoot | undefined;
function attachContextRoot(): void {
  if (contextRoot || typeof document === 'undefined') return;
  contextRoot = new ContextRoot();
  contextRoot.attach(document.documentElement);
}

/**
 * The base of every data element: `theme`, `locale` and `currency` that follow the nearest
 * `<success-provider>` (or enclosing element) unless set on the element itself, and are passed
 * on to the elements inside it, plus `fmt`, calc's formatters bound to them.
 *
 * The effective theme is exposed as the custom state `:state(dark)` / `:state(light)` so the
 * element's own `theme` attribute stays what the author wrote.
 */
export class SuccessElement extends LitElement {
  // Declared as static properties rather than decorators: lowered decorators cost ~150 bytes
  // per property plus shared helpers, and every element pays for them in the initial bundle.
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
    locale: {},
    currency: {},
  };

  /** `light`, `dark`, or unset to follow the provider, else the system preference. */
  declare theme: SuccessTheme | undefined;

  /** BCP 47 locale for numbers, money and dates; unset: the provider's, else `en-US`. */
  declare locale: string | undefined;

  /** ISO 4217 code to show amounts in; unset: the provider's override, else the data's. */
  declare currency: string | undefined;

  #internals: ElementInternals | undefined;
  #fmt: Format | undefined;
  #fmtKey = '';
  /** The `dir` this element set on itself (from its locale), as opposed to the author's. */
  #dir: string | undefined;

  readonly #inherited = {
    theme: new ContextConsumer(this, { context: themeContext, subscribe: true }),
    locale: new ContextConsumer(this, { context: localeContext, subscribe: true }),
    currency: new ContextConsumer(this, { context: currencyContext, subscribe: true }),
  };

  // Passing the effective values on lets `<success-overview locale="de-DE">` reach the parts it
  // renders inside its shadow root without threading attributes through every template.
  readonly #provided = {
    theme: new ContextProvider(this, { context: themeContext, initialValue: undefined }),
    locale: new ContextProvider(this, { context: localeContext, initialValue: undefined }),
    currency: new ContextProvider(this, { context: currencyContext, initialValue: undefined }),
  };

  constructor() {
    super();
    attachContextRoot();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Without ElementInternals the `theme` attribute and the system preference still work.
      this.#internals = undefined;
    }
  }

  /** The theme in effect: own attribute, else inherited, else `auto`. */
  get effectiveTheme(): SuccessTheme {
    return toTheme(this.theme ?? this.#inherited.theme.value);
  }

  /** The locale in effect (own, inherited, or undefined for the default). */
  get effectiveLocale(): string | undefined {
    return this.locale || this.#inherited.locale.value || undefined;
  }

  /** The currency override in effect, if any. */
  get effectiveCurrency(): string | undefined {
    return this.currency || this.#inherited.currency.value || undefined;
  }

  /**
   * Runs `fn` in this element's locale: for text made outside its update (after an await, in an
   * event handler) that must read in the element's language, as its render does.
   */
  localize<R>(fn: () => R): R {
    return inLocale(this.effectiveLocale, fn);
  }

  /** calc's formatters in the effective locale and currency. */
  get fmt(): Format {
    const locale = this.effectiveLocale;
    const currency = this.effectiveCurrency;
    const key = `${locale ?? ''}|${currency ?? ''}`;
    if (!this.#fmt || key !== this.#fmtKey) {
      this.#fmt = createFormat(locale, currency);
      this.#fmtKey = key;
    }
    return this.#fmt;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLocale(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLocale(this, false);
  }

  // The whole update (willUpdate, render, updated) runs in the element's locale, so every
  // string table and shared helper it calls speaks the element's language (localize.ts).
  protected override performUpdate(): void {
    inLocale(this.effectiveLocale, () => super.performUpdate());
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = this.effectiveLocale;
    // English until the language's chunk arrives; then every element re-renders (localize.ts).
    ensureLocale(locale);
    // Mirrored in a right-to-left language, unless the author gave the element a `dir` itself.
    // Only `rtl` is written: a left-to-right locale leaves the element's attributes as the
    // author wrote them (it inherits the page's direction).
    const own = this.getAttribute('dir');
    if (own === null || own === this.#dir) {
      const dir = locale && textDirection(locale) === 'rtl' ? 'rtl' : undefined;
      if (dir !== own) {
        if (dir) this.setAttribute('dir', dir);
        else this.removeAttribute('dir');
      }
      this.#dir = dir;
    }
    const theme = this.effectiveTheme;
    this.#provided.theme.setValue(theme);
    this.#provided.locale.setValue(this.effectiveLocale);
    this.#provided.currency.setValue(this.effectiveCurrency);
    const states = this.#internals?.states;
    if (states) {
      for (const t of ['light', 'dark'] as const) {
        if (t === theme) states.add(t);
        else states.delete(t);
      }
    }
  }
}

/**
 * Adds styles that arrived with a lazily loaded part of an element (its form, its chart) to the
 * element's shadow root, after its own static styles. Safe to call again: the sheets are set,
 * not appended, where constructable stylesheets exist.
 *
 * @example
 * import('./editor-body.js').then(({ editorStyles }) => addStyles(this, [editorStyles]));
 */
export function addStyles(host: LitElement, styles: readonly CSSResult[]): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  adoptStyles(root, [...(host.constructor as typeof LitElement).elementStyles, ...styles]);
}
