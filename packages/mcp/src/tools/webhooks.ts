// list_webhooks, create_webhook, delete_webhook, list_webhook_deliveries,
// redeliver_webhook_delivery: the Standard Webhooks subscriptions that carry alerts to other
// systems, and their delivery log. Manager tokens only, as the API decides.
import { randomUUID } from 'node:crypto';
import { type components, type SuccessClient, schemas } from '@cscx/success-sdk';
import type { McpServer } from '@modelcontextprotocol/server';
import * as v from 'valibot';
import { answering } from '../errors.js';
import { answer, READ_ONLY } from '../result.js';
import { id, mcpSchema } from '../schema.js';

type Webhook = components['schemas']['Webhook'];
type Delivery = components['schemas']['WebhookDelivery'];

const LIST_MAX = 100;
const EVENT_TYPES = schemas.WebhookEventTypeSchema.options;

export const webhookOutput = v.object({
  id: v.string(),
  url: v.string(),
  event_types: v.array(v.string()),
  enabled: v.boolean(),
  description: v.nullable(v.string()),
  version: v.number(),
  created_at: v.string(),
  updated_at: v.string(),
});

export const deliveryOutput = v.object({
  id: v.string(),
  webhook_id: v.string(),
  message_id: v.string(),
  event_type: v.string(),
  customer_id: v.nullable(v.string()),
  status: v.string(),
  attempt_count: v.number(),
  next_attempt_at: v.nullable(v.string()),
  created_at: v.string(),
  last_attempt: v.nullable(
    v.object({
      attempt: v.number(),
      started_at: v.string(),
      http_status: v.nullable(v.number()),
      error: v.nullable(v.string()),
    }),
  ),
});

const toWebhook = (w: Webhook): v.InferOutput<typeof webhookOutput> => ({
  id: w.id,
  url: w.url,
  event_types: [...w.event_types],
  enabled: w.enabled,
  description: w.description,
  version: w.version,
  created_at: w.created_at,
  updated_at: w.updated_at,
});

const toDelivery = (d: Delivery): v.InferOutput<typeof deliveryOutput> => {
  const last = d.attempts.at(-1);
  return {
    id: d.id,
    webhook_id: d.webhook_id,
    message_id: d.message_id,
    event_type: d.event_type,
    customer_id: d.customer_id,
    status: d.status,
    attempt_count: d.attempt_count,
    next_attempt_at: d.next_attempt_at,
    created_at: d.created_at,
    last_attempt: last
      ? {
          attempt: last.attempt,
          started_at: last.started_at,
          http_status: last.http_status,
          error: last.error,
        }
      : null,
  };
};

const deliveryLine = (d: Delivery): string => {
  const last = d.attempts.at(-1);
  const outcome = last
    ? `, last attempt ${last.attempt}: ${last.http_status ?? 'no answer'}${last.error ? ` (${last.error})` : ''}`
    : '';
  const next = d.next_attempt_at ? `, next attempt ${d.next_attempt_at}` : '';
  return `- ${d.id}: ${d.event_type}${d.customer_id ? ` for ${d.customer_id}` : ''}, ${d.status} after ${d.attempt_count} attempt${d.attempt_count === 1 ? '' : 's'}${outcome}${next}`;
};

const MANAGER = "Needs a manager token: CSM and viewer tokens get the API's 403.";
const webhookId = id(
  'webhook id',
  'whk_0001',
  'The subscription, by its id from list_webhooks or create_webhook.',
);

