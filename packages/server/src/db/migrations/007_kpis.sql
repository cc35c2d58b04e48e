-- KPI observations (seeds 002 and 003, issue 13): what the retention and service KPIs of one
-- customer and one month are computed from. The KPIs themselves are never stored: they are
-- derived when read, by calc, so a corrected input or a changed threshold shows everywhere.
--
-- One row per customer and month, built up section by section (recordKpiObservation replaces the
-- sections a POST carries and keeps the others): billing sends ARR, the survey tool its counts,
-- the helpdesk its ticket outcomes. A section not recorded is NULL. Sections are jsonb because
-- each is read and written whole; their shape is checked by the API (openapi.yaml
-- KpiObservationInput) and the basic invariants again here.
--   arr         {starting_arr, expansion, contraction, churned}, money in the customer's currency
--   financials  {gross_margin_pct, cac}
--   csat/nps/ces  counts per answer, lowest answer first (5, 11 and 7 counts): the KPIs depend
--               only on the distribution, so counts are exact and stay small
--   tickets     {total, first_contact_resolved, sla_met, handle_minutes, resolution{severity:
--               {resolved, hours}}}
CREATE TABLE kpi_observations (
  customer_id text NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  arr jsonb CHECK (arr IS NULL OR jsonb_typeof(arr) = 'object'),
  financials jsonb CHECK (financials IS NULL OR jsonb_typeof(financials) = 'object'),
  csat jsonb CHECK (csat IS NULL OR (jsonb_typeof(csat) = 'array' AND jsonb_array_length(csat) = 5)),
  nps jsonb CHECK (nps IS NULL OR (jsonb_typeof(nps) = 'array' AND jsonb_array_length(nps) = 11)),
  ces jsonb CHECK (ces IS NULL OR (jsonb_typeof(ces) = 'array' AND jsonb_array_length(ces) = 7)),
  tickets jsonb CHECK (tickets IS NULL OR jsonb_typeof(tickets) = 'object'),
  source text,
  note text,
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, period)
);
