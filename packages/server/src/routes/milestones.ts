import type { Hono } from 'hono';
import { assertCanWrite, sees } from '../auth.js';
import { isoDay } from '../clock.js';
import {
  type MilestoneInput,
  type MilestoneList,
  type MilestoneUpdate,
  schemas,
} from '../contract.js';
import { customerInScope, findCustomer } from '../data.js';
import type { Queryable } from '../db/database.js';
import { milestoneAchievedAlert } from '../derive/alerts.js';
import { deriveMilestone } from '../derive/milestone.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY } from '../http/cursor.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { checkVersion, etag, parseIfMatch, requireIfMatch } from '../http/preconditions.js';
import { jsonReply, sendJson } from '../http/respond.js';
import { newId } from '../ids.js';
import { type FieldError, notFound, validationFailed } from '../problem.js';
import { insertAlerts } from '../repo/alerts.js';
import {
  getMilestone,
  insertMilestones,
  listMilestones,
  updateMilestone,
} from '../repo/milestones.js';
import { parseBody, pathId, Query } from '../validate.js';
import { milestoneEvent } from '../webhooks/events.js';
import { enqueueEvents } from '../webhooks/outbox.js';
import { writeForCustomer } from '../write/tx.js';

/** Rules the schema cannot state: no achieved date in the future, a goal of the same customer. */
async function checkMilestone(
  tx: Queryable,
  customerId: string,
  m: MilestoneInput | MilestoneUpdate,
  today: string,
): Promise<void> {
  const errors: FieldError[] = [];
  if (m.achieved_date != null && m.achieved_date > today) {
    errors.push({
      field: '/achieved_date',
      message: `Must not be in the future (today is ${today}).`,
      code: 'future_date',
    });
  }
  if (m.goal_id != null) {
    const rows = await tx.query('SELECT 1 FROM goals WHERE id = $1 AND customer_id = $2', [
      m.goal_id,
      customerId,
    ]);
    if (rows.length === 0)
      errors.push({
        field: '/goal_id',
        message: `This customer has no goal ${m.goal_id}.`,
        code: 'not_found',
      });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

export function registerMilestones(app: Hono<Env>, ctx: AppContext): void {
  // listMilestones: by target date, then id; status derived today.
  app.get('/api/customers/:customerId/milestones', async (c) => {
    const q = new Query(c.req.url, ['cursor', 'limit']);
    const id = pathId('customerId', c.req.param('customerId'));
    const limit = q.limit();
    const filters = { op: 'listMilestones', id };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      TEXT_KEY,
      TEXT_KEY,
    ]);
    const customer = await customerInScope(ctx, c.get('principal'), id);
    const rows = await listMilestones(ctx.db, customer.id, {
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const today = isoDay(ctx.clock());
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: MilestoneList = {
      items: page.map((m) => deriveMilestone(m, today)),
      next_cursor:
        rows.length > limit && last
          ? ctx.cursors.encode([last.target_date, last.id], filters)
          : null,
    };
    return sendJson(c, 200, body);
  });

  // createMilestone: an achieved date raises a milestone_achieved alert.
  idempotentPost(
    app,
    ctx,
    '/api/customers/:customerId/milestones',
    'customerId',
    async ({ id, body, principal: p, save }) => {
      const customer = await customerInScope(ctx, p, id);
      assertCanWrite(p);
      const input = parseBody(schemas.MilestoneInputSchema, body.value);
      const now = ctx.clock().getTime();
      return writeForCustomer(ctx, customer.id, async (tx) => {
        await checkMilestone(tx, customer.id, input, isoDay(now));
        const m = {
          id: newId('ms'),
          customer_id: customer.id,
          goal_id: input.goal_id ?? null,
          name: input.name,
          description: input.description ?? '',
          target_date: input.target_date,
          achieved_date: input.achieved_date ?? null,
          flag: input.status ?? 'planned',
          version: 1,
          created_at: now,
          updated_at: now,
        } as const;
        await insertMilestones(tx, [m]);
        if (m.achieved_date !== null) {
          const alerts = await insertAlerts(tx, [milestoneAchievedAlert(m, now)]);
          await enqueueEvents(tx, alerts.map(milestoneEvent));
        }
        const r = jsonReply(201, deriveMilestone(m, isoDay(now)), {
          etag: etag(1),
          location: `/api/milestones/${m.id}`,
        });
        await save(tx, r);
        return r;
      });
    },
  );

  // updateMilestone: a full replacement under If-Match.
  app.put('/api/milestones/:milestoneId', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('milestoneId', c.req.param('milestoneId'));
    const ifMatch = parseIfMatch(c);
    const p = c.get('principal');
    const found = await getMilestone(ctx.db, id);
    const customer = found ? await findCustomer(ctx, found.customer_id) : null;
    if (!found || !customer || !sees(p, customer)) throw notFound('Milestone', id);
    assertCanWrite(p);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const input = parseBody(schemas.MilestoneUpdateSchema, body.value);
    const now = ctx.clock().getTime();
    const updated = await writeForCustomer(ctx, customer.id, async (tx) => {
      const current = await getMilestone(tx, id);
      if (!current) throw notFound('Milestone', id);
      checkVersion('milestone', current.version, expected);
      await checkMilestone(tx, customer.id, input, isoDay(now));
      const next = {
        id,
        goal_id: input.goal_id ?? null,
        name: input.name,
        description: input.description ?? '',
        target_date: input.target_date,
        achieved_date: input.achieved_date ?? null,
        flag: input.status ?? 'planned',
        updated_at: now,
      } as const;
      await updateMilestone(tx, next);
      const after = { ...current, ...next, version: current.version + 1 };
      if (current.achieved_date === null && after.achieved_date !== null) {
        const alerts = await insertAlerts(tx, [milestoneAchievedAlert(after, now)]);
        await enqueueEvents(tx, alerts.map(milestoneEvent));
      }
      return after;
    });
    return sendJson(c, 200, deriveMilestone(updated, isoDay(now)), { etag: etag(updated.version) });
  });
}
