import { describe, expectTypeOf, it } from 'vitest';
import type { DateInput } from './dates.js';
import {
  type DateStyle,
  formatDate,
  formatHours,
  formatMoney,
  formatMultiplier,
  formatNumber,
  formatPercent,
} from './format.js';

describe('format types', () => {
  it('always returns a string, never a result object or null', () => {
    for (const f of [formatNumber, formatPercent, formatMultiplier, formatHours]) {
      expectTypeOf(f).returns.toEqualTypeOf<string>();
    }
    expectTypeOf(formatMoney).returns.toEqualTypeOf<string>();
    expectTypeOf(formatDate).returns.toEqualTypeOf<string>();
  });

  it('accepts null and undefined values so callers need no guard', () => {
    expectTypeOf(formatNumber).parameter(0).toEqualTypeOf<number | null | undefined>();
    expectTypeOf(formatMoney).parameter(0).toEqualTypeOf<number | null | undefined>();
    expectTypeOf(formatDate).parameter(0).toEqualTypeOf<DateInput | null | undefined>();
  });

  it('limits date styles to short, medium and long', () => {
    expectTypeOf<DateStyle>().toEqualTypeOf<'short' | 'medium' | 'long'>();
    // @ts-expect-error 'full' is not a DateStyle
    formatDate('2026-01-15', { style: 'full' });
  });

  it('makes every options object optional', () => {
    expectTypeOf(formatMoney).parameter(2).toEqualTypeOf<
      | {
          readonly locale?: string | undefined;
          readonly compact?: boolean | undefined;
          readonly maximumFractionDigits?: number | undefined;
        }
      | undefined
    >();
    // @ts-expect-error the currency code is required
    formatMoney(1);
  });
});
