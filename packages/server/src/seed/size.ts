import { GENERATED_CUSTOMERS } from './generated.js';

/**
 * How many customers the demo data holds: Acme Corp and Globex Corp, then generated ones
 * (`npm run seed -- --customers N`, `npm start -- --customers N`, CSCX_DEMO_CUSTOMERS). The
 * generator is deterministic, so the same N seeded on the same day gives the same rows.
 */

/** The demo as it ships: Acme, Globex and the generated customers. */
export const DEMO_CUSTOMERS = 2 + GENERATED_CUSTOMERS;
/** Acme and Globex: the smallest demo (the documented tokens name them). */
export const MIN_CUSTOMERS = 2;
/** Beyond this the seed holds the whole portfolio in memory for minutes: a typo, not a test. */
export const MAX_CUSTOMERS = 100_000;

/** `text` (from `origin`, for the message) as a customer count, or an Error saying why not. */
export function parseCustomerCount(text: string, origin: string): number | Error {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return new Error(
      `${origin} must be a whole number of customers from ${MIN_CUSTOMERS} to ${MAX_CUSTOMERS.toLocaleString('en-US')}, not ${JSON.stringify(text)}.`,
    );
  }
  const n = Number(trimmed);
  if (n < MIN_CUSTOMERS || n > MAX_CUSTOMERS) {
    return new Error(
      `${origin} must be from ${MIN_CUSTOMERS} (Acme Corp and Globex Corp) to ${MAX_CUSTOMERS.toLocaleString('en-US')}, not ${trimmed}.`,
    );
  }
  return n;
}

/** The `generated` option of `seedDemo` for a demo of `customers` customers in all. */
export function generatedFor(customers: number): number {
  return customers - MIN_CUSTOMERS;
}