export function registerWebhooks(server: McpServer, client: SuccessClient): void {
  server.registerTool(
    'list_webhooks',
    {
      title: 'List webhooks',
      description: `The webhook subscriptions (receiver url, event types, enabled), oldest first, never their signing secrets. ${MANAGER}`,
      inputSchema: mcpSchema(v.object({})),
      outputSchema: mcpSchema(
        v.object({ webhooks: v.array(webhookOutput), next_cursor: v.nullable(v.string()) }),
      ),
      annotations: { title: 'List webhooks', ...READ_ONLY },
    },
    async () =>
      answering('list the webhooks', async () => {
        const list = await client.listWebhooks({ limit: LIST_MAX });
        const lines = list.items.map(
          (w) =>
            `- ${w.id}: ${w.url} (${w.enabled ? 'enabled' : 'paused'}) for ${w.event_types.join(', ')}${w.description ? `, "${w.description}"` : ''}`,
        );
        return answer(
          lines.length === 0
            ? 'No webhook subscriptions.'
            : `${lines.length} webhook subscription${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
          { webhooks: list.items.map(toWebhook), next_cursor: list.next_cursor },
        );
      }),
  );

  server.registerTool(
    'create_webhook',
    {
      title: 'Create a webhook',
      description: `Subscribes a receiver to events, delivered as Standard Webhooks (signed POSTs, retried for 24 hours, in order per customer). Event types: ${EVENT_TYPES.join(', ')}. The receiver must be a public http(s) URL. The answer holds the signing secret (whsec_…) shown only now: give it to the user to configure the receiver, it cannot be read again. ${MANAGER}`,
      inputSchema: mcpSchema(
        v.object({
          url: v.pipe(
            v.string(),
            v.minLength(1, 'Give the receiver URL.'),
            v.maxLength(2048, 'A URL is at most 2048 characters.'),
            v.description('The receiver, an https URL such as https://hooks.example.com/cscx.'),
          ),
          event_types: v.pipe(
            v.array(v.picklist(EVENT_TYPES, `An event type is one of ${EVENT_TYPES.join(', ')}.`)),
            v.minLength(1, 'Give at least one event type.'),
            v.maxLength(20, 'At most 20 event types.'),
            v.description('The events to deliver, each once, such as ["goal.achieved"].'),
          ),
          description: v.optional(
            v.pipe(
              v.string(),
              v.maxLength(500, 'A description is at most 500 characters.'),
              v.description('What the receiver is, for people.'),
            ),
          ),
          enabled: v.optional(
            v.pipe(v.boolean(), v.description('Deliver events now (default true).')),
          ),
        }),
      ),
      outputSchema: mcpSchema(v.object({ ...webhookOutput.entries, secret: v.string() })),
      annotations: {
        title: 'Create a webhook',
        readOnlyHint: false,
        idempotentHint: false,
        destructiveHint: false,
        openWorldHint: true,
      },
    },
    async ({ url, event_types, description, enabled }) =>
      answering('create the webhook', async () => {
        const w = await client.createWebhook({
          // One key per call: a retried request creates one subscription, with one secret.
          idempotencyKey: randomUUID(),
          body: {
            url,
            event_types,
            ...(description !== undefined ? { description } : {}),
            ...(enabled !== undefined ? { enabled } : {}),
          },
        });
        return answer(
          `Created webhook ${w.id} for ${w.url} (${w.event_types.join(', ')}). Signing secret, shown only now: ${w.secret}\nThe receiver verifies each request with it (the standardwebhooks package: new Webhook(secret).verify(body, headers)).`,
          { ...toWebhook(w), secret: w.secret },
        );
      }),
  );

  server.registerTool(
    'delete_webhook',
    {
      title: 'Delete a webhook',
      description: `Deletes a subscription with its queued deliveries and delivery log: nothing more is sent to its receiver. Cannot be undone. ${MANAGER}`,
      inputSchema: mcpSchema(v.object({ webhook_id: webhookId })),
      outputSchema: mcpSchema(v.object({ webhook_id: v.string() })),
      annotations: {
        title: 'Delete a webhook',
        readOnlyHint: false,
        idempotentHint: false,
        destructiveHint: true,
        openWorldHint: false,
      },
    },
    async ({ webhook_id }) =>
      answering(`delete webhook ${webhook_id}`, async () => {
        await client.deleteWebhook({ webhookId: webhook_id });
        return answer(`Deleted webhook ${webhook_id}.`, { webhook_id });
      }),
  );

  server.registerTool(
    'list_webhook_deliveries',
    {
      title: 'Webhook deliveries',
      description: `A subscription's delivery log, newest first: each message's event type, status (pending, delivering, succeeded, failed), attempts and the last attempt's HTTP status or error. Use redeliver_webhook_delivery to send one again. ${MANAGER}`,
      inputSchema: mcpSchema(v.object({ webhook_id: webhookId })),
      outputSchema: mcpSchema(
        v.object({
          webhook_id: v.string(),
          deliveries: v.array(deliveryOutput),
          next_cursor: v.nullable(v.string()),
        }),
      ),
      annotations: { title: 'Webhook deliveries', ...READ_ONLY },
    },
    async ({ webhook_id }) =>
      answering(`list the deliveries of webhook ${webhook_id}`, async () => {
        const list = await client.listWebhookDeliveries({ webhookId: webhook_id, limit: LIST_MAX });
        return answer(
          list.items.length === 0
            ? `Webhook ${webhook_id} has no deliveries yet.`
            : `${list.items.length} deliver${list.items.length === 1 ? 'y' : 'ies'} of webhook ${webhook_id}, newest first:\n${list.items.map(deliveryLine).join('\n')}`,
          { webhook_id, deliveries: list.items.map(toDelivery), next_cursor: list.next_cursor },
        );
      }),
  );

  server.registerTool(
    'redeliver_webhook_delivery',
    {
      title: 'Redeliver a webhook message',
      description: `Queues a delivery's message again for its subscription (the same webhook-id, so a receiver that already handled it can drop it): for a message that failed, or one the receiver lost. Its ids come from list_webhook_deliveries. ${MANAGER}`,
      inputSchema: mcpSchema(
        v.object({
          webhook_id: webhookId,
          delivery_id: id(
            'delivery id',
            'whd_0001',
            'The delivery, by its id from list_webhook_deliveries.',
          ),
        }),
      ),
      outputSchema: mcpSchema(deliveryOutput),
      annotations: {
        title: 'Redeliver a webhook message',
        readOnlyHint: false,
        idempotentHint: false,
        destructiveHint: false,
        openWorldHint: true,
      },
    },
    async ({ webhook_id, delivery_id }) =>
      answering(`redeliver delivery ${delivery_id}`, async () => {
        const d = await client.redeliverWebhookDelivery({
          webhookId: webhook_id,
          deliveryId: delivery_id,
          idempotencyKey: randomUUID(),
        });
        return answer(
          `Queued message ${d.message_id} (${d.event_type}) again as delivery ${d.id}: it is ${d.status} and is sent within seconds.`,
          toDelivery(d),
        );
      }),
  );
}
