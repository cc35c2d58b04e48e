import type { Context, Hono } from 'hono';
import { assertCanWrite, type Principal, sees } from '../auth.js';
import { isoDay } from '../clock.js';
import { schemas } from '../contract.js';
import { customerInScope, findCustomer } from '../data.js';
import { audienceOf, projectGoal } from '../derive/audience.js';
import { goalOnlyExplanations } from '../derive/explain.js';
import { deriveGoal } from '../derive/goal.js';
import { todayWindow } from '../derive/period.js';
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
import { jsonReply, send, sendJson } from '../http/respond.js';
import { notFound, validationFailed } from '../problem.js';
import type { CustomerRecord } from '../repo/customers.js';
import { deleteGoal, goalCustomer } from '../repo/goals.js';
import { parseBody, pathId, Query } from '../validate.js';
import { fromCreate, fromReplace } from '../write/goal-input.js';
import { createGoal, loadGoal, replaceGoal } from '../write/goals.js';
import { withoutReadOnly } from '../write/read-only.js';
import { writeForCustomer } from '../write/tx.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The customer of a goal the token may see; the same 404 when missing or outside the scope. */
export async function goalOwner(
  ctx: AppContext,
  p: Principal,
  goalId: string,
): Promise<CustomerRecord> {
  const customerId = await goalCustomer(ctx.db, goalId);
  const c = customerId === null ? null : await findCustomer(ctx, customerId);
  if (!c || !sees(p, c)) throw notFound('Goal', goalId);
  return c;
}

/**
 * Which of the two goal shapes a body is (openapi.yaml `oneOf`): `metrics[]` is the full form,
 * `metric` the flat shorthand; a body with both or neither matches no shape.
 */
export function goalShape(value: unknown): 'full' | 'flat' {
  const o = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  if (!o) throw validationFailed([{ field: '', message: 'Must be a JSON object.', code: 'type' }]);
  const full = 'metrics' in o;
  const flat = 'metric' in o;
  if (full === flat) {
    throw validationFailed([
      {
        field: '',
        message: full
          ? 'Send either metrics[] (the full form) or metric (the flat shorthand), not both.'
          : 'Send metrics[] (the full form) or metric with baseline_value and target_value (the flat shorthand).',
        code: 'one_of',
      },
    ]);
  }
  return full ? 'full' : 'flat';
}

function goalHeaders(id: string, version: number, created: boolean): Record<string, string> {
  return created
    ? { etag: etag(version), location: `/api/success-goals/${id}` }
    : { etag: etag(version) };
}

