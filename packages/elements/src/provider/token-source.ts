/** A short-lived token as a host's backend hands it out (createEmbedToken's `token`, `expires_at`). */
export interface IssuedToken {
  readonly token: string;
  /** RFC 3339 timestamp after which the API refuses the token. */
  readonly expires_at: string;
}

/** Gets a new token: `<success-provider>`'s `tokenProvider`, or the fetch of its `token-url`. */
export type TokenProvider = () => Promise<IssuedToken>;

/** Why a token could not be had; each kind has its sentence in STATE_TEXT. */
export type TokenFailure =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'shape' }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'timeout'; readonly seconds: number }
  | { readonly kind: 'threw'; readonly message: string };

/**
 * No token: the token endpoint failed. `source` is the token URL (no query or fragment), or
 * `undefined` for a `tokenProvider`. Never holds the token or the endpoint's answer.
 */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly source: string | undefined,
    readonly failure: TokenFailure,
  ) {
    super(`Could not get a token from ${source ?? 'tokenProvider'} (${failure.kind})`);
  }
}

/**
 * The clock refreshes are timed by. Not part of the package's API (the package exports only `.`
 * and `define/*`); tests replace `now` to move time without waiting for it.
 */
export const tokenClock = { now: (): number => Date.now() };

/** A token endpoint that does not answer within this long fails, rather than hang every request. */
const TIMEOUT_MS = 15_000;
/** After a background refresh failed, the next background try waits this long. */
const QUIET_MS = 5_000;

/**
 * How long before expiry a token is renewed: 10 % of its lifetime, but at least a minute (a
 * request started just before expiry must still arrive in time, and clocks drift), and at most
 * half the lifetime (so a 60-second token is not renewed on every request).
 */
export function refreshLead(lifetimeMs: number): number {
  return Math.min(lifetimeMs / 2, Math.max(60_000, lifetimeMs * 0.1));
}

interface Held {
  readonly token: string;
  /** From here on, a request still gets this token but starts a refresh in the background. */
  readonly refreshAt: number;
  /** From here on, a request waits for a new token. */
  readonly expiresAt: number;
}

/**
 * The token of a `<success-provider>`: fetched before the first request, reused while fresh,
 * renewed in the background shortly before it expires (requests meanwhile keep the current
 * one, so nothing waits and nothing reloads), and fetched anew when the API refused it.
 * Concurrent requests share one fetch.
 *
 * @example
 * const source = new TokenSource(() => fetchToken('/cscx-token'));
 * const client = createSuccessClient({ baseUrl, getToken: ({ rejected }) => source.get(rejected) });
 */
export class TokenSource {
  readonly #provide: TokenProvider;
  #held: Held | undefined;
  #pending: Promise<string> | undefined;
  #quietUntil = 0;

  constructor(provide: TokenProvider) {
    this.#provide = provide;
  }

  /** The token to send. `rejected`: the token the API just refused (401), never given again. */
  get(rejected?: string): Promise<string> {
    const held = this.#held;
    const now = tokenClock.now();
    if (held && held.token !== rejected && now < held.expiresAt) {
      if (now >= held.refreshAt && now >= this.#quietUntil && !this.#pending) {
        this.#refresh().catch(() => {
          // The held token still works; if no refresh succeeds before it expires, the request
          // that then waits for one reports the failure.
          this.#quietUntil = tokenClock.now() + QUIET_MS;
        });
      }
      return Promise.resolve(held.token);
    }
    if (held && held.token === rejected) this.#held = undefined;
    return this.#refresh();
  }

  #refresh(): Promise<string> {
    this.#pending ??= this.#provide().then(
      (issued) => {
        this.#pending = undefined;
        this.#held = hold(issued, tokenClock.now());
        return issued.token;
      },
      (error: unknown) => {
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }
}

function hold(issued: IssuedToken, now: number): Held {
  const lifetime = Date.parse(issued.expires_at) - now;
  // Already expired by this clock: it is skewed (the server just issued it). Use the token until
  // the API refuses it rather than fetch a new one for every request.
  if (!(lifetime > 0)) return { token: issued.token, refreshAt: Infinity, expiresAt: Infinity };
  return {
    token: issued.token,
    refreshAt: now + lifetime - refreshLead(lifetime),
    expiresAt: now + lifetime,
  };
}

/** A `tokenProvider`'s answer checked, and its failures as TokenErrors without a source. */
export function fromProvider(provider: () => Promise<IssuedToken>): TokenProvider {
  return async () => {
    let issued: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      issued = await Promise.race([
        provider(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(new TokenError(undefined, { kind: 'timeout', seconds: TIMEOUT_MS / 1000 })),
            TIMEOUT_MS,
          );
        }),
      ]);
    } catch (e) {
      if (e instanceof TokenError) throw e;
      throw new TokenError(undefined, {
        kind: 'threw',
        message: e instanceof Error ? e.message : String(e),
      });
    } finally {
      clearTimeout(timer);
    }
    if (!isIssued(issued)) throw new TokenError(undefined, { kind: 'shape' });
    return issued;
  };
}

/**
 * Gets tokens from the host's own backend: `GET url` with the page's cookies for its own origin
 * (`credentials: 'same-origin'`: the backend knows its signed-in user by them; another origin
 * gets none), never from the HTTP cache, answering JSON `{ token, expires_at }`.
 */
export function fromUrl(url: string): TokenProvider {
  const resolved = new URL(url, globalThis.location?.href);
  // What error messages name: the endpoint, not its query (which may carry a session id).
  const source = `${resolved.origin}${resolved.pathname}`;
  return async () => {
    const signal = AbortSignal.timeout(TIMEOUT_MS);
    const timedOut = () => new TokenError(source, { kind: 'timeout', seconds: TIMEOUT_MS / 1000 });
    let response: Response;
    try {
      response = await fetch(resolved, {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { accept: 'application/json' },
        signal,
      });
    } catch (e) {
      if (signal.aborted) throw timedOut();
      throw new TokenError(source, {
        kind: 'network',
        message: e instanceof Error ? e.message : String(e),
      });
    }
    if (!response.ok) throw new TokenError(source, { kind: 'status', status: response.status });
    let issued: unknown;
    try {
      issued = await response.json();
    } catch {
      if (signal.aborted) throw timedOut();
      throw new TokenError(source, { kind: 'shape' });
    }
    if (!isIssued(issued)) throw new TokenError(source, { kind: 'shape' });
    return issued;
  };
}

function isIssued(value: unknown): value is IssuedToken {
  const v = value as Partial<Record<keyof IssuedToken, unknown>> | null;
  return (
    typeof v?.token === 'string' &&
    v.token.length > 0 &&
    typeof v.expires_at === 'string' &&
    Number.isFinite(Date.parse(v.expires_at))
  );
}
