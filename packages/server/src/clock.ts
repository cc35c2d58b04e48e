/**
 * "Now", injectable: statuses, expected pace and alerts depend on today's date, so tests pin
 * the clock and get the same numbers on every run.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of a time, `YYYY-MM-DD`. */
export function isoDay(time: Date | number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** True for a real calendar date `YYYY-MM-DD` (not 2026-02-30), years 0001-9999. */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Epoch ms of the start (00:00 UTC) of a `YYYY-MM-DD` day. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Epoch ms of the last millisecond of a `YYYY-MM-DD` day: the whole day counts. */
export function dayEndMs(day: string): number {
  return dayStartMs(day) + DAY_MS - 1;
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return isoDay(dayStartMs(day) + days * DAY_MS);
}

const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Epoch ms of an RFC 3339 timestamp with a zone (`2026-04-28T09:00:00Z`,
 * `2026-04-28T11:00:00+02:00`), or null when it is not one (no zone, 2026-02-30, 25:00, ...).
 */
export function parseTimestamp(text: string): number | null {
  const m = RFC3339.exec(text);
  if (!m?.[1] || !isCalendarDate(m[1])) return null;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || min > 59 || s > 59) return null;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return null;
  const ms = Date.parse(text.toUpperCase());
  return Number.isFinite(ms) ? ms : null;
}

/** A timestamp as the API writes it: RFC 3339 in UTC. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