export function registerGoals(app: Hono<Env>, ctx: AppContext): void {
  // createSuccessGoal
  idempotentPost(app, ctx, '/api/success-goals', null, async ({ body, principal: p, save }) => {
    const shape = goalShape(body.value);
    const customerId = (body.value as { customer_id?: unknown }).customer_id;
    // The customer named in the body is checked first: outside the scope it does not exist.
    if (typeof customerId === 'string' && customerId.length <= 64 && ID.test(customerId)) {
      await customerInScope(ctx, p, customerId);
      assertCanWrite(p);
    } else if (p.role === 'viewer' || p.role === 'share') {
      assertCanWrite(p);
    }
    const input = parseBody(
      shape === 'full' ? schemas.SuccessGoalCreateSchema : schemas.SuccessGoalFlatCreateSchema,
      body.value,
    );
    const now = ctx.clock().getTime();
    const fields = fromCreate(input, isoDay(now));
    const customer = await customerInScope(ctx, p, input.customer_id);
    return writeForCustomer(ctx, customer.id, async (tx) => {
      const w = await createGoal(tx, customer, fields, now);
      const r = jsonReply(201, w.goal.wire, goalHeaders(w.goal.wire.id, w.goal.wire.version, true));
      await save(tx, r);
      return r;
    });
  });

  // getSuccessGoal: the whole history, derived as of today.
  app.get('/api/success-goals/:goalId', async (c) => {
    const q = new Query(c.req.url, ['explain']);
    const explain = q.boolean('explain') ?? false;
    const id = pathId('goalId', c.req.param('goalId'));
    const p = c.get('principal');
    const customer = await goalOwner(ctx, p, id);
    const now = ctx.clock();
    const record = await loadGoal(ctx.db, id, now.getTime());
    if (!record) throw notFound('Goal', id);
    const window = todayWindow(now);
    const goal = deriveGoal(record, window, customer.currency);
    // Absent, not null, without `explain`: the representation stays as it was (openapi.yaml).
    const body = explain
      ? {
          ...goal.wire,
          explanations: goalOnlyExplanations(goal, window, customer.currency, c.get('locale')),
        }
      : goal.wire;
    return sendJson(c, 200, projectGoal(body, audienceOf(p)), { etag: etag(goal.wire.version) });
  });

  // updateSuccessGoal: a full replacement under If-Match.
  app.put('/api/success-goals/:goalId', async (c: Context<Env>) => {
    new Query(c.req.url, []);
    const id = pathId('goalId', c.req.param('goalId'));
    const ifMatch = parseIfMatch(c);
    const p = c.get('principal');
    const customer = await goalOwner(ctx, p, id);
    assertCanWrite(p);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const now = ctx.clock().getTime();
    // The read-only fields a GET representation carries are compared with the goal at the
    // version If-Match names; the locked read below checks that version (412) as before.
    const before = await loadGoal(ctx.db, id, now);
    if (!before) throw notFound('Goal', id);
    const window = todayWindow(new Date(now));
    const derived = deriveGoal(before, window, customer.currency);
    // A `?explain=true` representation sent back: its explanations are compared like the other
    // derived fields (computed only then, the usual PUT does not pay for them).
    const sent = body.value;
    const withExplanations =
      sent !== null && typeof sent === 'object' && Object.hasOwn(sent, 'explanations');
    const value = withoutReadOnly(
      sent,
      withExplanations
        ? {
            ...derived.wire,
            explanations: goalOnlyExplanations(derived, window, customer.currency, c.get('locale')),
          }
        : derived.wire,
      matchesVersion(expected, before.version),
    );
    const shape = goalShape(value);
    const input = parseBody(
      shape === 'full' ? schemas.SuccessGoalReplaceSchema : schemas.SuccessGoalFlatReplaceSchema,
      value,
    );
    const w = await writeForCustomer(ctx, customer.id, async (tx) => {
      const existing = await loadGoal(tx, id, now);
      if (!existing) throw notFound('Goal', id);
      checkVersion('goal', existing.version, expected);
      return replaceGoal(
        tx,
        customer,
        existing,
        fromReplace(
          input,
          existing.created_at,
          existing.metrics.map((m) => m.id),
        ),
        shape === 'flat',
        now,
      );
    });
    return sendJson(c, 200, w.goal.wire, goalHeaders(id, w.goal.wire.version, false));
  });

  // deleteSuccessGoal: optionally conditional on If-Match.
  app.delete('/api/success-goals/:goalId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('goalId', c.req.param('goalId'));
    const ifMatch = parseIfMatch(c);
    const p = c.get('principal');
    const customer = await goalOwner(ctx, p, id);
    assertCanWrite(p);
    const now = ctx.clock().getTime();
    await writeForCustomer(ctx, customer.id, async (tx) => {
      const rows = await tx.query<{ version: number }>(
        'SELECT version::float8 AS version FROM goals WHERE id = $1',
        [id],
      );
      const current = rows[0];
      if (!current) throw notFound('Goal', id);
      if (ifMatch !== null) checkVersion('goal', current.version, ifMatch);
      await deleteGoal(tx, id, now);
    });
    return send(c, { status: 204, headers: {}, body: '' });
  });
}
