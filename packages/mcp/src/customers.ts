// `customer` arguments are an id or a name. A name is looked up with the API's search (so only
// customers in the token's scope are found); several matches are answered with the candidates,
// never with a guess.
import { type components, NotFoundError, type SuccessClient } from '@cscx/success-sdk';
import { ToolError } from './errors.js';

type Customer = components['schemas']['Customer'];

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** How many candidates an ambiguous name lists. */
const MAX_CANDIDATES = 10;

/** A customer as the tools name it. */
export interface CustomerCandidate {
  readonly id: string;
  readonly name: string;
  readonly segment: string;
}

const candidate = (c: Customer): CustomerCandidate => ({
  id: c.id,
  name: c.name,
  segment: c.segment,
});

/**
 * The one customer `ref` names in the token's scope: an exact id, else the one customer whose
 * name is `ref` (case-insensitive), else the one whose name contains it. Throws a ToolError that
 * lists the candidates when several match, or says so when none does.
 */
export async function resolveCustomer(client: SuccessClient, ref: string): Promise<Customer> {
  const text = ref.trim();
  if (ID.test(text) && text.length <= 64) {
    try {
      return await client.getCustomer({ customerId: text });
    } catch (e) {
      if (!(e instanceof NotFoundError)) throw e;
      // Not an id in scope: it may still be a one-word name ("Acme").
    }
  }
  const found: Customer[] = [];
  for await (const c of client.listCustomers.all({ search: text.slice(0, 200), limit: 50 })) {
    found.push(c);
    if (found.length > 200) break;
  }
  const lower = text.toLowerCase();
  const exact = found.filter((c) => c.name.toLowerCase() === lower);
  if (exact.length === 1 && exact[0]) return exact[0];
  const matches = exact.length > 1 ? exact : found;
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length === 0) {
    throw new ToolError(
      `No customer in this token's scope has the id or a name containing "${text}". List them with the compare_segments tool or use a customer id such as cus_acme.`,
      { candidates: [] },
    );
  }
  const shown = matches.slice(0, MAX_CANDIDATES).map(candidate);
  const more = matches.length > shown.length ? ` and ${matches.length - shown.length} more` : '';
  throw new ToolError(
    `"${text}" matches ${matches.length} customers: ${shown.map((c) => `${c.name} (${c.id})`).join(', ')}${more}. Call again with one of these ids.`,
    { candidates: shown },
  );
}
