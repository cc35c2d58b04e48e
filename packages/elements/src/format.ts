import {
  type DateStyle,
  DEFAULT_LOCALE,
  formatDate,
  formatHours,
  formatMetricValue,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
  MISSING_VALUE,
} from '@cscx/success-calc';

export { MISSING_VALUE };

/** The currency shown when neither the host nor the data names one. */
export const DEFAULT_CURRENCY = 'USD';

/**
 * calc's formatters bound to one locale and an optional currency override: every number an
 * element shows goes through one of these, so a `locale` or `currency` switch reaches all of them.
 */
export interface Format {
  readonly locale: string;
  /** Money in `currency` (the data's), unless the host overrides the currency. */
  money(value: number | null | undefined, currency?: string | null, compact?: boolean): string;
  /** A percent on the 0-100 scale. */
  percent(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** An ROI multiplier: "4.2x". */
  multiplier(value: number | null | undefined): string;
  number(value: number | null | undefined, maximumFractionDigits?: number): string;
  /** Hours with the unit in the locale's words ("2,400 hrs", "2.400 Std."). */
  hours(value: number | null | undefined): string;
  date(value: string | null | undefined, style?: DateStyle): string;
  /** A percentile rank as people say it: "80th" in English, "80." in German. */
  ordinal(value: number | null | undefined): string;
  /** A metric's value in its unit: hours, `%`, a currency code, `ms`, or unitless. */
  metric(value: number | null | undefined, unit: string): string;
  /** The currency amounts are shown in. */
  currency(dataCurrency?: string | null): string;
}

const EN_ORDINAL: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

function validLocale(locale: string | undefined): string {
  if (!locale) return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Binds calc's formatters to a locale and a currency override.
 *
 * @example
 * const f = createFormat('de-DE', 'EUR');
 * f.money(285000, 'USD'); // "285.000 €": the override wins over the data's USD
 * f.multiplier(4.19); // "4,2x"
 * f.hours(2400); // "2.400 Std."
 */
export function createFormat(
  locale: string | undefined,
  currencyOverride: string | undefined,
): Format {
  const tag = validLocale(locale);
  const currency = (data?: string | null) => currencyOverride || data || DEFAULT_CURRENCY;
  const f: Format = {
    locale: tag,
    currency,
    money: (value, dataCurrency, compact = false) =>
      formatMoney(value, currency(dataCurrency), { locale: tag, compact }),
    percent: (value, maximumFractionDigits = 0) =>
      formatPercent(value, { locale: tag, maximumFractionDigits }),
    multiplier: (value) => formatMultiplier(value, { locale: tag }),
    number: (value, maximumFractionDigits = 2) =>
      formatNumber(value, { locale: tag, maximumFractionDigits }),
    hours: (value) => formatHours(value, { locale: tag }),
    date: (value, style = 'medium') => formatDate(value, { locale: tag, style }),
    ordinal: (value) => {
      const n = formatNumber(value, { locale: tag, maximumFractionDigits: 0 });
      if (n === MISSING_VALUE || value === null || value === undefined) return n;
      if (/^en\b/i.test(tag)) {
        const rule = new Intl.PluralRules(tag, { type: 'ordinal' }).select(Math.round(value));
        return `${n}${EN_ORDINAL[rule] ?? 'th'}`;
      }
      return /^de\b/i.test(tag) ? `${n}.` : n;
    },
    // A metric in money keeps its own currency unless the host overrides every amount's.
    metric: (value, unit) =>
      formatMetricValue(value, unit, { locale: tag, currency: currencyOverride || undefined }),
  };
  return f;
}
