/** How the client retries. Retries apply to idempotent requests only (see {@link isRetryable}). */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 disables retrying; at most 10. */
  readonly retries?: number;
  /** First backoff in ms. Default 300. */
  readonly baseDelayMs?: number;
  /** Ceiling of one backoff in ms, Retry-After included. Default 10,000. */
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY = { retries: 2, baseDelayMs: 300, maxDelayMs: 10_000 } as const;

/** However the retries are configured, a call makes at most this many plus one attempts. */
export const MAX_RETRIES = 10;

/**
 * Statuses worth another try: the request may succeed unchanged (DESIGN.md, issues 4 and 18).
 * A 500 is among them because only idempotent requests are ever retried: sending a GET, PUT or
 * DELETE again, or a POST with the same Idempotency-Key, cannot apply it twice.
 */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/**
 * Whether a request may be sent again without risk of applying it twice: GET, HEAD, PUT and
 * DELETE are idempotent by definition; a POST only when it carries an Idempotency-Key.
 */
export function isRetryable(method: string, headers: Headers): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'PUT' || m === 'DELETE' || m === 'OPTIONS') return true;
  return m === 'POST' && headers.has('idempotency-key');
}

/**
 * Retry-After as seconds: either delta-seconds or an HTTP date. `undefined` when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // An HTTP date has a weekday and month name; Date.parse would also read "-3" as a year.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** The retry options in force: defaults filled in, `retries` a whole number from 0 to 10. */
export function resolveRetry(retries: number | RetryOptions | undefined): Required<RetryOptions> {
  const given = typeof retries === 'number' ? { retries } : (retries ?? {});
  const merged = { ...DEFAULT_RETRY, ...given };
  const n = Number.isNaN(merged.retries) ? DEFAULT_RETRY.retries : Math.floor(merged.retries);
  return {
    retries: Math.min(MAX_RETRIES, Math.max(0, n)),
    baseDelayMs: Math.max(0, merged.baseDelayMs),
    maxDelayMs: Math.max(0, merged.maxDelayMs),
  };
}

/**
 * Delay before retry number `attempt` (1-based): capped exponential backoff with full jitter
 * (AWS architecture blog's "full jitter"), or the server's Retry-After when it gave one, capped
 * too so a hostile header cannot park the client for hours.
 */
export function backoffDelay(
  attempt: number,
  options: Required<RetryOptions>,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterSeconds !== undefined)
    return Math.min(retryAfterSeconds * 1000, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
