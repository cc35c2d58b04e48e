import type { Context, Hono } from 'hono';
import { assertManager, bearerToken } from '../auth.js';
import { isoTimestamp } from '../clock.js';
import {
  schemas,
  type Webhook,
  type WebhookDelivery,
  type WebhookDeliveryList,
  type WebhookEventType,
  type WebhookList,
  type WebhookWithSecret,
} from '../contract.js';
import type { Queryable } from '../db/database.js';
import { readJson } from '../http/body.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, type KeyPart, TEXT_KEY, TIME_KEY } from '../http/cursor.js';
import type { Reply } from '../http/idempotency.js';
import {
  checkVersion,
  etag,
  idempotencyKey,
  parseIfMatch,
  requiredIdempotencyKey,
  requireIfMatch,
} from '../http/preconditions.js';
import { jsonReply, send, sendJson } from '../http/respond.js';
import { seal, sealingKey, unseal } from '../http/sealed.js';
import { newId } from '../ids.js';
import { notFound, validationFailed } from '../problem.js';
import {
  attemptsOf,
  type DeliveryRecord,
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  setWebhookSecret,
  updateWebhook,
  type WebhookRecord,
  webhookSecretContext,
} from '../repo/webhooks.js';
import { checkUnique, parseBody, pathId, Query } from '../validate.js';
import {
  privateReceiversAllowed,
  receiverAddressProblem,
  receiverUrlProblem,
} from '../webhooks/address-guard.js';
import { enqueueTest, requeueMessage } from '../webhooks/outbox.js';
import { newWebhookSecret } from '../webhooks/sign.js';

/** The response holds a credential: no cache, shared or private, may keep it. */
const NO_STORE = { 'cache-control': 'no-store' } as const;
/** Attempts listed per delivery (openapi.yaml WebhookDelivery.attempts). */
const ATTEMPTS_SHOWN = 50;
const SEQ_KEY: KeyPart = { type: 'number', min: 0, max: Number.MAX_SAFE_INTEGER };
const WHAT = 'manage webhooks';

function toWire(w: WebhookRecord): Webhook {
  return {
    id: w.id,
    url: w.url,
    event_types: w.event_types as WebhookEventType[],
    enabled: w.enabled,
    description: w.description,
    version: w.version,
    created_at: isoTimestamp(w.created_at),
    updated_at: isoTimestamp(w.updated_at),
  };
}

async function deliveriesWire(
  q: Queryable,
  rows: readonly DeliveryRecord[],
): Promise<WebhookDelivery[]> {
  const attempts = await attemptsOf(
    q,
    rows.map((d) => d.id),
    ATTEMPTS_SHOWN,
  );
  return rows.map((d) => ({
    id: d.id,
    webhook_id: d.subscription_id,
    message_id: d.message_id,
    event_type: d.event_type,
    customer_id: d.customer_id,
    status: d.status,
    attempt_count: d.attempts,
    next_attempt_at:
      d.status === 'pending' || d.status === 'delivering' ? isoTimestamp(d.next_attempt_at) : null,
    created_at: isoTimestamp(d.created_at),
    attempts: (attempts.get(d.id) ?? []).map((a) => ({
      attempt: a.attempt,
      started_at: isoTimestamp(a.started_at),
      duration_ms: a.duration_ms,
      http_status: a.http_status,
      response_snippet: a.response_snippet,
      error: a.error,
    })),
  }));
}

/**
 * A subscription body checked beyond its schema: event types each once, and a receiver that is
 * an http(s) URL whose host resolves to public addresses only (422, with the rule it broke).
 */
async function webhookInput(value: unknown) {
  const input = parseBody(schemas.WebhookInputSchema, value);
  checkUnique(input.event_types, '/event_types');
  const syntax = receiverUrlProblem(input.url);
  if (syntax) throw validationFailed([{ field: '/url', ...syntax }]);
  const address = await receiverAddressProblem(new URL(input.url), privateReceiversAllowed());
  if (address) throw validationFailed([{ field: '/url', ...address }]);
  return {
    url: input.url,
    event_types: input.event_types,
    enabled: input.enabled ?? true,
    description: input.description ?? null,
  };
}

