import type { Context, Hono } from 'hono';
import { assertCanWrite } from '../auth.js';
import { isoTimestamp, parseTimestamp } from '../clock.js';
import type { MeasurementResult, SuccessGoal } from '../contract.js';
import { schemas } from '../contract.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { checkVersion, etag, parseIfMatch, requireIfMatch } from '../http/preconditions.js';
import { jsonReply, sendJson } from '../http/respond.js';
import { notFound, validationFailed } from '../problem.js';
import { type AlertRecord, alertWire } from '../repo/alerts.js';
import type { MeasurementRecord } from '../repo/goals.js';
import { parseBody, pathId, Query } from '../validate.js';
import { correctValue, loadGoal, recordValue, removeValue } from '../write/goals.js';
import { writeForCustomer } from '../write/tx.js';
import { goalOwner } from './goals.js';

/** How far ahead of the server's clock a measurement may be dated (clock skew). */
const FUTURE_SLACK_MS = 5 * 60 * 1000;

/** 422 for a measurement dated past the clock's slack (recordMeasurement, updateMeasurement, imports). */
export function notFuture(at: number, now: number): void {
  if (at > now + FUTURE_SLACK_MS) {
    throw validationFailed([
      {
        field: '/measured_at',
        message: 'Must not be more than 5 minutes in the future.',
        code: 'future_date',
      },
    ]);
  }
}

function result(
  goal: SuccessGoal,
  metricId: string,
  m: MeasurementRecord,
  alerts: readonly AlertRecord[],
): MeasurementResult {
  return {
    goal,
    metric_id: metricId,
    measurement: {
      ...(m.id === undefined ? {} : { id: m.id }),
      measured_at: isoTimestamp(m.at),
      value: m.value,
      source: m.source,
      note: m.note,
    },
    alerts: alerts.slice(0, 10).map(alertWire),
  };
}

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
      notFuture(at, now);
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
        const metric = w.goal.wire.metrics.find((m) => m.id === input.metric_id);
        // The new row is the one of this metric the goal did not hold before.
        const known = new Set(
          existing.metrics.flatMap((m) => m.measurements.map((x) => x.id ?? '')),
        );
        const added = metric?.measurements.find((x) => x.id !== undefined && !known.has(x.id))?.id;
        const recorded: MeasurementRecord = {
          ...(added === undefined ? {} : { id: added }),
          at,
          value: input.value,
          source: input.source ?? null,
          note: input.note ?? null,
        };
        const r = jsonReply(201, result(w.goal.wire, input.metric_id, recorded, w.alerts), {
          etag: etag(w.goal.wire.version),
          location: `/api/success-goals/${id}`,
        });
        await save(tx, r);
        return r;
      });
    },
  );
  /** The checks both single-measurement writes share, in the order of the goal's own PUT. */
  async function prepare(c: Context<Env>) {
    new Query(c.req.url, []);
    const goalId = pathId('goalId', c.req.param('goalId'));
    const measurementId = pathId('measurementId', c.req.param('measurementId'));
    const ifMatch = parseIfMatch(c);
    const p = c.get('principal');
    const customer = await goalOwner(ctx, p, goalId);
    assertCanWrite(p);
    return { goalId, measurementId, customer, expected: requireIfMatch(ifMatch) };
  }

  // updateMeasurement: a wrong entry corrected, under If-Match with the goal's version.
  app.put('/api/success-goals/:goalId/measurements/:measurementId', async (c) => {
    const { goalId, measurementId, customer, expected } = await prepare(c);
    const body = await readJson(c, ctx.bodyLimit);
    const input = parseBody(schemas.MeasurementUpdateSchema, body.value);
    const now = ctx.clock().getTime();
    const at = parseTimestamp(input.measured_at) ?? now;
    notFuture(at, now);
    const w = await writeForCustomer(ctx, customer.id, async (tx) => {
      const existing = await loadGoal(tx, goalId, now);
      if (!existing) throw notFound('Goal', goalId);
      checkVersion('goal', existing.version, expected);
      return correctValue(
        tx,
        customer,
        existing,
        {
          id: measurementId,
          value: input.value,
          at,
          source: input.source ?? null,
          note: input.note ?? null,
        },
        now,
      );
    });
    const corrected: MeasurementRecord = {
      id: measurementId,
      at,
      value: input.value,
      source: input.source ?? null,
      note: input.note ?? null,
    };
    return sendJson(c, 200, result(w.goal.wire, w.metricId, corrected, w.alerts), {
      etag: etag(w.goal.wire.version),
    });
  });

  // deleteMeasurement: the value leaves its metric's history.
  app.delete('/api/success-goals/:goalId/measurements/:measurementId', async (c) => {
    const { goalId, measurementId, customer, expected } = await prepare(c);
    const now = ctx.clock().getTime();
    const w = await writeForCustomer(ctx, customer.id, async (tx) => {
      const existing = await loadGoal(tx, goalId, now);
      if (!existing) throw notFound('Goal', goalId);
      checkVersion('goal', existing.version, expected);
      return removeValue(tx, customer, existing, measurementId, now);
    });
    return sendJson(c, 200, result(w.goal.wire, w.metricId, w.removed, w.alerts), {
      etag: etag(w.goal.wire.version),
    });
  });
}
