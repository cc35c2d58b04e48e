import type { Hono } from 'hono';
import { assertCanWrite, assertManager } from '../auth.js';
import { type CustomerHealth, schemas } from '../contract.js';
import { customerInScope } from '../data.js';
import { customerHealth, toHealthModel } from '../derive/health.js';
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
import { type FieldError, notFound, validationFailed } from '../problem.js';
import { type CustomerRecord, touchSegment } from '../repo/customers.js';
import {
  getHealthModel,
  type HealthModelRecord,
  listHealthObservations,
  updateHealthModel,
} from '../repo/health.js';
import { parseBody, pathId, Query } from '../validate.js';
import { healthDateErrors, recordHealth } from '../write/health.js';
import { withoutReadOnlyFields } from '../write/read-only.js';
import { writeForCustomer } from '../write/tx.js';

const MODEL_READ_ONLY = ['segment', 'version', 'updated_at'] as const;

async function modelOf(ctx: AppContext, segment: string): Promise<HealthModelRecord> {
  const m = await getHealthModel(ctx.db, segment);
  if (!m) throw notFound('Health model', segment);
  return m;
}

/**
 * A customer's health as getCustomerHealth answers it, for the route and for the report's
 * `health` section (the same derivation, so the numbers are the same).
 */
export async function loadCustomerHealth(
  ctx: AppContext,
  customer: CustomerRecord,
  locale?: string,
): Promise<CustomerHealth> {
  const model = await modelOf(ctx, customer.segment);
  const obs = await listHealthObservations(ctx.db, customer.id);
  return customerHealth(customer, model, obs, locale);
}

export function registerHealth(app: Hono<Env>, ctx: AppContext): void {
  // getHealthModel: manager only.
  app.get('/api/health-models/:segment', async (c) => {
    new Query(c.req.url, []);
    const segment = pathId('segment', c.req.param('segment'));
    assertManager(c.get('principal'), 'read health models');
    const m = await modelOf(ctx, segment);
    return sendJson(c, 200, toHealthModel(m), { etag: etag(m.version) });
  });

  // updateHealthModel: manager only, a full replacement under If-Match.
  app.put('/api/health-models/:segment', async (c) => {
    new Query(c.req.url, []);
    const segment = pathId('segment', c.req.param('segment'));
    const ifMatch = parseIfMatch(c);
    assertManager(c.get('principal'), 'change health models');
    const before = await modelOf(ctx, segment);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const value = withoutReadOnlyFields(
      body.value,
      toHealthModel(before),
      MODEL_READ_ONLY,
      matchesVersion(expected, before.version),
    );
    const input = parseBody(schemas.HealthModelReplaceSchema, value);
    const errors: FieldError[] = [];
    const { excellent, good, at_risk } = input.bands;
    if (!(excellent > good)) {
      errors.push({
        field: '/bands/good',
        message: `Must be below excellent (${excellent}).`,
        code: 'band_order',
      });
    }
    if (!(good > at_risk)) {
      errors.push({
        field: '/bands/at_risk',
        message: `Must be below good (${good}).`,
        code: 'band_order',
      });
    }
    const w = input.weights;
    if (w.usage + w.outcomes + w.relationship + w.growth <= 0) {
      errors.push({
        field: '/weights',
        message: 'At least one weight must be above 0.',
        code: 'invalid_weights',
      });
    }
    if (errors.length > 0) throw validationFailed(errors);
    const now = ctx.clock().getTime();
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await getHealthModel(tx, segment, true);
      if (!current) throw notFound('Health model', segment);
      checkVersion('health model', current.version, expected);
      await touchSegment(tx, segment);
      return updateHealthModel(
        tx,
        segment,
        {
          weights: input.weights,
          bands: input.bands,
          drop_points: input.triggers.drop_points,
          consecutive_declines: input.triggers.consecutive_declines,
        },
        now,
      );
    });
    if (!updated) throw notFound('Health model', segment);
    // Every health score of the segment may have moved band: the portfolio and what is cached
    // from it are recomputed (another process sees the customers' revisions bumped above).
    ctx.cache.clear();
    return sendJson(c, 200, toHealthModel(updated), { etag: etag(updated.version) });
  });

  // getCustomerHealth: derived when read, from the observations and the segment's model.
  app.get('/api/customers/:customerId/health', async (c) => {
    new Query(c.req.url, []);
    const id = pathId('customerId', c.req.param('customerId'));
    const customer = await customerInScope(ctx, c.get('principal'), id);
    return sendJson(c, 200, await loadCustomerHealth(ctx, customer, c.get('locale')));
  });

  // recordHealthObservation: stores the scores, derives outcomes when not given, raises alerts.
  idempotentPost(
    app,
    ctx,
    '/api/customers/:customerId/health-observations',
    'customerId',
    async ({ id, body, principal: p, save }) => {
      const customer = await customerInScope(ctx, p, id);
      assertCanWrite(p);
      const input = parseBody(schemas.HealthObservationInputSchema, body.value);
      const now = ctx.clock().getTime();
      const future = healthDateErrors(input, now);
      if (future.length > 0) throw validationFailed(future);
      return writeForCustomer(ctx, customer.id, async (tx) => {
        const result = await recordHealth(tx, customer, input, now);
        const r = jsonReply(201, result, {
          location: `/api/customers/${encodeURIComponent(customer.id)}/health`,
        });
        await save(tx, r);
        return r;
      });
    },
  );
}
