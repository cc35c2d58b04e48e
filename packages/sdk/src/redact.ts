/**
 * Credentials never leave the SDK in a message, a log line or a serialised error. These helpers
 * are the one place that knows what a credential looks like on the wire.
 */

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
const SECRET_QUERY = /([?&](?:access_token|token|api_key|apikey|key|signature)=)[^&#]*/gi;
const REDACTED = '[REDACTED]';

/** A URL with credentials in user-info and well-known query parameters replaced. */
export function redactUrl(url: string): string {
  let out = url.replace(SECRET_QUERY, `$1${REDACTED}`);
  // user:password@host
  out = out.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, `$1${REDACTED}@`);
  return out;
}

/** Header pairs with credential-bearing values replaced, names lower-cased. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    out[key] = SECRET_HEADERS.has(key) ? REDACTED : value;
  }
  return out;
}

/** `text` with every occurrence of the given secrets (tokens) replaced. */
export function redactText(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    // Very short strings would blank out ordinary words; real tokens are long.
    if (s && s.length >= 6) out = out.split(s).join(REDACTED);
  }
  return out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, `Bearer ${REDACTED}`);
}
