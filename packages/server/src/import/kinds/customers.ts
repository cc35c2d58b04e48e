import { sees } from '../../auth.js';
import { schemas } from '../../contract.js';
import type { AppContext } from '../../http/context.js';
import { newId } from '../../ids.js';
import { notFound } from '../../problem.js';
import {
  allCustomers,
  type CustomerFields,
  type CustomerRecord,
  insertCustomersIfNew,
  updateCustomer,
} from '../../repo/customers.js';
import { csmFor, fieldsOf } from '../../routes/customers-write.js';
import { parentErrors } from '../../write/hierarchy.js';
import {
  atRow,
  attempt,
  type Checked,
  lockOnce,
  parsed,
  RowFailed,
  type RowKind,
} from '../kind.js';

/** What the hierarchy check reads of a customer. */
type Facts = Pick<CustomerRecord, 'id' | 'csm_id' | 'parent_id'>;

interface CustomerRow extends Checked {
  readonly id: string;
  readonly fields: CustomerFields;
  /** The id exists: the row replaces it (updateCustomer without If-Match). */
  readonly replace: boolean;
}

function alreadyExists(id: string) {
  return {
    field: '/id',
    message: `A customer with id ${id} already exists. Choose another id or leave it out.`,
    code: 'already_exists',
  };
}

/**
 * Customers: each row is a createCustomer body. A row whose `id` is a customer the token may
 * write replaces it, as updateCustomer would (the CSM rules of csm_id included); an id taken by a
 * customer outside the token's scope is `already_exists`, as for createCustomer. An id given
 * twice in one file is an error of the second row. A `parent_id` obeys the hierarchy's rules
 * (write/hierarchy.ts) against the stored customers and the rows above it, so a parent must
 * come before its children in the file.
 */
export function customersKind(): RowKind<CustomerRow> {
  const seen = new Map<string, number>();
  // Every customer's id and CSM, read once: a lookup per row would keep a 100,000-row upload
  // waiting on 100,000 queries (and past the server's 30 s request timeout).
  let existingIds: Promise<Map<string, Facts>> | null = null;
  const known = (ctx: AppContext) => {
    existingIds ??= allCustomers(ctx.db).then(
      (all) =>
        new Map(all.map((c) => [c.id, { id: c.id, csm_id: c.csm_id, parent_id: c.parent_id }])),
    );
    return existingIds;
  };
  // The hierarchy as the rows checked so far leave it: each customer's facts (a row overrides
  // the stored customer) and how many children name each parent.
  const asOfFile = new Map<string, Facts>();
  let childCounts: Map<string, number> | null = null;
  const childrenOf = async (ctx: AppContext) => {
    if (!childCounts) {
      childCounts = new Map();
      for (const c of (await known(ctx)).values()) {
        if (c.parent_id !== null)
          childCounts.set(c.parent_id, (childCounts.get(c.parent_id) ?? 0) + 1);
      }
    }
    return childCounts;
  };
  return {
    idField: null,
    schema: schemas.CustomerCreateSchema,
    async check(row, value, { ctx, principal }) {
      const input = parsed(schemas.CustomerCreateSchema, value);
      if (Array.isArray(input)) return input;
      const csm = await attempt(() => csmFor(principal, input.csm_id));
      if (Array.isArray(csm)) return csm;
      const id = input.id ?? newId('cus');
      // Only ids the file gives can repeat (an assigned one is random).
      const first = input.id === undefined ? undefined : seen.get(id);
      if (first !== undefined) {
        return [
          {
            field: '/id',
            message: `Customer ${id} is also in row ${first}.`,
            code: 'duplicate_row',
          },
        ];
      }
      if (input.id !== undefined) seen.set(id, row);
      const existing = input.id === undefined ? null : ((await known(ctx)).get(id) ?? null);
      if (existing && !sees(principal, existing)) return [alreadyExists(id)];
      const fields = fieldsOf(input, csm);
      // The rules of createCustomer and updateCustomer (write/hierarchy.ts) against the stored
      // customers and the rows before this one: a parent must come before its children.
      const before = asOfFile.get(id) ?? existing;
      const counts = await childrenOf(ctx);
      if (fields.parent_id !== null && fields.parent_id !== (before?.parent_id ?? null)) {
        const parentId = fields.parent_id;
        const parent = asOfFile.get(parentId) ?? (await known(ctx)).get(parentId) ?? null;
        const errors = parentErrors(principal, id, parentId, parent, (counts.get(id) ?? 0) > 0);
        if (errors.length > 0) return errors;
      }
      const oldParent = before?.parent_id ?? null;
      if (oldParent !== null) counts.set(oldParent, (counts.get(oldParent) ?? 1) - 1);
      if (fields.parent_id !== null)
        counts.set(fields.parent_id, (counts.get(fields.parent_id) ?? 0) + 1);
      // Only a row with its own id can be named as a parent later (an assigned one is random),
      // and only those are kept: a 100,000-row file without ids holds nothing here.
      if (input.id !== undefined)
        asOfFile.set(id, { id, csm_id: fields.csm_id, parent_id: fields.parent_id });
      return { row, id, fields, replace: existing !== null };
    },
    locks: (r) => (r.replace ? r.id : null),
    async apply(rows, env) {
      // New customers of the batch in one statement; an id taken since it was checked fails its row.
      const fresh = rows.filter((r) => !r.replace);
      const inserted = await insertCustomersIfNew(
        env.tx,
        fresh.map((r) => ({ id: r.id, ...r.fields })),
        env.now,
      );
      for (const r of fresh) {
        if (!inserted.has(r.id)) throw new RowFailed(r.row, [alreadyExists(r.id)]);
        env.touched.add(r.id);
        // The parent gains a child: its rollup changes.
        if (r.fields.parent_id !== null) env.touched.add(r.fields.parent_id);
      }
      env.created += fresh.length;
      for (const r of rows) {
        if (!r.replace) continue;
        await atRow(r.row, async () => {
          await lockOnce(env, r.id);
          if (!(await updateCustomer(env.tx, r.id, r.fields, env.now))) {
            throw notFound('Customer', r.id);
          }
          if (r.fields.parent_id !== null) env.touched.add(r.fields.parent_id);
          env.updated++;
        });
      }
    },
  };
}
