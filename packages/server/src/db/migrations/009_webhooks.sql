-- Webhooks (issue 16): subscriptions, a durable outbox of messages, and their deliveries with
-- every attempt. Events are written in the same transaction as the write that raised them, so a
-- committed write always has its messages queued and a rolled-back one never does; the delivery
-- worker (webhooks/deliver.ts) reads this state and nothing else, so it survives restarts.

-- The signing secret is kept as given to the receiver: HMAC needs the key itself, so it cannot
-- be stored as a hash the way API tokens are.
CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  url text NOT NULL,
  event_types text[] NOT NULL,
  enabled boolean NOT NULL,
  description text,
  secret text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX webhook_subscriptions_created_idx ON webhook_subscriptions (created_at, id);

-- One row per event, whatever the number of subscriptions: `payload` is the exact body that is
-- signed and sent, so every attempt and every redelivery sends the same bytes.
CREATE TABLE webhook_messages (
  id text PRIMARY KEY,
  event_type text NOT NULL,
  customer_id text,
  payload text NOT NULL,
  created_at timestamptz NOT NULL
);

-- A message queued for one subscription. `seq` orders a customer's messages per subscription:
-- only the oldest unfinished one of each (subscription, customer) queue may be attempted.
-- `customer_key` is the customer id, or '' for messages of no customer (webhook.test).
CREATE SEQUENCE webhook_delivery_seq;
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  seq bigint NOT NULL DEFAULT nextval('webhook_delivery_seq'),
  subscription_id text NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  message_id text NOT NULL REFERENCES webhook_messages (id),
  customer_key text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  -- While an attempt is in flight: when its claim lapses (a killed worker's attempt is retried).
  lease_until timestamptz,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE UNIQUE INDEX webhook_deliveries_seq_idx ON webhook_deliveries (seq);
CREATE INDEX webhook_deliveries_queue_idx ON webhook_deliveries (subscription_id, customer_key, seq)
  WHERE status IN ('pending', 'delivering');
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (subscription_id, seq);
CREATE INDEX webhook_deliveries_message_idx ON webhook_deliveries (message_id);

CREATE TABLE webhook_attempts (
  delivery_id text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt integer NOT NULL CHECK (attempt >= 1),
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL CHECK (duration_ms >= 0),
  http_status integer,
  response_snippet text,
  error text,
  PRIMARY KEY (delivery_id, attempt)
);
