/**
 * A calendar date as ISO 8601 text (`2026-06-30`, or a timestamp with zone), a Date, or epoch ms.
 *
 * @example
 * const d: DateInput = '2026-06-30'; // or new Date(), or Date.UTC(2026, 5, 30)
 */
export type DateInput = string | Date | number;

export const MS_PER_DAY = 86_400_000;

/**
 * Epoch milliseconds of a date input, NaN when it is absent or not a valid date (including
 * numbers outside a JS Date's range, ±8.64e15 ms). NaN rather than `null` keeps hot callers on
 * plain doubles: a `number | null` value is boxed on every call. Numbers are taken as they are,
 * without parsing; plain dates (`2026-06-30`) are read as UTC midnight, as `Date.parse` does, so
 * a date means the same day on every machine.
 *
 * @example
 * epochMsOrNaN('1970-01-02'); // 86400000
 * epochMsOrNaN('not a date'); // NaN
 */
export function epochMsOrNaN(input: DateInput | null | undefined): number {
  const t =
    typeof input === 'number'
      ? input
      : input instanceof Date
        ? input.getTime()
        : typeof input === 'string'
          ? Date.parse(input)
          : Number.NaN;
  // Also false for NaN and ±Infinity.
  return Math.abs(t) <= 8.64e15 ? t : Number.NaN;
}

/**
 * Epoch milliseconds of a date input, or `null` when it is absent or not a valid date (see
 * {@link epochMsOrNaN}).
 *
 * @example
 * toEpochMs('1970-01-02'); // 86400000
 * toEpochMs('not a date'); // null
 */
export function toEpochMs(input: DateInput | null | undefined): number | null {
  const ms = epochMsOrNaN(input);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Days (fractional) from epoch of a date input, or `null` when it is absent or not a valid date.
 *
 * @example
 * toEpochDays('1970-01-02T12:00:00Z'); // 1.5
 */
export function toEpochDays(input: DateInput | null | undefined): number | null {
  const ms = epochMsOrNaN(input);
  return Number.isNaN(ms) ? null : ms / MS_PER_DAY;
}

/**
 * `YYYY-MM-DD` (UTC) of the day epoch `days` falls in (floored: 1.9 is still 1970-01-02, a
 * timestamp belongs to its own day), or `null` when not a finite number or outside years
 * 0001..9999 (beyond them an ISO date needs an expanded form no consumer expects).
 *
 * @example
 * epochDaysToIsoDate(1.9); // '1970-01-02'
 * epochDaysToIsoDate(1e9); // null
 */
export function epochDaysToIsoDate(days: number): string | null {
  const d = Math.floor(days);
  // -719162: 0001-01-01; 2932896: 9999-12-31. NaN and ±Infinity fail both tests.
  return d >= -719_162 && d <= 2_932_896
    ? new Date(d * MS_PER_DAY).toISOString().slice(0, 10)
    : null;
}
