/**
 * When a failed delivery is tried again: exponential backoff from 30 s, doubling per attempt up
 * to 4 hours apart, each delay jittered by +-20 % so that receivers coming back up are not hit by
 * every queued message at the same instant; retried until 24 hours after the message was queued,
 * then given up (so the last attempt is made at least 24 hours after the first).
 */

/** The first retry's delay. */
export const RETRY_BASE_MS = 30_000;
/** The longest delay between two attempts. */
export const RETRY_CAP_MS = 4 * 60 * 60 * 1000;
/** Retries go on at least this long after a message was queued. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Each delay is its nominal value times a factor in [1 - JITTER, 1 + JITTER). */
export const RETRY_JITTER = 0.2;

/** The nominal (unjittered) delay after the `attempt`-th failed attempt (1-based). */
export function nominalDelay(attempt: number): number {
  const exp = RETRY_BASE_MS * 2 ** Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(exp, RETRY_CAP_MS);
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { readonly giveUp: true }
  | { readonly giveUp: false; readonly at: number };

/**
 * After the `attempt`-th failed attempt at `failedAt` of a message queued at `queuedAt`: the time
 * of the next attempt, or give up once an attempt has failed at or after the 24-hour window.
 * `random` is in [0, 1) (injected: tests pin it).
 *
 * @example
 * retryAfter(1, queuedAt, queuedAt, Math.random); // { giveUp: false, at: queuedAt + ~30 s }
 */
export function retryAfter(
  attempt: number,
  queuedAt: number,
  failedAt: number,
  random: () => number,
): RetryDecision {
  if (failedAt - queuedAt >= RETRY_WINDOW_MS) return { giveUp: true };
  const factor = 1 - RETRY_JITTER + 2 * RETRY_JITTER * random();
  return { giveUp: false, at: failedAt + Math.round(nominalDelay(attempt) * factor) };
}
