-- Saved customer summaries (issue 12): what the summaries store derived for each customer, so a
-- restarted server does not derive 10,000 customers again before its first portfolio. A row is
-- used only while it still describes the customer: the same revision token (customers.rev and
-- the row's xmin; every write to a customer's data bumps rev), the same day (status depends on
-- today), the same health models and the same derivation code (`fingerprint`). Anything else is
-- derived again. `summary` is JSON text: written and read whole, never queried into.
CREATE TABLE customer_summaries (
  customer_id text PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  rev text NOT NULL,
  day date NOT NULL,
  models_key text NOT NULL,
  fingerprint text NOT NULL,
  summary text NOT NULL
);
