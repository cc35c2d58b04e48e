import type { Hono } from 'hono';
import { assertCanWrite, type Principal } from '../auth.js';
import { type CustomerCreate, type CustomerReplace, schemas } from '../contract.js';
import { customerInScope } from '../data.js';
import type { Queryable } from '../db/database.js';
import { toCustomer } from '../derive/customer.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { idempotentPost } from '../http/idempotent-post.js';
import {
  checkVersion,
  etag,
  matchesVersion,
  parseIfMatch,
  requireIfMatch,
} from '../http/preconditions.js';
import { jsonReply, sendJson } from '../http/respond.js';
import { newId } from '../ids.js';
import { notFound, ProblemError, validationFailed } from '../problem.js';
import {
  type CustomerFields,
  getCustomer,
  hasChildren,
  insertCustomerIfNew,
  lockParent,
  updateCustomer,
} from '../repo/customers.js';
import { parseBody, pathId, Query } from '../validate.js';
import { parentErrors } from '../write/hierarchy.js';
import { withoutReadOnlyFields } from '../write/read-only.js';
import { writeForCustomer } from '../write/tx.js';

/** Read-only fields of a customer a PUT may send back unchanged (openapi.yaml CustomerReplace). */
const READ_ONLY = ['id', 'version'] as const;

/**
 * The CSM a write leaves the customer with, under the token's role: a manager sets any (or
 * none); a CSM keeps customers in their own portfolio. A CSM may not hand a customer to another
 * CSM nor leave it unassigned: either would take it out of their scope with no way back, and
 * reassignment is a portfolio decision, the manager's.
 */
export function csmFor(p: Principal, given: string | null | undefined): string | null {
  if (p.role !== 'csm') return given ?? null;
  if (given === undefined || given === p.csmId) return p.csmId;
  throw new ProblemError(
    403,
    `A CSM token may only keep customers in its own portfolio (csm_id ${p.csmId}); ask a manager to assign one to another CSM.`,
    [
      {
        field: '/csm_id',
        message: `Must be ${p.csmId} (your own) or left out.`,
        code: 'forbidden',
      },
    ],
  );
}

/** The stored fields of a create or replace body, with the CSM {@link csmFor} allows. */
export function fieldsOf(
  input: CustomerCreate | CustomerReplace,
  csmId: string | null,
): CustomerFields {
  return {
    name: input.name,
    segment: input.segment,
    industry: input.industry ?? null,
    csm_id: csmId,
    currency: input.currency,
    contract_start: input.contract_start ?? null,
    investment: input.investment ?? null,
    parent_id: input.parent_id ?? null,
  };
}

/**
 * Checks the parent a write gives customer `id` (write/hierarchy.ts), inside the write's
 * transaction, after the customer's own row is locked: the parent's row is locked too and read
 * as committed, so this check and a concurrent write making the parent a child (or giving this
 * customer a child) take turns and cannot both pass. An update locks the customer and its new
 * parent together in id order (writeForCustomer's alsoLock), so two writes naming each other as
 * parent, or an import holding both, queue instead of deadlocking; the second finds the cycle.
 * 422 with `/parent_id` when it may not.
 */
async function checkParent(
  tx: Queryable,
  p: Principal,
  id: string,
  parentId: string,
  isNew: boolean,
): Promise<void> {
  const parent = parentId === id ? null : await lockParent(tx, parentId);
  const errors = parentErrors(p, id, parentId, parent, !isNew && (await hasChildren(tx, id)));
  if (errors.length > 0) throw validationFailed(errors);
}

export function registerCustomerWrites(app: Hono<Env>, ctx: AppContext): void {
  // createCustomer: manager any; a CSM into their own portfolio; a viewer never.
  idempotentPost(app, ctx, '/api/customers', null, async ({ body, principal: p, save }) => {
    assertCanWrite(p);
    const input = parseBody(schemas.CustomerCreateSchema, body.value);
    const fields = fieldsOf(input, csmFor(p, input.csm_id));
    const id = input.id ?? newId('cus');
    const now = ctx.clock().getTime();
    const reply = await ctx.db.transaction(async (tx) => {
      if (fields.parent_id !== null) await checkParent(tx, p, id, fields.parent_id, true);
      if (!(await insertCustomerIfNew(tx, { id, ...fields }, now))) {
        throw validationFailed([
          {
            field: '/id',
            message: `A customer with id ${id} already exists. Choose another id or leave it out.`,
            code: 'already_exists',
          },
        ]);
      }
      const created = await getCustomer(tx, id);
      if (!created) throw notFound('Customer', id);
      const r = jsonReply(201, toCustomer(created), {
        etag: etag(created.version),
        location: `/api/customers/${encodeURIComponent(id)}`,
      });
      await save(tx, r);
      return r;
    });
    // A GET before the create may have cached "no such customer".
    ctx.cache.bump(id);
    // The parent has a new child: its rollup and children change.
    if (fields.parent_id !== null) ctx.cache.bump(fields.parent_id);
    return reply;
  });

  // updateCustomer: a full replacement under If-Match.
  app.put('/api/customers/:customerId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('customerId', c.req.param('customerId'));
    const ifMatch = parseIfMatch(c);
    const p = c.get('principal');
    const before = await customerInScope(ctx, p, id);
    assertCanWrite(p);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const value = withoutReadOnlyFields(
      body.value,
      toCustomer(before),
      READ_ONLY,
      matchesVersion(expected, before.version),
    );
    const input = parseBody(schemas.CustomerReplaceSchema, value);
    const fields = fieldsOf(input, csmFor(p, input.csm_id));
    const now = ctx.clock().getTime();
    // A new parent is locked with the customer, in one order (see checkParent).
    const newParent =
      fields.parent_id !== null && fields.parent_id !== before.parent_id && fields.parent_id !== id
        ? [fields.parent_id]
        : [];
    const updated = await writeForCustomer(
      ctx,
      id,
      async (tx) => {
        const current = await getCustomer(tx, id);
        if (!current) throw notFound('Customer', id);
        checkVersion('customer', current.version, expected);
        // An unchanged parent was valid when set (and may be outside a CSM's scope): not rechecked.
        if (fields.parent_id !== null && fields.parent_id !== current.parent_id)
          await checkParent(tx, p, id, fields.parent_id, false);
        const next = await updateCustomer(tx, id, fields, now);
        if (!next) throw notFound('Customer', id);
        return next;
      },
      newParent,
    );
    // writeForCustomer bumped the parent it had; a new parent gains a child.
    if (updated.parent_id !== null) ctx.cache.bump(updated.parent_id);
    return sendJson(c, 200, toCustomer(updated), { etag: etag(updated.version) });
  });
}
