import type { Hono } from 'hono';
import { assertCanWrite } from '../auth.js';
import { isoTimestamp, parseTimestamp } from '../clock.js';
import type { MeasurementResult } from '../contract.js';
import { schemas } from '../contract.js';
import type { AppContext, Env } from '../http/context.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { etag } from '../http/preconditions.js';
import { jsonReply } from '../http/respond.js';
import { notFound, validationFailed } from '../problem.js';
import { parseBody } from '../validate.js';
import { loadGoal, recordValue } from '../write/goals.js';
import { writeForCustomer } from '../write/tx.js';
import { goalOwner } from './goals.js';

/** How far ahead of the server's clock a measurement may be dated (clock skew). */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

export function registerMeasurements(app: Hono<Env>, ctx: AppContext): void {
  // recordMeasurement: appends to history; current becomes the latest by measured_at.
  idempotentPost(
    app,
    ctx,
    '/api/success-goals/:goalId/measurements',
    'goalId',
    async ({ id, body, principal: p, save }) => {
      const customer = await goalOwner(ctx, p, id);
      assertCanWrite(p);
      const input = parseBody(schemas.MeasurementInputSchema, body.value);
      const now = ctx.clock().getTime();
      const at = input.measured_at === undefined ? now : (parseTimestamp(input.measured_at) ?? now);
      if (at > now + FUTURE_SLACK_MS) {
        throw validationFailed([
          {
            field: '/measured_at',
            message: 'Must not be more than 5 minutes in the future.',
            code: 'future_date',
          },
        ]);
      }
      return writeForCustomer(ctx, customer.id, async (tx) => {
        const existing = await loadGoal(tx, id, now);
        if (!existing) throw notFound('Goal', id);
        const w = await recordValue(
          tx,
          customer,
          existing,
          {
            metricId: input.metric_id,
            value: input.value,
            at,
            source: input.source ?? null,
            note: input.note ?? null,
          },
          now,
        );
        const result: MeasurementResult = {
          goal: w.goal.wire,
          metric_id: input.metric_id,
          measurement: {
            measured_at: isoTimestamp(at),
            value: input.value,
            source: input.source ?? null,
            note: input.note ?? null,
          },
          alerts: w.alerts
            .slice(0, 10)
            .map((a) => ({ ...a, created_at: isoTimestamp(a.created_at) })),
        };
        const r = jsonReply(201, result, {
          etag: etag(w.goal.wire.version),
          location: `/api/success-goals/${id}`,
        });
        await save(tx, r);
        return r;
      });
    },
  );
}
