import { ProblemError } from '../problem.js';

/** Requests per second a client may sustain, and how many it may send at once after a pause. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many tracked clients, idle (full) buckets are forgotten: memory stays bounded. */
const MAX_TRACKED = 10_000;

/**
 * Token buckets per client (a token id, or an address for failed sign-ins). A client over its
 * limit gets 429 with `Retry-After`, which the SDK honours, so a script importing thousands of
 * measurements slows down instead of starving everyone else on the server. This one keeps the
 * buckets in memory, for PGlite (one process); with PostgreSQL the server uses
 * {@link SharedRateLimiter}, whose buckets every instance shares.
 */
export class RateLimiter implements Limiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How many clients have a bucket now. */
  get tracked(): number {
    return this.#buckets.size;
  }

  /** Takes one request from `client`'s bucket, or throws the 429 problem. */
  take(client: string): void {
    const now = this.now();
    const { perSecond, burst } = this.limit;
    let b = this.#buckets.get(client);
    if (b === undefined) {
      if (this.#buckets.size >= MAX_TRACKED) this.#forgetIdle(now);
      b = { tokens: burst, at: now };
      this.#buckets.set(client, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return;
    }
    throw tooManyRequests(this.limit, b.tokens);
  }

  #forgetIdle(now: number): void {
    const { perSecond, burst } = this.limit;
    for (const [client, b] of this.#buckets) {
      if (b.tokens + ((now - b.at) / 1000) * perSecond >= burst) this.#buckets.delete(client);
    }
  }
}

/** One bucket per client, checked before every API request: in memory or in PostgreSQL. */
export interface Limiter {
  /** Takes one request from `client`'s bucket, or throws the 429 problem. */
  take(client: string): void | Promise<void>;
}

/** The 429 problem for a bucket holding `tokens` (< 1), with the seconds until it holds one. */
export function tooManyRequests(limit: RateLimit, tokens: number): ProblemError {
  const { perSecond, burst } = limit;
  const wait = Math.max(1, Math.ceil((1 - tokens) / perSecond));
  return new ProblemError(
    429,
    `Too many requests: this client may send ${perSecond} per second (bursts of ${burst}). Retry after ${wait} second${wait === 1 ? '' : 's'}.`,
    [],
    { 'retry-after': String(wait) },
  );
}

/**
 * `CSCX_RATE_LIMIT`: requests per second per token, bursts of twice that; `off` (or 0) turns the
 * limit off, e.g. for load tests that drive one token as hard as the machine allows.
 */
export function parseRateLimit(text: string | undefined): RateLimit | null {
  const value = (text ?? '').trim();
  if (value === '') return DEFAULT_RATE_LIMIT;
  if (value === 'off' || value === '0') return null;
  if (!/^[1-9][0-9]{0,5}$/.test(value)) {
    throw new RangeError(
      `CSCX_RATE_LIMIT must be requests per second per token (1-999999) or "off", not ${JSON.stringify(value)}.`,
    );
  }
  const perSecond = Number(value);
  return { perSecond, burst: perSecond * 2 };
}

/** Generous for people and dashboards (a page load makes about ten requests). */
export const DEFAULT_RATE_LIMIT: RateLimit = { perSecond: 50, burst: 100 };
