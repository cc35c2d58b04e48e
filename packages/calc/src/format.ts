import { type DateInput, toEpochMs } from './dates.js';
import { clamp, isFiniteNumber } from './result.js';

/** What every formatter shows for null, undefined, NaN or Infinity: never "NaN" on screen. */
export const MISSING_VALUE = '—';

/** The locale used when none is given or the given one is not a valid BCP 47 tag. */
export const DEFAULT_LOCALE = 'en-US';

/** Options shared by every formatter. */
export interface LocaleOptions {
  /** BCP 47 locale tag; default `'en-US'`. An invalid tag falls back to the default. */
  readonly locale?: string | undefined;
}

/** Options of {@link formatNumber}. */
export interface NumberOptions extends LocaleOptions {
  /** Most decimals shown; default 2 (compact: Intl's own rounding, e.g. "1.2K"). 0..20. */
  readonly maximumFractionDigits?: number | undefined;
  /** Fewest decimals shown; default 0. 0..20. */
  readonly minimumFractionDigits?: number | undefined;
  /** Short scale: 285000 -> "285K". */
  readonly compact?: boolean | undefined;
}

/** Options of {@link formatPercent}. */
export interface PercentOptions extends LocaleOptions {
  /** Most decimals shown; default 0. */
  readonly maximumFractionDigits?: number | undefined;
}

/** Options of {@link formatMultiplier}. */
export interface MultiplierOptions extends LocaleOptions {
  /** Exactly this many decimals; default 1 (TC-165.2: "4.2x"). */
  readonly fractionDigits?: number | undefined;
}

/** Options of {@link formatMoney}. */
export interface MoneyOptions extends LocaleOptions {
  /** Short scale: 285000 -> "$285K" (PRD-165 mock-up). */
  readonly compact?: boolean | undefined;
  /** Most decimals shown; default 0 (whole units), compact: Intl's own rounding. */
  readonly maximumFractionDigits?: number | undefined;
}

/** Options of {@link formatHours}. */
export interface HoursOptions extends LocaleOptions {
  /** Most decimals shown; default 1 (PRD-165: "12.5 hours"). */
  readonly maximumFractionDigits?: number | undefined;
  /**
   * Unit text after the number. Default: `'hrs'` in English (PRD-165's mock-up), the locale's
   * own short unit elsewhere (Intl: "2.400 Std.", "2 400 h").
   */
  readonly unit?: string | undefined;
  /** Unit text for exactly 1; default `'hr'`, or `unit` when `unit` is given. */
  readonly unitOne?: string | undefined;
}

/** How much of a date {@link formatDate} shows. */
export type DateStyle = 'short' | 'medium' | 'long';

/** Options of {@link formatDate}. */
export interface DateOptions extends LocaleOptions {
  /** `'short'` "Jan 15", `'medium'` (default) "Jan 15, 2026", `'long'` "January 15, 2026". */
  readonly style?: DateStyle | undefined;
  /** IANA time zone; default `'UTC'`, so a plain ISO date never shifts a day. */
  readonly timeZone?: string | undefined;
}

interface Formatter {
  format(value: number): string;
}

// Constructing an Intl formatter costs far more than using one: keep them by locale + options.
// `null` remembers options Intl rejects (an unknown currency) so they do not throw every call.
const cache = new Map<string, Formatter | null>();

/**
 * A cached Intl.DateTimeFormat (`date`) or Intl.NumberFormat for `locale` (the default locale
 * when it is not a valid tag), or `null` when Intl rejects the options in both.
 */