export function registerWebhooks(app: Hono<Env>, ctx: AppContext): void {
  /** A webhook of the path, or 404: the steps every /api/webhooks/{id} operation begins with. */
  async function subscriptionOf(c: Context<Env>, q: Queryable = ctx.db): Promise<WebhookRecord> {
    const id = pathId('webhookId', c.req.param('webhookId'));
    const found = await findWebhook(q, id);
    if (!found) throw notFound('Webhook', id);
    return found;
  }

  // createWebhook: the secret is shown in this reply only; a repeat opens its sealed copy.
  app.post('/api/webhooks', async (c) => {
    new Query(c.req.url, []);
    const p = c.get('principal');
    assertManager(p, WHAT);
    // Without a key a retried create would leave a subscription whose secret nobody saw.
    const key = requiredIdempotencyKey(c, 'Creating a webhook');
    const body = await readJson(c, ctx.bodyLimit);
    const bearer = bearerToken(c.req.header('authorization')) ?? '';
    const sealing = sealingKey(bearer, key, 'webhook-secret');
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: body.raw },
      async (save) => {
        const input = await webhookInput(body.value);
        const now = ctx.clock().getTime();
        const record: WebhookRecord = {
          id: newId('whk'),
          ...input,
          event_types: [...input.event_types],
          version: 1,
          created_at: now,
          updated_at: now,
        };
        const secret = newWebhookSecret();
        const headers = { ...NO_STORE, etag: etag(1), location: `/api/webhooks/${record.id}` };
        const wire: WebhookWithSecret = { ...toWire(record), secret };
        return ctx.db.transaction(async (tx) => {
          await insertWebhook(
            tx,
            record,
            ctx.secrets.seal(secret, webhookSecretContext(record.id)),
          );
          await save(tx, jsonReply(201, { ...wire, secret: seal(secret, sealing) }, headers));
          return jsonReply(201, wire, headers);
        });
      },
    );
    if (reply.headers['idempotent-replayed'] === undefined) return send(c, reply);
    const stored = JSON.parse(String(reply.body)) as WebhookWithSecret;
    return send(c, {
      ...reply,
      headers: { ...reply.headers, ...NO_STORE },
      body: JSON.stringify({ ...stored, secret: unseal(stored.secret, sealing) }),
    });
  });

  // listWebhooks: oldest first, never a secret.
  app.get('/api/webhooks', async (c) => {
    const q = new Query(c.req.url, ['cursor', 'limit']);
    const limit = q.limit();
    const filters = { op: 'listWebhooks' };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [
      TIME_KEY,
      TEXT_KEY,
    ]);
    assertManager(c.get('principal'), WHAT);
    const rows = await listWebhooks(
      ctx.db,
      after ? [after[0] as number, after[1] as string] : undefined,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: WebhookList = {
      items: page.map(toWire),
      next_cursor:
        rows.length > limit && last
          ? ctx.cursors.encode([last.created_at, last.id], filters)
          : null,
    };
    return sendJson(c, 200, body);
  });

  // getWebhook
  app.get('/api/webhooks/:webhookId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), WHAT);
    const w = await subscriptionOf(c);
    return sendJson(c, 200, toWire(w), { etag: etag(w.version) });
  });

  // updateWebhook: a full replacement under If-Match, like every PUT.
  app.put('/api/webhooks/:webhookId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), WHAT);
    const id = pathId('webhookId', c.req.param('webhookId'));
    const ifMatch = parseIfMatch(c);
    if (!(await findWebhook(ctx.db, id))) throw notFound('Webhook', id);
    const expected = requireIfMatch(ifMatch);
    const body = await readJson(c, ctx.bodyLimit);
    const input = await webhookInput(body.value);
    const now = ctx.clock().getTime();
    const updated = await ctx.db.transaction(async (tx) => {
      const current = await findWebhook(tx, id, true);
      if (!current) throw notFound('Webhook', id);
      checkVersion('webhook', current.version, expected);
      return updateWebhook(tx, id, input, now);
    });
    if (!updated) throw notFound('Webhook', id);
    return sendJson(c, 200, toWire(updated), { etag: etag(updated.version) });
  });

  // deleteWebhook: its queued deliveries and log go with it.
  app.delete('/api/webhooks/:webhookId', async (c) => {
    new Query(c.req.url, []);
    assertManager(c.get('principal'), WHAT);
    const id = pathId('webhookId', c.req.param('webhookId'));
    if (!(await deleteWebhook(ctx.db, id))) throw notFound('Webhook', id);
    return send(c, { status: 204, headers: {}, body: '' });
  });

  /** A manager-only POST without a body, under its optional Idempotency-Key. */
  async function bodylessPost(
    c: Context<Env>,
    handler: (tx: Queryable, w: WebhookRecord) => Promise<string>,
  ): Promise<Response> {
    new Query(c.req.url, []);
    const p = c.get('principal');
    assertManager(p, WHAT);
    pathId('webhookId', c.req.param('webhookId'));
    const key = idempotencyKey(c);
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: '' },
      (save) =>
        ctx.db.transaction(async (tx): Promise<Reply> => {
          const w = await subscriptionOf(c, tx);
          const deliveryId = await handler(tx, w);
          const d = await findDelivery(tx, w.id, deliveryId);
          if (!d) throw notFound('Delivery', deliveryId);
          const [wire] = await deliveriesWire(tx, [d]);
          const r = jsonReply(202, wire);
          await save(tx, r);
          return r;
        }),
    );
    return send(c, reply);
  }

  // rotateWebhookSecret: a new secret, shown in this reply only; a repeat opens its sealed copy.
  app.post('/api/webhooks/:webhookId/rotate-secret', async (c) => {
    new Query(c.req.url, []);
    const p = c.get('principal');
    assertManager(p, WHAT);
    const id = pathId('webhookId', c.req.param('webhookId'));
    const key = idempotencyKey(c);
    const bearer = bearerToken(c.req.header('authorization')) ?? '';
    const sealing = key === null ? null : sealingKey(bearer, key, 'webhook-secret');
    const reply = await ctx.idempotency.run(
      p,
      key,
      { method: 'POST', path: c.req.path, raw: '' },
      (save) =>
        ctx.db.transaction(async (tx): Promise<Reply> => {
          const secret = newWebhookSecret();
          const w = await setWebhookSecret(
            tx,
            id,
            ctx.secrets.seal(secret, webhookSecretContext(id)),
            ctx.clock().getTime(),
          );
          if (!w) throw notFound('Webhook', id);
          const headers = { ...NO_STORE, etag: etag(w.version) };
          const wire: WebhookWithSecret = { ...toWire(w), secret };
          if (sealing)
            await save(tx, jsonReply(200, { ...wire, secret: seal(secret, sealing) }, headers));
          return jsonReply(200, wire, headers);
        }),
    );
    if (sealing === null || reply.headers['idempotent-replayed'] === undefined)
      return send(c, reply);
    const stored = JSON.parse(String(reply.body)) as WebhookWithSecret;
    return send(c, {
      ...reply,
      headers: { ...reply.headers, ...NO_STORE },
      body: JSON.stringify({ ...stored, secret: unseal(stored.secret, sealing) }),
    });
  });

  // sendWebhookTest: a webhook.test ping for this subscription alone.
  app.post('/api/webhooks/:webhookId/test', (c) =>
    bodylessPost(c, (tx, w) => enqueueTest(tx, w.id, ctx.clock().getTime())),
  );

  // redeliverWebhookDelivery: the same message (same webhook-id) queued again.
  app.post('/api/webhooks/:webhookId/deliveries/:deliveryId/redeliver', (c) => {
    const deliveryId = pathId('deliveryId', c.req.param('deliveryId'));
    return bodylessPost(c, async (tx, w) => {
      const d = await findDelivery(tx, w.id, deliveryId);
      if (!d) throw notFound('Delivery', deliveryId);
      return requeueMessage(tx, w.id, d.message_id, ctx.clock().getTime());
    });
  });

  // listWebhookDeliveries: the log, newest first.
  app.get('/api/webhooks/:webhookId/deliveries', async (c) => {
    const q = new Query(c.req.url, ['cursor', 'limit']);
    const limit = q.limit();
    assertManager(c.get('principal'), WHAT);
    const w = await subscriptionOf(c);
    const filters = { op: 'listWebhookDeliveries', webhookId: w.id };
    const after = ctx.cursors.decode(q.string('cursor', { max: CURSOR_MAX }), filters, [SEQ_KEY]);
    const rows = await listDeliveries(ctx.db, w.id, after?.[0] as number | undefined, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const body: WebhookDeliveryList = {
      items: await deliveriesWire(ctx.db, page),
      next_cursor: rows.length > limit && last ? ctx.cursors.encode([last.seq], filters) : null,
    };
    return sendJson(c, 200, body);
  });
}
