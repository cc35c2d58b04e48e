// Reporting windows: `all` runs from the contract start to today; years, quarters and months
// have their calendar bounds, cut at today; values are derived as of the window's end.
import { describe, expect, it } from 'vitest';
import { periodWindow } from './period.js';

const now = new Date('2026-04-30T09:00:00Z');

describe('periodWindow', () => {
  it.each([
    ['all', '2025-07-01', '2025-07-01', '2026-04-30'],
    ['all', null, null, '2026-04-30'],
    ['2025', null, '2025-01-01', '2025-12-31'],
    ['2026', null, '2026-01-01', '2026-04-30'],
    ['2026-Q1', null, '2026-01-01', '2026-03-31'],
    ['2025-Q4', null, '2025-10-01', '2025-12-31'],
    ['2024-02', null, '2024-02-01', '2024-02-29'],
    ['2025-12', null, '2025-12-01', '2025-12-31'],
    ['2026-04', null, '2026-04-01', '2026-04-30'],
  ] as const)('%s (contract start %s) runs %s..%s', (period, contractStart, start, end) => {
    const w = periodWindow(period, contractStart, now);
    expect([w.start, w.end]).toEqual([start, end]);
  });

  it('counts the whole last day, and a few minutes past now when the window ends today', () => {
    expect(periodWindow('2026-Q1', null, now).endMs).toBe(Date.parse('2026-03-31T23:59:59.999Z'));
    expect(periodWindow('all', null, new Date('2026-04-30T23:58:00Z')).endMs).toBe(
      Date.parse('2026-05-01T00:03:00Z'),
    );
    expect(periodWindow('all', null, now).startMs).toBeNull();
  });
});
