import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatHours,
  formatMetricValue,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
  MISSING_VALUE,
} from './format.js';

const NBSP = '\u00a0';
const MISSING_INPUTS = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
] as const;

describe('formatMultiplier', () => {
  it('shows the TC-165.2 ROI 285K / 68K as "4.2x"', () => {
    expect(formatMultiplier(285_000 / 68_000)).toBe('4.2x');
    expect(formatMultiplier(4.19)).toBe('4.2x');
  });

  it('uses locale digits: "4,2x" in de-DE', () => {
    expect(formatMultiplier(4.19, { locale: 'de-DE' })).toBe('4,2x');
  });

  it('always shows the fixed number of decimals ("3.0x") and honours fractionDigits', () => {
    expect(formatMultiplier(3)).toBe('3.0x');
    expect(formatMultiplier(4.1912, { fractionDigits: 2 })).toBe('4.19x');
    expect(formatMultiplier(4.19, { fractionDigits: 0 })).toBe('4x');
  });
});

describe('formatPercent', () => {
  it('shows 80 on the 0-100 scale as "80%" (PRD-165 mock-up)', () => {
    expect(formatPercent(80)).toBe('80%');
  });

  it('rounds only for display: 104.1666 shows "104%" by default, "104.17%" with 2 decimals', () => {
    expect(formatPercent(104.1666)).toBe('104%');
    expect(formatPercent(104.1666, { maximumFractionDigits: 2 })).toBe('104.17%');
  });

  it('follows the locale: "80 %" in de-DE', () => {
    expect(formatPercent(80, { locale: 'de-DE' })).toBe(`80${NBSP}%`);
  });

  it('never shows "-0%" for a small negative value that rounds to 0', () => {
    expect(formatPercent(-0.2)).toBe('0%');
    expect(formatPercent(-12)).toBe('-12%');
  });
});

describe('formatMoney', () => {
  it('shows PRD-165 value delivered compact as "$285K" and in full as "$285,000"', () => {
    expect(formatMoney(285_000, 'USD', { compact: true })).toBe('$285K');
    expect(formatMoney(285_000, 'USD')).toBe('$285,000');
    expect(formatMoney(68_000, 'USD', { compact: true })).toBe('$68K');
  });

  it('shows PRD-165 time value $93,750 per month in whole dollars', () => {
    expect(formatMoney(93_750, 'USD')).toBe('$93,750');
    expect(formatMoney(93_750.5, 'USD')).toBe('$93,751');
    expect(formatMoney(93_750.5, 'USD', { maximumFractionDigits: 2 })).toBe('$93,750.50');
  });

  it('formats euros in de-DE as "285.000 €"', () => {
    expect(formatMoney(285_000, 'EUR', { locale: 'de-DE' })).toBe(`285.000${NBSP}€`);
  });

  it('falls back to the number and the code as text for an invalid currency code', () => {
    expect(formatMoney(1000, 'XX')).toBe('1,000 XX');
    expect(formatMoney(1000, 'dollars', { locale: 'de-DE' })).toBe('1.000 dollars');
    expect(formatMoney(1000, undefined as never)).toBe('1,000');
  });

  it('shows negative amounts and never "-$0"', () => {
    expect(formatMoney(-285_000, 'USD', { compact: true })).toBe('-$285K');
    expect(formatMoney(-0.2, 'USD')).toBe('$0');
  });
});

