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
/**
 * Keys whose value is a credential wherever they appear in a body: the headers above, as a proxy
 * that echoes the request shows them, and the usual names of tokens and secrets.
 */
const SECRET_KEYS = new Set([
  ...SECRET_HEADERS,
  'access_token',
  'api_key',
  'apikey',
  'client_secret',
  'password',
  'refresh_token',
  'secret',
  'token',
]);
const SECRET_QUERY = /([?&](?:access_token|token|api_key|apikey|key|signature)=)[^&#\s"']*/gi;
/** `scheme://user:password@` anywhere in a text; the user-info stops at the first / ? # or space. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s"'<>]+@/gi;
/** A header line or a JSON member naming a credential header, e.g. `authorization: Bearer x`. */
const SECRET_HEADER_TEXT =
  /\b((?:proxy-)?authorization|x-api-key|set-cookie|cookie)(["']?\s*[:=]\s*["']?)(?!\s*(?:[A-Za-z]+\s+)?\[REDACTED\])[^"'\r\n,})\]>]+/gi;
/**
 * What follows an auth scheme: a token-ish run for Bearer (a snippet may cut it short). Words
 * are not tokens: a run of letters counts from 20 on, or with a digit or a joiner inside (a
 * sentence's full stop is not one), so the server's "The bearer token was revoked." stays readable while `Bearer demo-csm-token` or a JWT is replaced.
 */
const BEARER =
  /\b([Bb]earer)\s+(?!\[REDACTED\])(?=[A-Za-z]*[0-9]|[A-Za-z]*[._~+/=-][A-Za-z0-9._~+/=-]|[A-Za-z]{20})[A-Za-z0-9._~+/=-]+/g;
const BASIC = /\b(Basic)\s+[A-Za-z0-9+/]{8,}={0,2}/g;

/** The marker that stands where a credential was. */
export const REDACTED = '[REDACTED]';

/** A URL with credentials in user-info and well-known query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, `$1${REDACTED}`).replace(URL_USERINFO, `$1${REDACTED}@`);
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

/** Whether a header's value is a credential (Authorization, Cookie, X-Api-Key, ...). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/**
 * The strings to remove for a credential header's value: the credential after its scheme
 * (`Bearer x`, `Token x`: the scheme stays readable), else the value itself, and each cookie's
 * value.
 */
export function credentialParts(value: string): string[] {
  const trimmed = value.trim();
  const scheme = /^[A-Za-z][\w.-]*\s+(\S.*)$/.exec(trimmed);
  const out = new Set<string>([scheme?.[1] ?? trimmed]);
  for (const pair of trimmed.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out.add(pair.slice(eq + 1).trim());
  }
  return [...out].filter((s) => s.length > 0);
}

/**
 * The secrets a URL carries in its user-info (`http://user:secret@host`), as written and
 * percent-decoded, so they can be removed from texts that quote them out of URL form.
 */
export function urlSecrets(url: string): string[] {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)@/i.exec(url);
  if (!match?.[1]) return [];
  const out = new Set<string>();
  for (const part of [match[1], ...match[1].split(':')]) {
    if (!part) continue;
    out.add(part);
    try {
      out.add(decodeURIComponent(part));
    } catch {
      // a malformed escape: the raw form is already listed
    }
  }
  return [...out];
}

/**
 * `text` with every occurrence of the given secrets (tokens) replaced, and whatever looks like a
 * credential on the wire too: bearer and basic credentials, credential headers quoted as text,
 * URL user-info and token query parameters.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  // Longest first, so a secret containing another is replaced whole.
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= 6)
    .sort((a, b) => b.length - a.length);
  // Very short strings would blank out ordinary words; real tokens are long.
  for (const s of known) out = out.split(s).join(REDACTED);
  return out
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(BASIC, `$1 ${REDACTED}`)
    .replace(SECRET_HEADER_TEXT, `$1$2${REDACTED}`);
}

/**
 * A deep copy of a JSON value (a problem document) with credentials replaced: the value of every
 * credential-named key, and credentials inside every string.
 */
export function redactValue<T>(value: T, secrets: readonly (string | undefined)[] = []): T {
  return redactDeep(value, secrets, 0) as T;
}

const MAX_DEPTH = 32;

function redactDeep(
  value: unknown,
  secrets: readonly (string | undefined)[],
  depth: number,
): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than any problem document goes: drop rather than recurse without end.
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactText(key, secrets)] =
      SECRET_KEYS.has(key.toLowerCase()) && item !== null && item !== ''
        ? REDACTED
        : redactDeep(item, secrets, depth + 1);
  }
  return out;
}

/** Properties of Node's and undici's network errors worth keeping in a redacted copy. */
const DIAGNOSTIC_PROPS = ['code', 'errno', 'syscall', 'address', 'port', 'hostname'] as const;
const MAX_CAUSES = 8;

/**
 * A copy of an error and its `cause` chain (and an AggregateError's `errors`) with credentials
 * removed from every message and stack, keeping the class of built-in errors and the network
 * diagnostics (`code`, `syscall`, `address`, ...). Anything else the original carried, which
 * may be a request with its headers, is left behind.
 */
export function redactError(
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
  depth = 0,
): Error {
  if (!(error instanceof Error)) return new Error(redactText(String(error), secrets));
  const message = redactText(error.message, secrets);
  const copy = error instanceof TypeError ? new TypeError(message) : new Error(message);
  if (copy.name !== error.name) {
    Object.defineProperty(copy, 'name', {
      value: redactText(String(error.name), secrets),
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  Object.defineProperty(copy, 'stack', {
    value:
      error.stack === undefined ? `${copy.name}: ${message}` : redactText(error.stack, secrets),
    writable: true,
    configurable: true,
    enumerable: false,
  });
  const source = error as unknown as Record<string, unknown>;
  const target = copy as unknown as Record<string, unknown>;
  for (const key of DIAGNOSTIC_PROPS) {
    const v = source[key];
    if (typeof v === 'string') target[key] = redactText(v, secrets);
    else if (typeof v === 'number') target[key] = v;
  }
  if (depth < MAX_CAUSES) {
    if (error.cause !== undefined) {
      Object.defineProperty(copy, 'cause', {
        value: redactError(error.cause, secrets, depth + 1),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    const errors = source.errors;
    if (Array.isArray(errors))
      target.errors = errors.slice(0, 16).map((e: unknown) => redactError(e, secrets, depth + 1));
  }
  return copy;
}

/** The innermost message of an error's cause chain, e.g. `connect ECONNREFUSED 127.0.0.1:9`. */
export function rootMessage(error: unknown): string | undefined {
  let current: unknown = error;
  let message: string | undefined;
  for (let i = 0; i < MAX_CAUSES && current instanceof Error; i++) {
    if (current.message) message = current.message;
    const errors = (current as { errors?: unknown }).errors;
    current =
      current.cause ??
      (Array.isArray(errors) && errors[0] instanceof Error ? errors[0] : undefined);
  }
  return message;
}