function formatter(date: boolean, locale: unknown, options: object): Formatter | null {
  const tag = typeof locale === 'string' && locale !== '' ? locale : DEFAULT_LOCALE;
  const key = `${date}${tag}${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = null;
    for (const l of [tag, DEFAULT_LOCALE]) {
      try {
        f = date ? new Intl.DateTimeFormat(l, options) : new Intl.NumberFormat(l, options);
        break;
      } catch {
        // An invalid tag or option: try the default locale, then give up (null).
      }
    }
    // Locales come from attributes: bound the cache rather than trust the variety to stay small.
    if (cache.size >= 256) cache.clear();
    cache.set(key, f);
  }
  return f;
}

/** Digits option: a whole number in 0..20, or the default when absent or not a finite number. */
function digits(value: unknown, fallback: number): number {
  return isFiniteNumber(value) ? clamp(Math.trunc(value), 0, 20) : fallback;
}

/**
 * Intl.NumberFormat options. A minimum above the maximum raises the maximum (Intl would throw).
 * `signDisplay: 'negative'` keeps -0.2 from showing as "-0".
 */
function numberOptions(
  options: NumberOptions | undefined,
  defaultMax: number,
  extra?: Intl.NumberFormatOptions,
): Intl.NumberFormatOptions {
  const compact = options?.compact === true;
  const max = options?.maximumFractionDigits;
  const min = options?.minimumFractionDigits;
  const o: Intl.NumberFormatOptions = { ...extra, signDisplay: 'negative' };
  if (compact) o.notation = 'compact';
  // Compact without an explicit maximum keeps Intl's own rounding ("1.2K", "$285K").
  if (!compact || isFiniteNumber(max)) o.maximumFractionDigits = digits(max, defaultMax);
  if (isFiniteNumber(min)) {
    o.minimumFractionDigits = digits(min, 0);
    if (o.minimumFractionDigits > (o.maximumFractionDigits ?? 20)) {
      o.maximumFractionDigits = o.minimumFractionDigits;
    }
  }
  return o;
}

function formatWith(value: unknown, locale: unknown, options: Intl.NumberFormatOptions): string {
  // Only an invalid currency makes both locales fail; formatMoney handles that before here.
  return isFiniteNumber(value)
    ? (formatter(false, locale, options)?.format(value) ?? String(value))
    : MISSING_VALUE;
}

/**
 * A number with locale grouping and at most 2 decimals (by default).
 *
 * @example
 * formatNumber(1875); // "1,875"
 * formatNumber(1234.567, { locale: 'de-DE' }); // "1.234,57"
 * formatNumber(285000, { compact: true }); // "285K"
 * formatNumber(Number.NaN); // "—"
 */
export function formatNumber(value: number | null | undefined, options?: NumberOptions): string {
  return formatWith(value, options?.locale, numberOptions(options, 2));
}

/**
 * A percent given on the 0-100 scale (DESIGN.md "Wire conventions"), 0 decimals by default.
 *
 * @example
 * formatPercent(80); // "80%" (PRD-165 mock-up)
 * formatPercent(104.1666); // "104%" (TC-165.1)
 * formatPercent(104.1666, { maximumFractionDigits: 2 }); // "104.17%"
 * formatPercent(80, { locale: 'de-DE' }); // "80 %"
 */
export function formatPercent(value: number | null | undefined, options?: PercentOptions): string {
  // The percent unit takes the number as is: style 'percent' would need value / 100 first.
  return formatWith(
    value,
    options?.locale,
    numberOptions(options, 0, { style: 'unit', unit: 'percent' }),
  );
}

/**
 * A multiplier such as an ROI, with a fixed number of decimals (1 by default) and an "x".
 *
 * @example
 * formatMultiplier(4.19); // "4.2x" (TC-165.2: 285K / 68K)
 * formatMultiplier(4.19, { locale: 'de-DE' }); // "4,2x"
 * formatMultiplier(3); // "3.0x"
 */
export function formatMultiplier(
  value: number | null | undefined,
  options?: MultiplierOptions,
): string {
  const n = digits(options?.fractionDigits, 1);
  const text = formatWith(value, options?.locale, {
    minimumFractionDigits: n,
    maximumFractionDigits: n,
    signDisplay: 'negative',
  });
  return text === MISSING_VALUE ? text : `${text}x`;
}

/**
 * An amount of money in major units of an ISO 4217 currency, whole units by default. An invalid
 * currency code never throws: the number is shown followed by the code as text.
 *
 * @example
 * formatMoney(285000, 'USD', { compact: true }); // "$285K" (PRD-165 mock-up)
 * formatMoney(285000, 'USD'); // "$285,000"
 * formatMoney(93750, 'USD'); // "$93,750" (PRD-165: per month)
 * formatMoney(285000, 'EUR', { locale: 'de-DE' }); // "285.000 €" (no-break space)
 * formatMoney(1000, 'XX'); // "1,000 XX"
 */
export function formatMoney(
  value: number | null | undefined,
  currency: string,
  options?: MoneyOptions,
): string {
  if (!isFiniteNumber(value)) return MISSING_VALUE;
  const code = typeof currency === 'string' ? currency : '';
  const f = formatter(
    false,
    options?.locale,
    numberOptions(options, 0, { style: 'currency', currency: code }),
  );
  return f
    ? f.format(value)
    : `${formatWith(value, options?.locale, numberOptions(options, 0))} ${code}`.trim();
}

/**
 * Hours: "hrs" in English (PRD-165 mock-up "2,400 hrs"), the locale's own short unit in other
 * languages, or the `unit` given.
 *
 * @example
 * formatHours(2400); // "2,400 hrs"
 * formatHours(12.5); // "12.5 hrs"
 * formatHours(1); // "1 hr"
 * formatHours(Number.NaN); // "—"
 * formatHours(2400, { locale: 'de-DE' }); // "2.400 Std."
 * formatHours(2400, { locale: 'de-DE', unit: 'Stunden' }); // "2.400 Stunden"
 */
export function formatHours(value: number | null | undefined, options?: HoursOptions): string {
  if (!isFiniteNumber(value)) return MISSING_VALUE;
  const o = numberOptions(options, 1);
  const locale = options?.locale;
  if (typeof options?.unit !== 'string' && typeof locale === 'string' && !/^en\b/i.test(locale)) {
    const local = formatter(false, locale, {
      ...o,
      style: 'unit',
      unit: 'hour',
      unitDisplay: 'short',
    });
    if (local) return local.format(value);
  }
  const unit = typeof options?.unit === 'string' ? options.unit : 'hrs';
  const one = typeof options?.unitOne === 'string' ? options.unitOne : unit === 'hrs' ? 'hr' : unit;
  // Singular when the number shown is 1 ("1 hr"), not only when the value is exactly 1.
  const scale = 10 ** (o.maximumFractionDigits ?? 0);
  return `${formatWith(value, locale, o)} ${Math.round(value * scale) === scale ? one : unit}`;
}

/** Options of {@link formatMetricValue}. */
export interface MetricValueOptions extends LocaleOptions {
  /** For a metric measured in money: the currency to show (default: the unit's own code). */
  readonly currency?: string | undefined;
}

/**
 * A metric's value in its unit, the same on every surface: hours as {@link formatHours}, `%`
 * as a percent with one decimal, an ISO 4217 code as money, any other unit after the number.
 *
 * @example
 * formatMetricValue(11.5, 'hours'); // "11.5 hrs"
 * formatMetricValue(78, '%'); // "78%"
 * formatMetricValue(35000, 'USD'); // "$35,000"
 * formatMetricValue(85, 'ms'); // "85 ms"
 * formatMetricValue(null, 'ms'); // "—"
 */
export function formatMetricValue(
  value: number | null | undefined,
  unit: string,
  options?: MetricValueOptions,
): string {
  const locale = options?.locale;
  if (/^(h|hr|hrs|hour|hours)$/i.test(unit)) return formatHours(value, { locale });
  if (unit === '%') return formatPercent(value, { locale, maximumFractionDigits: 1 });
  if (/^[A-Z]{3}$/.test(unit)) return formatMoney(value, options?.currency || unit, { locale });
  const n = formatNumber(value, { locale });
  return unit === '' || n === MISSING_VALUE ? n : `${n} ${unit}`;
}

/**
 * A calendar date for people, in UTC by default so `'2026-01-15'` is Jan 15 everywhere.
 * An invalid date gives "—"; an invalid time zone falls back to UTC.
 *
 * @example
 * formatDate('2026-01-15', { style: 'short' }); // "Jan 15" (PRD-165 milestones)
 * formatDate('2026-01-15'); // "Jan 15, 2026"
 * formatDate('2026-01-15', { locale: 'de-DE' }); // "15.01.2026"
 * formatDate('not a date'); // "—"
 */
export function formatDate(value: DateInput | null | undefined, options?: DateOptions): string {
  // toEpochMs also rejects numbers outside a Date's range, where Intl would throw.
  const ms = toEpochMs(value);
  const s = options?.style;
  const style: Intl.DateTimeFormatOptions =
    s === 'short' ? { month: 'short', day: 'numeric' } : { dateStyle: s === 'long' ? s : 'medium' };
  const zone = options?.timeZone;
  const f =
    formatter(true, options?.locale, {
      ...style,
      timeZone: typeof zone === 'string' ? zone : 'UTC',
    }) ?? formatter(true, options?.locale, { ...style, timeZone: 'UTC' });
  return ms === null || f === null ? MISSING_VALUE : f.format(ms);
}

/**
 * A benchmark row's value as its metric reads everywhere else: the success score as a whole
 * number, an ROI as a multiplier (the wire's `roi_pct` 419.1 reads "4.2x", as on the ROI card;
 * `roi_multiplier` as given), any other metric as a percent.
 *
 * @example
 * formatBenchmarkValue('roi_pct', 419.12); // "4.2x" (TC-165.2, not "419%")
 * formatBenchmarkValue('success_score', 91.4); // "91"
 * formatBenchmarkValue('achievement_rate', 40); // "40%"
 */
export function formatBenchmarkValue(
  metric: string,
  value: number | null | undefined,
  options?: { readonly locale?: string | undefined },
): string {
  const locale = options?.locale;
  if (metric === 'success_score') return formatNumber(value, { locale, maximumFractionDigits: 0 });
  if (metric === 'roi_pct') {
    return formatMultiplier(isFiniteNumber(value) ? value / 100 : null, { locale });
  }
  if (metric === 'roi_multiplier') return formatMultiplier(value, { locale });
  return formatPercent(value, { locale });
}
