import { type Principal, sees } from '../auth.js';
import type { FieldError } from '../problem.js';
import type { CustomerRecord } from '../repo/customers.js';

/**
 * The account hierarchy's rules (issue 16, migration 014): a customer's `parent_id` names an
 * existing customer the token may see, that is not the customer itself, not one of its
 * children, and has no parent of its own; and a customer that has children cannot be given a
 * parent. One level, decided so: a viewer token's scope and a parent's rollup are then one step
 * (no recursive query, no account counted twice), and a cycle cannot form. Deeper structures
 * (a group of groups) are modelled as one parent with every account as its child.
 */

/** What the check needs of the proposed parent: null when no such customer exists. */
export type ParentFacts = Pick<CustomerRecord, 'id' | 'csm_id' | 'parent_id'> | null;

const FIELD = '/parent_id';

/**
 * The 422 field errors of giving customer `id` the parent `parentId` (none when it may), for a
 * token `p`. `hasChildren` says whether `id` is itself a parent now. A parent outside the token's
 * scope reads as unknown, as a GET of it would answer 404.
 *
 * @example
 * parentErrors(p, 'cus_a', 'cus_a', null, false); // [{ field: '/parent_id', code: 'self_parent', ... }]
 */
export function parentErrors(
  p: Principal,
  id: string,
  parentId: string,
  parent: ParentFacts,
  hasChildren: boolean,
): FieldError[] {
  const error = (code: string, message: string): FieldError[] => [{ field: FIELD, message, code }];
  if (parentId === id) return error('self_parent', 'A customer cannot be its own parent.');
  if (parent === null || !sees(p, parent)) {
    return error(
      'unknown_parent',
      `No customer ${parentId} that this token may see. Name an existing customer, or leave parent_id out.`,
    );
  }
  if (parent.parent_id === id) {
    return error(
      'parent_cycle',
      `Customer ${parentId} is a child of ${id}: making it ${id}'s parent would make a cycle.`,
    );
  }
  if (parent.parent_id !== null) {
    return error(
      'parent_depth',
      `Customer ${parentId} is itself a child of ${parent.parent_id}; accounts nest one level only. Name ${parent.parent_id} as the parent instead.`,
    );
  }
  if (hasChildren) {
    return error(
      'parent_depth',
      `Customer ${id} has children of its own, so it cannot have a parent: accounts nest one level only.`,
    );
  }
  return [];
}
