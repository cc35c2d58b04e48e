import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../problem.js';
import { LONE_SURROGATE } from '../validate.js';

/**
 * Opaque keyset cursors: the sort key of the last item of a page, signed with HMAC-SHA256 over
 * the key and the filters that produced it. A client can neither forge a key (a plain hash of
 * public values could be recomputed by anyone) nor reuse a cursor with other filters.
 *
 * The signing key is the server's secret: CSCX_CURSOR_SECRET, else random per process. With a
 * random secret a cursor is only good on the instance that issued it, until it restarts: a
 * cursor from another instance behind the same load balancer, or from before a restart, fails
 * like a forged one, with a 400 that says to start again from the first page. Deployments with
 * several instances set the same CSCX_CURSOR_SECRET on each.
 */

/**
 * The longest cursor accepted (openapi.yaml `Cursor`): a customer's name of 200 characters, each
 * escaped to 6 bytes of JSON, and an id, in base64url, with the signature.
 */
export const CURSOR_MAX = 2048;

/** One part of a cursor's key, with the bounds a decoded value must keep. */
export type KeyPart =
  | { readonly type: 'string'; readonly max: number }
  | { readonly type: 'number'; readonly min: number; readonly max: number };

/** A name, an id or a date (customers' names are at most 200 characters). */
export const TEXT_KEY: KeyPart = { type: 'string', max: 256 };
/** Epoch milliseconds within what a Date and a PostgreSQL timestamp can hold (years 1-9999). */
export const TIME_KEY: KeyPart = {
  type: 'number',
  min: -62_135_596_800_000,
  max: 253_402_300_799_999,
};

const PROCESS_SECRET = randomBytes(32);
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** 32 bytes of HMAC-SHA256 in base64url without padding. */
const MAC_CHARS = 43;

const invalid = () =>
  badRequest(
    'query.cursor',
    'Invalid or expired cursor: start again from the first page.',
    'invalid',
    'The cursor is not valid for this request: it was altered, made for other filters, or issued by another server instance (or before a restart). Start again from the first page.',
  );

export class Cursors {
  readonly #secret: Buffer;

  /** `secret`: CSCX_CURSOR_SECRET; without one, a random secret of this process. */
  constructor(secret?: string | null) {
    this.#secret = secret ? Buffer.from(secret, 'utf8') : PROCESS_SECRET;
  }

  /** The next page's cursor after `key`, for the request's `filters`. */
  encode(key: readonly (string | number)[], filters: Record<string, unknown>): string {
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.#mac(payload, filters).toString('base64url')}`;
  }

  /** The key of a cursor made by {@link encode} with the same filters; 400 otherwise. */
  decode(
    cursor: string | undefined,
    filters: Record<string, unknown>,
    shape: readonly KeyPart[],
  ): (string | number)[] | undefined {
    if (cursor === undefined) return undefined;
    const dot = cursor.indexOf('.');
    const payload = cursor.slice(0, dot);
    const mac = cursor.slice(dot + 1);
    if (dot < 1 || !BASE64URL.test(payload) || mac.length !== MAC_CHARS || !BASE64URL.test(mac))
      throw invalid();
    // Compared as text, not as decoded bytes: the last of 43 base64url characters carries 2
    // unused bits, so 4 spellings decode to the same MAC, and an altered cursor must never pass.
    const given = Buffer.from(mac, 'latin1');
    const expected = Buffer.from(this.#mac(payload, filters).toString('base64url'), 'latin1');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    // Signed by us, yet read as untrusted: a leaked secret must not reach the database with
    // values it cannot take (NUL, lone surrogates, times out of range).
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (!Array.isArray(parsed) || parsed.length !== shape.length) throw invalid();
    parsed.forEach((part: unknown, i) => {
      const s = shape[i];
      if (!s || !fits(part, s)) throw invalid();
    });
    return parsed as (string | number)[];
  }

  #mac(payload: string, filters: Record<string, unknown>): Buffer {
    // JSON escapes newlines inside strings, so the separator cannot be forged from a filter.
    return createHmac('sha256', this.#secret)
      .update(JSON.stringify(filters))
      .update('\n')
      .update(payload)
      .digest();
  }
}

function fits(part: unknown, s: KeyPart): boolean {
  if (s.type === 'number') {
    return typeof part === 'number' && Number.isFinite(part) && part >= s.min && part <= s.max;
  }
  return (
    typeof part === 'string' &&
    part.length <= s.max &&
    !part.includes('\u0000') &&
    !LONE_SURROGATE.test(part)
  );
}
