import { addDays, dayEndMs, dayStartMs, isoDay } from '../clock.js';

/**
 * A reporting window (`period` parameter): `all` (contract start to today, PRD-069's "contract to
 * date"), a year `2026`, a quarter `2026-Q2` or a month `2026-04`. Derived values are computed as
 * of the window's end, or as of today when the window ends later.
 */
export interface Window {
  readonly period: string;
  /** First day, `null` for `all` without a contract start. */
  readonly start: string | null;
  /** Last day: the period's, or today if that is earlier. */
  readonly end: string;
  /** Epoch ms of the start of `start`, or null (no lower bound). */
  readonly startMs: number | null;
  /** Epoch ms of the last millisecond of `end`: measurements up to it count. */
  readonly endMs: number;
}

function bounds(period: string): [string, string] | null {
  const year = /^(\d{4})$/.exec(period);
  if (year) return [`${year[1]}-01-01`, `${year[1]}-12-31`];
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const first = (Number(quarter[2]) - 1) * 3 + 1;
    const start = `${quarter[1]}-${String(first).padStart(2, '0')}-01`;
    const next =
      first + 3 > 12
        ? `${Number(quarter[1]) + 1}-01-01`
        : `${quarter[1]}-${String(first + 3).padStart(2, '0')}-01`;
    return [start, addDays(next, -1)];
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const m = Number(month[2]);
    const start = `${month[1]}-${month[2]}-01`;
    const next =
      m === 12
        ? `${Number(month[1]) + 1}-01-01`
        : `${month[1]}-${String(m + 1).padStart(2, '0')}-01`;
    return [start, addDays(next, -1)];
  }
  return null;
}

// Measurements may be dated up to 5 minutes ahead of the clock (openapi.yaml MeasurementInput).
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/** The window of `period` for a customer whose contract started on `contractStart`. */
export function periodWindow(period: string, contractStart: string | null, now: Date): Window {
  const today = isoDay(now);
  const b = period === 'all' ? null : bounds(period);
  const start = b ? b[0] : contractStart;
  const end = b && b[1] < today ? b[1] : today;
  const endMs =
    end === today ? Math.max(dayEndMs(end), now.getTime() + FUTURE_SLACK_MS) : dayEndMs(end);
  return { period, start, end, startMs: start === null ? null : dayStartMs(start), endMs };
}

/** The window of a single goal read: its whole history, as of today. */
export function todayWindow(now: Date): Window {
  return periodWindow('all', null, now);
}
