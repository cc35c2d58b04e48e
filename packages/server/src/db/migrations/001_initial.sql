-- The initial schema. Derived numbers (progress, status, value, ROI, scores) are never stored:
-- they depend on today's date and are computed by @cscx/success-calc when read.

-- Timestamps cross the wire as epoch milliseconds: exact, and free of session time zones.
CREATE FUNCTION epoch_ms(t timestamptz) RETURNS double precision
  LANGUAGE sql IMMUTABLE AS $$ SELECT (extract(epoch FROM t) * 1000)::double precision $$;

CREATE TABLE customers (
  id text PRIMARY KEY,
  name text NOT NULL,
  segment text NOT NULL CHECK (segment IN ('enterprise', 'mid_market', 'smb')),
  industry text,
  csm_id text,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  contract_start date,
  investment double precision CHECK (investment IS NULL OR investment >= 0),
  -- Bumped by every write that touches the customer: read caches compare it.
  rev bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_csm_idx ON customers (csm_id);
CREATE INDEX customers_order_idx ON customers ((name COLLATE "C"), (id COLLATE "C"));

CREATE TABLE goals (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  category text NOT NULL,
  owner_name text,
  owner_title text,
  weight double precision NOT NULL DEFAULT 1,
  start_date date NOT NULL,
  target_date date NOT NULL,
  value_drivers jsonb NOT NULL DEFAULT '[]',
  version bigint NOT NULL DEFAULT 1,
  -- The status at the last write or alert sweep, so a transition raises exactly one alert.
  last_status text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX goals_customer_idx ON goals (customer_id);

CREATE TABLE metrics (
  id text PRIMARY KEY,
  goal_id text NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  baseline_value double precision,
  target_value double precision NOT NULL,
  data_source text,
  frequency text NOT NULL DEFAULT 'monthly',
  weight double precision NOT NULL DEFAULT 1
);
CREATE INDEX metrics_goal_idx ON metrics (goal_id, position);

CREATE TABLE measurements (
  id bigserial PRIMARY KEY,
  metric_id text NOT NULL REFERENCES metrics (id) ON DELETE CASCADE,
  measured_at timestamptz NOT NULL,
  value double precision NOT NULL,
  source text,
  note text,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX measurements_metric_idx ON measurements (metric_id, measured_at, id);

CREATE TABLE milestones (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  goal_id text REFERENCES goals (id) ON DELETE SET NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  target_date date NOT NULL,
  achieved_date date,
  -- The manual flag; `achieved` and `missed` are derived from the dates when read.
  flag text NOT NULL DEFAULT 'planned' CHECK (flag IN ('planned', 'at_risk')),
  version bigint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX milestones_customer_idx ON milestones (customer_id, target_date, id);

CREATE SEQUENCE alert_seq;
CREATE TABLE alerts (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  -- No foreign keys: alerts are kept when their goal is deleted.
  goal_id text,
  milestone_id text,
  type text NOT NULL CHECK (type IN ('goal_achieved', 'goal_at_risk', 'milestone_achieved')),
  title text NOT NULL,
  cause text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX alerts_order_idx ON alerts (created_at DESC, id DESC);
CREATE INDEX alerts_customer_idx ON alerts (customer_id, created_at DESC, id DESC);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  -- SHA-256 of the token: the token itself is never stored.
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('manager', 'csm', 'viewer')),
  csm_id text,
  customer_id text REFERENCES customers (id) ON DELETE CASCADE,
  label text NOT NULL DEFAULT '',
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  CHECK ((role = 'csm') = (csm_id IS NOT NULL)),
  CHECK ((role = 'viewer') = (customer_id IS NOT NULL))
);

CREATE TABLE idempotency_keys (
  token_id text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL,
  headers jsonb NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (token_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
