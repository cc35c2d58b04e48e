// Embed tokens from the real reference server, as a partner's backend gets them: minted with the
// demo manager token through the test runner's /reference-api proxy. Test-only.

/** The reference server's API, through the test runner's proxy (same origin as the page). */
export const referenceApi = `${location.origin}/reference-api`;

export interface MintedToken {
  readonly id: string;
  readonly token: string;
  readonly expires_at: string;
  readonly customer_id: string;
}

const manager = {
  authorization: 'Bearer demo-manager-token',
  'content-type': 'application/json',
};

/** createEmbedToken for Acme Corp (or `customerId`), 15 minutes unless `ttlSeconds` says. */
export async function mintEmbedToken(
  customerId = 'cus_acme',
  ttlSeconds?: number,
): Promise<MintedToken> {
  const r = await fetch(`${referenceApi}/api/embed-tokens`, {
    method: 'POST',
    headers: manager,
    body: JSON.stringify({
      customer_id: customerId,
      ...(ttlSeconds === undefined ? {} : { ttl_seconds: ttlSeconds }),
    }),
  });
  if (r.status !== 201) throw new Error(`createEmbedToken answered ${r.status}`);
  return (await r.json()) as MintedToken;
}

/** revokeEmbedTokenByValue: from the next request on, the server refuses `token` (401). */
export async function revokeEmbedToken(token: string): Promise<void> {
  const r = await fetch(`${referenceApi}/api/embed-tokens/revoke`, {
    method: 'POST',
    headers: manager,
    body: JSON.stringify({ token }),
  });
  if (r.status !== 204) throw new Error(`revokeEmbedTokenByValue answered ${r.status}`);
}

/**
 * Counts the page's `fetch` calls to `url` (any query) until `stop()`: how often a provider
 * asked its token-url. Wraps `globalThis.fetch`, which the provider calls for each token.
 */
export function watchFetches(url: string): { readonly count: number; stop(): void } {
  const target = new URL(url, location.href);
  const original = globalThis.fetch;
  let count = 0;
  globalThis.fetch = (input, init) => {
    const asked = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (asked.origin === target.origin && asked.pathname === target.pathname) count++;
    return original(input, init);
  };
  return {
    get count() {
      return count;
    },
    stop() {
      globalThis.fetch = original;
    },
  };
}
