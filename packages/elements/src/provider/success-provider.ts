import type { SuccessClient } from '@cscx/success-sdk';
import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import {
  clientContext,
  currencyContext,
  localeContext,
  type SuccessTheme,
  themeContext,
  toTheme,
} from '../context.js';
import { lazyClient } from './lazy-client.js';

/**
 * @summary Holds the API client and the display options for every success element inside it.
 *
 * @description Creates a `@cscx/success-sdk` client from `base-url` and `token` (or
 * `getToken`; the SDK itself loads with the first request) and provides it, the locale, a currency override and the theme through
 * `@lit/context`. Elements inside it that are given an id (`customer-id`, `goal-id`) fetch
 * through this client. A host with its own client sets `.client` instead. It renders nothing
 * of its own.
 *
 * @slot - The success elements (any depth, shadow roots included).
 *
 * @example
 * <success-provider base-url="https://api.example.com" token="…" locale="de-DE">
 *   <success-overview customer-id="cus_acme"></success-overview>
 * </success-provider>
 */
export class SuccessProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = {
    baseUrl: { attribute: 'base-url' },
    token: {},
    locale: {},
    currency: {},
    theme: {},
    getToken: { attribute: false },
  };

  /** Where the API lives; default the page's origin. */
  declare baseUrl: string | undefined;

  /** A bearer token. Changing it creates a new client, so the elements refetch. */
  declare token: string | undefined;

  /**
   * Called before every request for a fresh token (short-lived tokens); wins over `token`.
   * Changing the function creates a new client.
   */
  declare getToken: (() => string | Promise<string>) | undefined;

  /** BCP 47 locale for numbers, money and dates, e.g. `de-DE`. Default `en-US`. */
  declare locale: string | undefined;

  /** An ISO 4217 code to show every amount in, overriding each customer's own currency. */
  declare currency: string | undefined;

  /** `light`, `dark` or `auto` (follows `prefers-color-scheme`). */
  declare theme: SuccessTheme | undefined;

  #hostClient: SuccessClient | undefined;
  #ownClient: SuccessClient | undefined;

  readonly #client = new ContextProvider(this, { context: clientContext, initialValue: undefined });
  readonly #locale = new ContextProvider(this, { context: localeContext, initialValue: undefined });
  readonly #currency = new ContextProvider(this, {
    context: currencyContext,
    initialValue: undefined,
  });
  readonly #theme = new ContextProvider(this, { context: themeContext, initialValue: undefined });

  /**
   * The client the elements use. Set it to supply your own (its options are then yours: base
   * URL, auth, retries); set `undefined` to go back to the one built from the attributes.
   */
  get client(): SuccessClient | undefined {
    return this.#hostClient ?? this.#ownClient;
  }
  set client(client: SuccessClient | undefined) {
    this.#hostClient = client;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      !this.#ownClient ||
      changed.has('baseUrl') ||
      changed.has('token') ||
      changed.has('getToken')
    ) {
      const baseUrl = this.baseUrl || globalThis.location?.origin;
      const getToken = this.getToken;
      this.#ownClient = baseUrl
        ? lazyClient(
            getToken
              ? { baseUrl, getToken }
              : this.token
                ? { baseUrl, token: this.token }
                : { baseUrl },
          )
        : undefined;
    }
    this.#client.setValue(this.client);
    this.#locale.setValue(this.locale || undefined);
    this.#currency.setValue(this.currency || undefined);
    this.#theme.setValue(toTheme(this.theme));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
