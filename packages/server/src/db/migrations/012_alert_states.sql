-- Alert states (issue 16, "Alerts on screen"): a CSM acknowledges an alert (seen, being handled)
-- or dismisses it (handled, off the list). The states only move forward, open -> acknowledged ->
-- dismissed (or open -> dismissed), so each column is written once. `version` is the ETag that
-- acknowledgeAlert and dismissAlert check under If-Match, as every other write does.
-- `*_by` names who acted: the CSM's id for a csm token, the token's id otherwise.
ALTER TABLE alerts ADD COLUMN state text NOT NULL DEFAULT 'open'
  CHECK (state IN ('open', 'acknowledged', 'dismissed'));
ALTER TABLE alerts ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE alerts ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE alerts ADD COLUMN acknowledged_by text;
ALTER TABLE alerts ADD COLUMN dismissed_at timestamptz;
ALTER TABLE alerts ADD COLUMN dismissed_by text;
