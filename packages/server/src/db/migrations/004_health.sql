-- Customer health (seed 002) and customers written through the API (issue 13).

-- Customers become writable (createCustomer, updateCustomer): a version for If-Match, as goals
-- and milestones have. `rev` stays the read caches' counter, bumped by every write.
ALTER TABLE customers ADD COLUMN version bigint NOT NULL DEFAULT 1;
ALTER TABLE customers ADD COLUMN updated_at timestamptz;

-- Health models, one per segment: the weights of the four components, the lowest score of each
-- band and the trigger thresholds. Rows start at seed 002's defaults and are edited through
-- PUT /api/health-models/{segment}; scores are never stored with a model, they are derived.
CREATE TABLE health_models (
  segment text PRIMARY KEY CHECK (segment IN ('enterprise', 'mid_market', 'smb')),
  weight_usage double precision NOT NULL DEFAULT 40 CHECK (weight_usage >= 0),
  weight_outcomes double precision NOT NULL DEFAULT 25 CHECK (weight_outcomes >= 0),
  weight_relationship double precision NOT NULL DEFAULT 20 CHECK (weight_relationship >= 0),
  weight_growth double precision NOT NULL DEFAULT 15 CHECK (weight_growth >= 0),
  band_excellent double precision NOT NULL DEFAULT 90,
  band_good double precision NOT NULL DEFAULT 70,
  band_at_risk double precision NOT NULL DEFAULT 50,
  drop_points double precision NOT NULL DEFAULT 20 CHECK (drop_points >= 0),
  consecutive_declines integer NOT NULL DEFAULT 3 CHECK (consecutive_declines >= 1),
  version bigint NOT NULL DEFAULT 1,
  updated_at timestamptz,
  CHECK (band_excellent > band_good AND band_good > band_at_risk AND band_at_risk > 0),
  CHECK (weight_usage + weight_outcomes + weight_relationship + weight_growth > 0)
);
INSERT INTO health_models (segment) VALUES ('enterprise'), ('mid_market'), ('smb');

-- Health observations: the four component scores of one customer on one day, each with where it
-- came from. `outcomes_inputs` holds what a derived business outcomes score was computed from
-- (goal achievement, ROI realised, milestones completed), so its explanation survives later
-- changes to the goals. One observation per customer and day.
CREATE TABLE health_observations (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  observed_on date NOT NULL,
  usage double precision NOT NULL CHECK (usage >= 0 AND usage <= 100),
  outcomes double precision NOT NULL CHECK (outcomes >= 0 AND outcomes <= 100),
  relationship double precision NOT NULL CHECK (relationship >= 0 AND relationship <= 100),
  growth double precision NOT NULL CHECK (growth >= 0 AND growth <= 100),
  usage_source text,
  outcomes_source text,
  relationship_source text,
  growth_source text,
  outcomes_derived boolean NOT NULL DEFAULT false,
  outcomes_inputs jsonb,
  note text,
  recorded_at timestamptz NOT NULL,
  UNIQUE (customer_id, observed_on)
);

-- Health triggers become alerts. `trigger_key` (type and dates) makes each trigger raise its
-- alert once, however often the history is re-evaluated.
ALTER TABLE alerts DROP CONSTRAINT alerts_type_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_type_check CHECK (type IN (
  'goal_achieved', 'goal_at_risk', 'milestone_achieved',
  'health_score_drop', 'health_entered_at_risk', 'health_entered_critical',
  'health_consecutive_decline'));
ALTER TABLE alerts ADD COLUMN trigger_key text;
CREATE UNIQUE INDEX alerts_trigger_idx ON alerts (customer_id, trigger_key) WHERE trigger_key IS NOT NULL;
