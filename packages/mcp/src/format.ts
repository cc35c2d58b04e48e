// Every number an agent reads is formatted by calc, as the dashboard formats it ("$285K",
// "4.2x", "40%"), so the conversation and the embedded dashboard show the same figures.
import { formatMoney, formatMultiplier, formatNumber, formatPercent } from '@cscx/success-calc';

/** Money as the dashboard's value cards show it: compact ("$285K"). */
export const money = (value: number | null | undefined, currency: string): string =>
  formatMoney(value, currency, { compact: true });

/** An ROI multiplier ("4.2x"), or "no ROI" when the API gave none. */
export const multiplier = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'no ROI' : formatMultiplier(value);

export const percent = (value: number | null | undefined): string => formatPercent(value);

export const score = (value: number | null | undefined): string =>
  formatNumber(value, { maximumFractionDigits: 0 });

export const number = (value: number | null | undefined): string => formatNumber(value);

/** Status names as people say them ("on track", "at risk"). */
export const status = (s: string): string => s.replace(/_/g, ' ');
