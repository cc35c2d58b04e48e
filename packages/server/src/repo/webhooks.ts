import type { Queryable } from '../db/database.js';

/**
 * A webhook subscription as stored (times in epoch ms), without its signing secret: only the
 * delivery worker reads that, sealed (webhooks/secret-box.ts).
 */
export interface WebhookRecord {
  readonly id: string;
  readonly url: string;
  readonly event_types: string[];
  readonly enabled: boolean;
  readonly description: string | null;
  readonly version: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const SUBSCRIPTION_COLUMNS = `id, url, event_types, enabled, description, version,
  epoch_ms(created_at) AS created_at, epoch_ms(updated_at) AS updated_at`;

type Rows<T> = T & Record<string, unknown>;

/** Inserts a subscription with its secret already sealed (SecretBox.seal, context webhookSecretContext). */
export async function insertWebhook(
  q: Queryable,
  w: WebhookRecord,
  secretSealed: string,
): Promise<void> {
  await q.query(
    `INSERT INTO webhook_subscriptions
       (id, url, event_types, enabled, description, secret_sealed, version, created_at, updated_at)
     VALUES ($1, $2, $3::text[], $4, $5, $6, $7, to_timestamp($8::float8 / 1000), to_timestamp($9::float8 / 1000))`,
    [
      w.id,
      w.url,
      w.event_types,
      w.enabled,
      w.description,
      secretSealed,
      w.version,
      w.created_at,
      w.updated_at,
    ],
  );
}

/** The subscription, or null; `lock` takes its row lock for a write (version check + update). */
export async function findWebhook(
  q: Queryable,
  id: string,
  lock = false,
): Promise<WebhookRecord | null> {
  const [row] = await q.query<Rows<WebhookRecord>>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row ?? null;
}

/** Subscriptions oldest first, after the keyset (created_at ms, id) of the previous page. */
export async function listWebhooks(
  q: Queryable,
  after: readonly [number, string] | undefined,
  limit: number,
): Promise<WebhookRecord[]> {
  const params: unknown[] = [limit];
  let where = '';
  if (after) {
    params.push(after[0], after[1]);
    where = `WHERE (created_at > to_timestamp($2::float8 / 1000)
      OR (created_at = to_timestamp($2::float8 / 1000) AND id COLLATE "C" > $3))`;
  }
  return q.query<Rows<WebhookRecord>>(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions ${where}
     ORDER BY created_at, id COLLATE "C" LIMIT $1`,
    params,
  );
}

export interface WebhookChange {
  readonly url: string;
  readonly event_types: readonly string[];
  readonly enabled: boolean;
  readonly description: string | null;
}

/** Replaces the editable fields; the version goes up by one. */
export async function updateWebhook(
  q: Queryable,
  id: string,
  change: WebhookChange,
  now: number,
): Promise<WebhookRecord | null> {
  const [row] = await q.query<Rows<WebhookRecord>>(
    `UPDATE webhook_subscriptions
     SET url = $2, event_types = $3::text[], enabled = $4, description = $5,
       version = version + 1, updated_at = to_timestamp($6::float8 / 1000)
     WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [id, change.url, change.event_types, change.enabled, change.description, now],
  );
  return row ?? null;
}

/** Replaces the signing secret (sealed); the version goes up by one. */
export async function setWebhookSecret(
  q: Queryable,
  id: string,
  secretSealed: string,
  now: number,
): Promise<WebhookRecord | null> {
  const [row] = await q.query<Rows<WebhookRecord>>(
    `UPDATE webhook_subscriptions
     SET secret_sealed = $2, version = version + 1, updated_at = to_timestamp($3::float8 / 1000)
     WHERE id = $1 RETURNING ${SUBSCRIPTION_COLUMNS}`,
    [id, secretSealed, now],
  );
  return row ?? null;
}

/** What a webhook's sealed secret is bound to: a sealed value copied to another row fails. */
export function webhookSecretContext(id: string): string {
  return `webhook_subscriptions.secret_sealed:${id}`;
}

/** Deletes the subscription with its deliveries and attempts; false when there was none. */
export async function deleteWebhook(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

/** A delivery as stored (times in epoch ms). */
export interface DeliveryRecord {
  readonly id: string;
  readonly seq: number;
  readonly subscription_id: string;
  readonly message_id: string;
  readonly event_type: string;
  readonly customer_id: string | null;
  readonly status: 'pending' | 'delivering' | 'succeeded' | 'failed';
  readonly attempts: number;
  readonly next_attempt_at: number;
  readonly created_at: number;
}

export interface AttemptRecord {
  readonly delivery_id: string;
  readonly attempt: number;
  readonly started_at: number;
  readonly duration_ms: number;
  readonly http_status: number | null;
  readonly response_snippet: string | null;
  readonly error: string | null;
}

const DELIVERY_COLUMNS = `d.id, d.seq::float8 AS seq, d.subscription_id, d.message_id, m.event_type,
  m.customer_id, d.status, d.attempts, epoch_ms(d.next_attempt_at) AS next_attempt_at,
  epoch_ms(d.created_at) AS created_at`;

/** One delivery of a subscription, or null. */
export async function findDelivery(
  q: Queryable,
  subscriptionId: string,
  id: string,
): Promise<DeliveryRecord | null> {
  const [row] = await q.query<Rows<DeliveryRecord>>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
     WHERE d.subscription_id = $1 AND d.id = $2`,
    [subscriptionId, id],
  );
  return row ?? null;
}

/** A subscription's deliveries newest first, before the `seq` of the previous page's last. */
export async function listDeliveries(
  q: Queryable,
  subscriptionId: string,
  beforeSeq: number | undefined,
  limit: number,
): Promise<DeliveryRecord[]> {
  const params: unknown[] = [subscriptionId, limit];
  if (beforeSeq !== undefined) params.push(beforeSeq);
  return q.query<Rows<DeliveryRecord>>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_messages m ON m.id = d.message_id
     WHERE d.subscription_id = $1 ${beforeSeq === undefined ? '' : 'AND d.seq < $3'}
     ORDER BY d.seq DESC LIMIT $2`,
    params,
  );
}

/** The latest `keep` attempts of each delivery, oldest first. */
export async function attemptsOf(
  q: Queryable,
  deliveryIds: readonly string[],
  keep: number,
): Promise<Map<string, AttemptRecord[]>> {
  const out = new Map<string, AttemptRecord[]>();
  if (deliveryIds.length === 0) return out;
  const rows = await q.query<Rows<AttemptRecord>>(
    `SELECT delivery_id, attempt, epoch_ms(started_at) AS started_at, duration_ms, http_status,
       response_snippet, error
     FROM (
       SELECT a.*, row_number() OVER (PARTITION BY delivery_id ORDER BY attempt DESC) AS r
       FROM webhook_attempts a WHERE delivery_id = ANY($1::text[])
     ) t WHERE r <= $2 ORDER BY delivery_id, attempt`,
    [deliveryIds, keep],
  );
  for (const r of rows) out.set(r.delivery_id, [...(out.get(r.delivery_id) ?? []), r]);
  return out;
}