describe('formatHours', () => {
  it('shows PRD-165 time saved as "2,400 hrs"', () => {
    expect(formatHours(2400)).toBe('2,400 hrs');
  });

  it('keeps one decimal by default ("12.5 hrs") and says "1 hr" for one hour as shown', () => {
    expect(formatHours(12.5)).toBe('12.5 hrs');
    expect(formatHours(1)).toBe('1 hr');
    expect(formatHours(1.04)).toBe('1 hr');
    expect(formatHours(1.06)).toBe('1.1 hrs');
  });

  it('lets the unit text be translated', () => {
    expect(formatHours(2400, { locale: 'de-DE', unit: 'Std.' })).toBe('2.400 Std.');
    expect(formatHours(1, { unit: 'Std.' })).toBe('1 Std.');
    expect(formatHours(1, { unit: 'heures', unitOne: 'heure' })).toBe('1 heure');
  });

  it('speaks the locale\'s own hour unit outside English, and keeps PRD-165\'s "hrs" in English', () => {
    expect(formatHours(2400, { locale: 'de-DE' })).toBe('2.400 Std.');
    expect(formatHours(1, { locale: 'de-DE' })).toBe('1 Std.');
    expect(formatHours(12.5, { locale: 'fr-FR' })).toBe('12,5\u202fh');
    expect(formatHours(2400, { locale: 'en-GB' })).toBe('2,400 hrs');
    expect(formatHours(Number.NaN, { locale: 'de-DE' })).toBe(MISSING_VALUE);
  });
});

describe('formatMetricValue', () => {
  it('shows each unit the way the dashboard and the reports both show it', () => {
    expect(formatMetricValue(11.5, 'hours')).toBe('11.5 hrs');
    expect(formatMetricValue(24, 'h', { locale: 'de-DE' })).toBe('24 Std.');
    expect(formatMetricValue(78, '%')).toBe('78%');
    expect(formatMetricValue(78.25, '%')).toBe('78.3%');
    expect(formatMetricValue(35000, 'USD')).toBe('$35,000');
    expect(formatMetricValue(35000, 'USD', { locale: 'de-DE' })).toBe('35.000\u00a0$');
    expect(formatMetricValue(35000, 'USD', { currency: 'EUR' })).toBe('€35,000');
    expect(formatMetricValue(85, 'ms')).toBe('85 ms');
    expect(formatMetricValue(48, '')).toBe('48');
  });

  it('shows a missing or impossible value as "—" whatever the unit', () => {
    for (const unit of ['hours', '%', 'USD', 'ms', '']) {
      expect(formatMetricValue(null, unit)).toBe(MISSING_VALUE);
      expect(formatMetricValue(Number.POSITIVE_INFINITY, unit)).toBe(MISSING_VALUE);
    }
  });
});

describe('formatNumber', () => {
  it('groups digits by locale with at most 2 decimals by default', () => {
    expect(formatNumber(1875)).toBe('1,875');
    expect(formatNumber(1234.567)).toBe('1,234.57');
    expect(formatNumber(1234.567, { locale: 'de-DE' })).toBe('1.234,57');
  });

  it('supports compact notation and explicit decimals', () => {
    expect(formatNumber(285_000, { compact: true })).toBe('285K');
    expect(formatNumber(1234, { compact: true })).toBe('1.2K');
    expect(formatNumber(1234, { compact: true, maximumFractionDigits: 2 })).toBe('1.23K');
    expect(formatNumber(2, { minimumFractionDigits: 2 })).toBe('2.00');
  });

  it('raises the maximum rather than throw when the minimum is above it', () => {
    expect(formatNumber(1.23456, { minimumFractionDigits: 4 })).toBe('1.2346');
    expect(formatNumber(1.5, { minimumFractionDigits: 3, maximumFractionDigits: 1 })).toBe('1.500');
  });

  it('clamps digit options to 0..20 instead of throwing', () => {
    expect(formatNumber(1.5, { maximumFractionDigits: -3 })).toBe('2');
    expect(formatNumber(1.5, { maximumFractionDigits: 500 })).toBe('1.5');
  });

  it('falls back to en-US for an invalid or missing locale', () => {
    expect(formatNumber(1875, { locale: '!!not a locale' })).toBe('1,875');
    expect(formatNumber(1875, { locale: '' })).toBe('1,875');
    expect(formatNumber(1875, { locale: 42 as never })).toBe('1,875');
  });

  it('gives the same text on repeated calls (cached formatters)', () => {
    const first = formatNumber(1234.5, { locale: 'fr-FR' });
    expect(formatNumber(1234.5, { locale: 'fr-FR' })).toBe(first);
  });
});

