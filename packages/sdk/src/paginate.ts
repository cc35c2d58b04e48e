import type { CallOptions } from './transport.js';

/**
 * A list operation: call it for one page, or iterate `.all()` for every item across pages.
 *
 * @example
 * const firstPage = await client.listCustomers({ segment: 'enterprise', limit: 50 });
 * for await (const customer of client.listCustomers.all({ segment: 'enterprise' })) {
 *   console.log(customer.name);
 * }
 */
export interface PaginatedMethod<Input, Page, Item> {
  (input?: Input, options?: CallOptions): Promise<Page>;
  /** Every item of every page, fetched one page at a time as the loop asks for more. */
  all(input?: Input, options?: CallOptions): AsyncIterableIterator<Item>;
}

/** Follows `next_cursor` until the server says there is no next page. */
export async function* paginate<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Record<string, unknown>>,
  itemsKey: string,
  firstCursor?: string,
): AsyncIterableIterator<Item> {
  let cursor = firstCursor;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    const items = page[itemsKey];
    if (Array.isArray(items)) yield* items as Item[];
    const next = page.next_cursor;
    if (typeof next !== 'string' || next === '') return;
    // A server that hands back a cursor it already gave would loop forever: stop instead.
    if (seen.has(next)) throw new Error(`pagination: the server repeated cursor ${next}`);
    seen.add(next);
    cursor = next;
  }
}
