-- Several server instances on one PostgreSQL database.
--
-- sweeps: when each periodic job last ran, so that the alert sweep runs once per period across
-- all instances (the instance that claims the period does the work; see write/alert-sweep.ts).
CREATE TABLE sweeps (
  name text PRIMARY KEY,
  ran_at timestamptz NOT NULL
);

-- rate_limit_buckets: the per-token (and, for failed sign-ins, per-address) token buckets, shared
-- by every instance, so a client's limit is the same however requests are spread. Unlogged: the
-- state is worthless after a crash (every bucket simply starts full again) and writes skip the
-- WAL. A row whose bucket has refilled is forgotten (http/shared-rate-limit.ts), so the table
-- holds only the clients active in the last minute or so.
CREATE UNLOGGED TABLE rate_limit_buckets (
  client text PRIMARY KEY,
  tokens double precision NOT NULL,
  at timestamptz NOT NULL,
  granted boolean NOT NULL
);
CREATE INDEX rate_limit_buckets_at_idx ON rate_limit_buckets (at);
