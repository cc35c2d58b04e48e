import type { SuccessClient } from '@cscx/success-sdk';
import { createContext } from '@lit/context';

/**
 * The theme a component draws in. `auto` (the default) follows `prefers-color-scheme`.
 */
export type SuccessTheme = 'light' | 'dark' | 'auto';

// Keys are `Symbol.for(...)` rather than fresh symbols so that two copies of this module (a host
// bundling the elements twice, or a CDN copy next to an npm copy) still find each other.

/** The SDK client a `<success-provider>` (or a host) gives to every data element below it. */
export const clientContext = createContext<SuccessClient | undefined>(
  Symbol.for('cscx-success:client'),
);

/** BCP 47 locale for numbers, money and dates, e.g. `de-DE`. Undefined: the default (`en-US`). */
export const localeContext = createContext<string | undefined>(Symbol.for('cscx-success:locale'));

/**
 * An ISO 4217 code that overrides the customer's own currency for display. Undefined: each
 * amount is shown in the currency the API sent with it.
 */
export const currencyContext = createContext<string | undefined>(
  Symbol.for('cscx-success:currency'),
);

/** The theme chosen by the provider; elements without their own `theme` attribute follow it. */
export const themeContext = createContext<SuccessTheme | undefined>(
  Symbol.for('cscx-success:theme'),
);

/** Narrows an attribute value to a {@link SuccessTheme}; anything else is `auto`. */
export function toTheme(value: unknown): SuccessTheme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}