describe('formatDate', () => {
  it('shows PRD-165 milestone dates short as "Jan 15" and medium as "Jan 15, 2026"', () => {
    expect(formatDate('2026-01-15', { style: 'short' })).toBe('Jan 15');
    expect(formatDate('2026-01-15', { style: 'medium' })).toBe('Jan 15, 2026');
    expect(formatDate('2026-01-15')).toBe('Jan 15, 2026');
    expect(formatDate('2026-01-15', { style: 'long' })).toBe('January 15, 2026');
  });

  it('formats in UTC so a plain ISO date never shifts a day', () => {
    expect(formatDate('2026-02-01', { style: 'short' })).toBe('Feb 1');
    expect(formatDate(new Date(Date.UTC(2026, 2, 10)), { style: 'short' })).toBe('Mar 10');
    expect(formatDate(Date.UTC(2026, 3, 5))).toBe('Apr 5, 2026');
    expect(formatDate('2026-01-15T23:30:00Z', { style: 'short' })).toBe('Jan 15');
  });

  it('takes another time zone when asked, and falls back to UTC for an unknown one', () => {
    expect(formatDate('2026-01-15T23:30:00Z', { style: 'short', timeZone: 'Asia/Tokyo' })).toBe(
      'Jan 16',
    );
    expect(formatDate('2026-01-15', { timeZone: 'Nowhere/Atlantis' })).toBe('Jan 15, 2026');
  });

  it('follows the locale', () => {
    expect(formatDate('2026-01-15', { locale: 'de-DE' })).toBe('15.01.2026');
  });

  it('shows "—" for an invalid, missing or out-of-range date', () => {
    for (const d of ['not a date', '', null, undefined, Number.NaN, 8.64e15 + 1, {} as never]) {
      expect(formatDate(d)).toBe(MISSING_VALUE);
    }
  });

  it('uses medium for an unknown style', () => {
    expect(formatDate('2026-01-15', { style: 'toString' as never })).toBe('Jan 15, 2026');
  });
});

describe('missing values', () => {
  it('shows the em dash for null, undefined, NaN and Infinity in every formatter', () => {
    expect(MISSING_VALUE).toBe('—');
    for (const v of MISSING_INPUTS) {
      expect(formatNumber(v)).toBe('—');
      expect(formatPercent(v)).toBe('—');
      expect(formatMultiplier(v)).toBe('—');
      expect(formatMoney(v, 'USD')).toBe('—');
      expect(formatMoney(v, 'XX')).toBe('—');
      expect(formatHours(v)).toBe('—');
      expect(formatDate(v)).toBe('—');
    }
    expect(formatNumber('12' as never)).toBe('—');
  });

  it('never throws and never shows NaN or Infinity, for any number and options', () => {
    const locale = fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'ja-JP', 'bad locale', '');
    const digits = fc.option(fc.double(), { nil: undefined });
    fc.assert(
      fc.property(fc.double(), locale, digits, fc.boolean(), (n, loc, max, compact) => {
        const texts = [
          formatNumber(n, { locale: loc, maximumFractionDigits: max, compact }),
          formatPercent(n, { locale: loc, maximumFractionDigits: max }),
          formatMultiplier(n, { locale: loc, fractionDigits: max }),
          formatMoney(n, 'USD', { locale: loc, compact, maximumFractionDigits: max }),
          formatMoney(n, 'X1', { locale: loc }),
          formatHours(n, { locale: loc, maximumFractionDigits: max }),
          formatDate(n, { locale: loc }),
        ];
        for (const t of texts) {
          expect(t).not.toMatch(/NaN|Infinity|∞|undefined/);
          expect(t.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
