import { formatDate, formatNumber } from '@cscx/success-calc';

/** One axis tick: where it sits (scale units) and the text under it. */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

const DAY = 86_400_000;

/**
 * "Nice" ticks for a numeric range: steps of 1, 2 or 5 x 10^k, at most `max` of them, covering
 * lo..hi. Labels go through calc's `formatNumber` (the locale's digits and grouping), compact
 * ("12K") once the numbers are large enough that full digits would crowd the axis.
 *
 * @example
 * numberTicks(11.5, 24, 5, 'en-US').map((t) => t.label); // ['10', '15', '20', '25']
 */
export function numberTicks(lo: number, hi: number, max: number, locale: string): Tick[] {
  let a = Math.min(lo, hi);
  let b = Math.max(lo, hi);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return [];
  if (a === b) {
    // A flat series still needs a visible band around its value.
    const pad = Math.abs(a) * 0.1 || 1;
    a -= pad;
    b += pad;
  }
  const count = Math.max(2, Math.floor(max));
  const raw = (b - a) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const first = Math.floor(a / step);
  const last = Math.ceil(b / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const compact = Math.max(Math.abs(first * step), Math.abs(last * step)) >= 10_000;
  const ticks: Tick[] = [];
  for (let i = first; i <= last; i++) {
    // i * step, rounded to the step's decimals, so 0.1 * 3 prints 0.3 and keys stay stable.
    const value = Number((i * step).toFixed(decimals));
    ticks.push({
      value,
      label: formatNumber(value, {
        locale,
        maximumFractionDigits: compact ? 1 : decimals,
        compact,
      }),
    });
  }
  return ticks;
}

type Unit = 'day' | 'month';

/** Calendar steps a time axis may use, smallest first. */
const TIME_STEPS: readonly { unit: Unit; n: number }[] = [
  { unit: 'day', n: 1 },
  { unit: 'day', n: 2 },
  { unit: 'day', n: 7 },
  { unit: 'day', n: 14 },
  { unit: 'month', n: 1 },
  { unit: 'month', n: 2 },
  { unit: 'month', n: 3 },
  { unit: 'month', n: 6 },
  { unit: 'month', n: 12 },
  { unit: 'month', n: 24 },
  { unit: 'month', n: 60 },
  { unit: 'month', n: 120 },
];

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

type CalendarPart = 'month' | 'month-year' | 'year';

const CALENDAR_OPTIONS: Record<CalendarPart, Intl.DateTimeFormatOptions> = {
  month: { month: 'short', timeZone: 'UTC' },
  'month-year': { month: 'short', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

/**
 * Month and year labels ("Feb", "Jan 2026", "2027"). calc's formatDate has no month-only style,
 * and a month tick sits on the 1st, where "Feb 1" would read as a day; Intl is used directly,
 * in UTC like calc, with formatters cached as calc caches its own.
 */
function calendarLabel(ms: number, locale: string, part: CalendarPart): string {
  const key = `${locale}|${part}`;
  let f = calendarFormats.get(key);
  if (!f) {
    const options = CALENDAR_OPTIONS[part];
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en-US', options);
    }
    if (calendarFormats.size > 64) calendarFormats.clear();
    calendarFormats.set(key, f);
  }
  return f.format(ms);
}

/**
 * Calendar-aligned ticks (UTC days, or the 1st of months) between two epoch-ms instants, at
 * most `max`, with labels in the locale: days through calc's `formatDate` ("Jan 15"), months as
 * "Feb", with the year on the first tick and on each January.
 *
 * @example
 * timeTicks(Date.UTC(2026, 0, 31), Date.UTC(2026, 3, 28), 4, 'en-US').map((t) => t.label);
 * // ['Feb 2026', 'Mar', 'Apr']
 */
export function timeTicks(min: number, max: number, maxTicks: number, locale: string): Tick[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  const limit = Math.max(2, Math.floor(maxTicks));
  const span = max - min;
  const step =
    TIME_STEPS.find((s) => span / ((s.unit === 'day' ? DAY : 30.44 * DAY) * s.n) <= limit) ??
    TIME_STEPS[TIME_STEPS.length - 1]!;
  const ticks: Tick[] = [];
  if (step.unit === 'day') {
    let t = Math.ceil(min / DAY) * DAY;
    // Week steps start on a Monday, so ticks do not wander as the range grows.
    if (step.n === 7 || step.n === 14) while (new Date(t).getUTCDay() !== 1) t += DAY;
    for (; t <= max; t += step.n * DAY) {
      ticks.push({ value: t, label: formatDate(t, { locale, style: 'short' }) });
    }
    return ticks;
  }
  const start = new Date(min);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (Date.UTC(y, m, 1) < min) m++;
  // Align to the step: quarters on Jan/Apr/Jul/Oct, years on January.
  while (m % Math.min(step.n, 12) !== 0) m++;
  y += Math.floor(m / 12);
  m %= 12;
  for (;;) {
    const t = Date.UTC(y, m, 1);
    if (t > max) break;
    const part: CalendarPart =
      step.n >= 12 ? 'year' : ticks.length === 0 || m === 0 ? 'month-year' : 'month';
    ticks.push({ value: t, label: calendarLabel(t, locale, part) });
    m += step.n;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return ticks;
}
