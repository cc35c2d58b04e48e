import type { Queryable } from '../db/database.js';
import { newId } from '../ids.js';
import { payloadOf, TEST_EVENT, type WebhookEvent } from './events.js';

/**
 * The durable outbox: events are written inside the transaction of the write that raised them,
 * so a committed write always has its messages queued and a rolled-back one never does. Each
 * event becomes one message (its exact body) and one delivery per enabled subscription that
 * asked for its type; the delivery worker (deliver.ts) takes it from there.
 */

/** Queues `events` (in this order) for the subscriptions that want them; returns the deliveries queued. */
export async function enqueueEvents(
  tx: Queryable,
  events: readonly WebhookEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const types = [...new Set(events.map((e) => e.type))];
  // The common case, no subscriber, costs this one indexed read of a small table.
  const subscriptions = await tx.query<{ id: string; event_types: string[] }>(
    'SELECT id, event_types FROM webhook_subscriptions WHERE enabled AND event_types && $1::text[] ORDER BY id',
    [types],
  );
  if (subscriptions.length === 0) return 0;
  const messages: { id: string; event: WebhookEvent }[] = [];
  const deliveries: { message: string; subscription: string; customer: string; at: number }[] = [];
  for (const event of events) {
    const targets = subscriptions.filter((s) => s.event_types.includes(event.type));
    if (targets.length === 0) continue;
    const id = newId('msg');
    messages.push({ id, event });
    for (const s of targets) {
      deliveries.push({
        message: id,
        subscription: s.id,
        customer: event.customer_id ?? '',
        at: event.at,
      });
    }
  }
  await insertMessages(tx, messages);
  await insertDeliveries(tx, deliveries);
  return deliveries.length;
}

/** Queues a `webhook.test` ping for one subscription; returns the new delivery's id. */
export async function enqueueTest(
  tx: Queryable,
  subscriptionId: string,
  at: number,
): Promise<string> {
  const id = newId('msg');
  await insertMessages(tx, [
    {
      id,
      event: {
        type: TEST_EVENT,
        customer_id: null,
        at,
        data: { webhook_id: subscriptionId, message: 'A test event from the CSCX Success API.' },
      },
    },
  ]);
  const [d] = await insertDeliveries(tx, [
    { message: id, subscription: subscriptionId, customer: '', at },
  ]);
  return d as string;
}

/**
 * Queues a message once more for a subscription, as a new delivery behind the customer's other
 * queued ones; the message (its id and body) is the same, so receivers can recognise a repeat.
 */
export async function requeueMessage(
  tx: Queryable,
  subscriptionId: string,
  messageId: string,
  at: number,
): Promise<string> {
  const [m] = await tx.query<{ customer_id: string | null }>(
    'SELECT customer_id FROM webhook_messages WHERE id = $1',
    [messageId],
  );
  const [d] = await insertDeliveries(tx, [
    { message: messageId, subscription: subscriptionId, customer: m?.customer_id ?? '', at },
  ]);
  return d as string;
}

async function insertMessages(
  tx: Queryable,
  rows: readonly { id: string; event: WebhookEvent }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO webhook_messages (id, event_type, customer_id, payload, created_at)
     SELECT id, event_type, customer_id, payload, to_timestamp(at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS t(id, event_type, customer_id, payload, at)`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.customer_id),
      rows.map((r) => payloadOf(r.event)),
      rows.map((r) => r.event.at),
    ],
  );
}

/** Inserts deliveries in the order given: their sequence numbers are the queue order. */
async function insertDeliveries(
  tx: Queryable,
  rows: readonly { message: string; subscription: string; customer: string; at: number }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const ids = rows.map(() => newId('dlv'));
  // Numbers drawn first and handed out in ascending order, so the queue order is the events'
  // order in two statements however many rows (an import may queue thousands).
  const drawn = await tx.query<{ seq: number }>(
    "SELECT nextval('webhook_delivery_seq')::float8 AS seq FROM generate_series(1, $1::int)",
    [rows.length],
  );
  const seqs = drawn.map((r) => r.seq).sort((x, y) => x - y);
  await tx.query(
    `INSERT INTO webhook_deliveries
       (id, seq, subscription_id, message_id, customer_key, status, next_attempt_at, created_at)
     SELECT id, seq::bigint, subscription_id, message_id, customer_key, 'pending',
       to_timestamp(at / 1000), to_timestamp(at / 1000)
     FROM unnest($1::text[], $2::float8[], $3::text[], $4::text[], $5::text[], $6::float8[])
       AS t(id, seq, subscription_id, message_id, customer_key, at)`,
    [
      ids,
      seqs,
      rows.map((r) => r.subscription),
      rows.map((r) => r.message),
      rows.map((r) => r.customer),
      rows.map((r) => r.at),
    ],
  );
  return ids;
}

/** How long finished deliveries (and their attempts) stay in the delivery log. */
export const LOG_KEEP_MS = 30 * 86_400_000;

/**
 * Forgets deliveries that finished (succeeded or failed) before `before`, with their attempts,
 * and the messages no delivery refers to any more: the outbox and its log stay the size of the
 * last month's traffic. Returns the deliveries removed.
 */
export async function purgeDeliveries(db: Queryable, before: number): Promise<number> {
  const removed = await db.query(
    `DELETE FROM webhook_deliveries
     WHERE status IN ('succeeded', 'failed') AND finished_at < to_timestamp($1::float8 / 1000)
     RETURNING id`,
    [before],
  );
  await db.query(
    `DELETE FROM webhook_messages m
     WHERE m.created_at < to_timestamp($1::float8 / 1000)
       AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.message_id = m.id)`,
    [before],
  );
  return removed.length;
}
