import type { ClientOptions, SuccessClient, TokenContext } from '@cscx/success-sdk';
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
import { fromProvider, fromUrl, type IssuedToken, TokenSource } from './token-source.js';

/**
 * @summary Holds the API client and the display options for every success element inside it.
 *
 * @description Creates a `@cscx/success-sdk` client from `base-url` and its credentials (the
 * SDK itself loads with the first request) and provides it, the locale, a currency override
 * and the theme through `@lit/context`. Elements inside it that are given an id
 * (`customer-id`, `goal-id`) fetch through this client. A host with its own client sets
 * `.client` instead. It renders nothing of its own.
 *
 * Credentials, the first one set wins: `getToken` (asked before every request), `tokenProvider`
 * or `token-url` (short-lived tokens the provider fetches, caches and renews before they
 * expire), `token` (a fixed token). A partner page uses `token-url`: an endpoint of its own
 * backend that exchanges the backend's manager token for a 15-minute viewer token of one
 * customer (createEmbedToken) and answers `{ "token": "…", "expires_at": "…" }`. The token
 * never needs to be in the page's markup, and renewing it reloads nothing.
 *
 * @slot - The success elements (any depth, shadow roots included).
 *
 * @example
 * <success-provider base-url="https://api.example.com" token="…" locale="de-DE">
 *   <success-overview customer-id="cus_acme"></success-overview>
 * </success-provider>
 *
 * @example
 * <!-- A partner page: its backend at /cscx-token mints the token -->
 * <success-provider base-url="https://success.example.com" token-url="/cscx-token">
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
    tokenUrl: { attribute: 'token-url' },
    tokenProvider: { attribute: false },
    getToken: { attribute: false },
  };

  /** Where the API lives; default the page's origin. */
  declare baseUrl: string | undefined;

  /** A bearer token. Changing it creates a new client, so the elements refetch. */
  declare token: string | undefined;

  /**
   * An endpoint of the host's own backend that answers JSON `{ token, expires_at }` (a token from
   * createEmbedToken). The provider fetches it (`GET`, with the page's cookies for its own
   * origin, never from the HTTP cache) before the first request, reuses the token, and fetches
   * a new one shortly before it expires (10 % of its lifetime ahead, at least a minute, at most
   * half of it) or when the API refuses it; the elements keep their data meanwhile. When the
   * endpoint fails, the elements show "Could not get a token from <token-url>: …". Wins over
   * `token`; `tokenProvider` wins over it. Changing it creates a new client.
   *
   * @example
   * <success-provider base-url="https://success.example.com" token-url="/cscx-token">
   *   <success-overview customer-id="cus_acme"></success-overview>
   * </success-provider>
   */
  declare tokenUrl: string | undefined;

  /**
   * Gets a short-lived token when the host's backend needs its own request (headers, a POST, a
   * cross-origin endpoint): resolves to `{ token, expires_at }`, as `token-url` answers. Called
   * before the first request and again before the token expires or when the API refuses it;
   * concurrent requests share one call. Wins over `token-url` and `token`. Changing the function
   * creates a new client.
   *
   * @example
   * provider.tokenProvider = async () => {
   *   const r = await fetch('/api/cscx-token', { method: 'POST', headers: { 'x-csrf': csrf } });
   *   if (!r.ok) throw new Error(`HTTP ${r.status}`);
   *   return r.json(); // { token, expires_at }
   * };
   */
  declare tokenProvider: (() => Promise<IssuedToken>) | undefined;

  /**
   * Called before every request for a token, with `{ rejected }` after the API refused one
   * (answer another token and the request is repeated once with it); wins over
   * `tokenProvider`, `token-url` and `token`. Changing the function creates a new client.
   *
   * @example
   * provider.getToken = ({ rejected }) => (rejected ? session.renew() : session.token);
   */
  declare getToken: ((context: TokenContext) => string | Promise<string>) | undefined;

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
      changed.has('tokenUrl') ||
      changed.has('tokenProvider') ||
      changed.has('getToken')
    ) {
      const baseUrl = this.baseUrl || globalThis.location?.origin;
      this.#ownClient = baseUrl ? lazyClient({ baseUrl, ...this.#credentials() }) : undefined;
    }
    this.#client.setValue(this.client);
    this.#locale.setValue(this.locale || undefined);
    this.#currency.setValue(this.currency || undefined);
    this.#theme.setValue(toTheme(this.theme));
  }

  #credentials(): Pick<ClientOptions, 'token' | 'getToken'> {
    if (this.getToken) return { getToken: this.getToken };
    const provide = this.tokenProvider
      ? fromProvider(this.tokenProvider)
      : this.tokenUrl
        ? fromUrl(this.tokenUrl)
        : undefined;
    if (provide) {
      // One source per client: its token lives as long as these settings do.
      const source = new TokenSource(provide);
      return { getToken: ({ rejected }) => source.get(rejected) };
    }
    return this.token ? { token: this.token } : {};
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
