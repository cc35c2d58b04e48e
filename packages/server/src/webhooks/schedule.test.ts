import { describe, expect, it } from 'vitest';
import {
  nominalDelay,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  RETRY_JITTER,
  RETRY_WINDOW_MS,
  retryAfter,
} from './schedule.js';

/** The attempt times of a message whose every attempt fails at once, with `random` pinned. */
function schedule(random: () => number): number[] {
  const at = [0];
  for (let attempt = 1; attempt < 1000; attempt++) {
    const d = retryAfter(attempt, 0, at.at(-1) as number, random);
    if (d.giveUp) return at;
    at.push(d.at);
  }
  throw new Error('never gave up');
}

describe('retry schedule', () => {
  it('doubles the delay from 30 s per attempt up to a 4-hour cap', () => {
    expect([1, 2, 3, 4].map(nominalDelay)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(nominalDelay(9)).toBe(RETRY_BASE_MS * 256);
    expect(nominalDelay(10)).toBe(RETRY_CAP_MS);
    expect(nominalDelay(500)).toBe(RETRY_CAP_MS);
  });

  it('keeps every jittered delay within +-20 % of its nominal value', () => {
    for (const r of [0, 0.25, 0.5, 0.999999]) {
      for (let attempt = 1; attempt <= 12; attempt++) {
        const d = retryAfter(attempt, 0, 1000, () => r);
        if (d.giveUp) throw new Error('gave up early');
        const delay = d.at - 1000;
        expect(delay).toBeGreaterThanOrEqual(nominalDelay(attempt) * (1 - RETRY_JITTER) - 1);
        expect(delay).toBeLessThanOrEqual(nominalDelay(attempt) * (1 + RETRY_JITTER) + 1);
      }
    }
    // Jitter spreads retries: two receivers failing together are not retried together.
    const low = retryAfter(3, 0, 0, () => 0);
    const high = retryAfter(3, 0, 0, () => 0.99);
    expect(low).not.toEqual(high);
  });

  it('retries for at least 24 hours, then gives up, whatever the jitter', () => {
    for (const r of [0, 0.5, 0.999999]) {
      const at = schedule(() => r);
      expect(at.at(-1)).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
      expect(at.at(-2)).toBeLessThan(RETRY_WINDOW_MS);
      // Growing gaps until the cap.
      const gaps = at.slice(1).map((t, i) => t - (at[i] as number));
      for (let i = 1; i < 8; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number);
      expect(at.length).toBeLessThan(30);
    }
  });
});
