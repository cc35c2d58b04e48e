import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryable,
  isRetryableStatus,
  MAX_RETRIES,
  parseRetryAfter,
  resolveRetry,
  sleep,
} from './retry.js';

const opts = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling each attempt (full jitter draws below it)', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, opts, undefined, () => 0.999))).toEqual([
      99, 199, 399, 799,
    ]);
    expect(backoffDelay(3, opts, undefined, () => 0)).toBe(0);
  });

  it('caps the delay at maxDelayMs however many attempts', () => {
    expect(backoffDelay(30, opts, undefined, () => 0.999)).toBe(999);
  });

  it('uses Retry-After instead of the backoff, capped too', () => {
    expect(backoffDelay(1, opts, 0.5)).toBe(500);
    expect(backoffDelay(1, opts, 3_600)).toBe(1_000);
  });

  it('defaults to two retries from 300 ms', () => {
    expect(DEFAULT_RETRY).toEqual({ retries: 2, baseDelayMs: 300, maxDelayMs: 10_000 });
  });
});

describe('resolveRetry', () => {
  it('fills in the defaults and reads a number as the retry count', () => {
    expect(resolveRetry(undefined)).toEqual(DEFAULT_RETRY);
    expect(resolveRetry(4)).toEqual({ ...DEFAULT_RETRY, retries: 4 });
    expect(resolveRetry({ baseDelayMs: 50 })).toEqual({ ...DEFAULT_RETRY, baseDelayMs: 50 });
  });

  it('bounds the attempts: whole retries from 0 to MAX_RETRIES', () => {
    expect(MAX_RETRIES).toBe(10);
    expect(resolveRetry(Number.POSITIVE_INFINITY).retries).toBe(10);
    expect(resolveRetry(1_000).retries).toBe(10);
    expect(resolveRetry(-1).retries).toBe(0);
    expect(resolveRetry(2.7).retries).toBe(2);
    expect(resolveRetry(Number.NaN).retries).toBe(DEFAULT_RETRY.retries);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => expect(parseRetryAfter('7')).toBe(7));
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });
});

describe('what may be retried', () => {
  it('retries 408, 429, 500, 502, 503, 504 and nothing else', () => {
    const retried = [
      400, 401, 403, 404, 408, 409, 412, 422, 428, 429, 500, 501, 502, 503, 504, 505, 599,
    ].filter(isRetryableStatus);
    expect(retried).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('retries idempotent methods, and POST only with an Idempotency-Key', () => {
    const none = new Headers();
    const keyed = new Headers({ 'Idempotency-Key': 'k1' });
    expect(['GET', 'HEAD', 'PUT', 'DELETE'].every((m) => isRetryable(m, none))).toBe(true);
    expect(isRetryable('POST', none)).toBe(false);
    expect(isRetryable('POST', keyed)).toBe(true);
    expect(isRetryable('PATCH', keyed)).toBe(false);
  });
});

describe('sleep', () => {
  it('rejects with the abort reason as soon as the signal aborts', async () => {
    const c = new AbortController();
    const p = sleep(10_000, c.signal);
    c.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
});
