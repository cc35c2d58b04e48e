import type { HealthBandMinimums, HealthOutcomesInput, HealthWeights } from '@cscx/success-calc';
import type { Queryable } from '../db/database.js';
import { ALERT_COLUMNS, type AlertRecord, type NewAlert } from './alerts.js';
import type { CustomerRecord } from './customers.js';

type Segment = CustomerRecord['segment'];

/** A segment's health model as stored (migration 004). */
export interface HealthModelRecord {
  readonly segment: Segment;
  readonly weights: HealthWeights;
  readonly bands: HealthBandMinimums;
  readonly drop_points: number;
  readonly consecutive_declines: number;
  readonly version: number;
  /** Epoch ms, null while the model is the migration's seed 002 default. */
  readonly updated_at: number | null;
}

interface ModelRow {
  segment: Segment;
  weight_usage: number;
  weight_outcomes: number;
  weight_relationship: number;
  weight_growth: number;
  band_excellent: number;
  band_good: number;
  band_at_risk: number;
  drop_points: number;
  consecutive_declines: number;
  version: number;
  updated_at: number | null;
}

const MODEL_COLUMNS = `segment, weight_usage, weight_outcomes, weight_relationship, weight_growth,
  band_excellent, band_good, band_at_risk, drop_points, consecutive_declines,
  version::float8 AS version, epoch_ms(updated_at) AS updated_at`;

function toModel(r: ModelRow): HealthModelRecord {
  return {
    segment: r.segment,
    weights: {
      usage: r.weight_usage,
      outcomes: r.weight_outcomes,
      relationship: r.weight_relationship,
      growth: r.weight_growth,
    },
    bands: { excellent: r.band_excellent, good: r.band_good, at_risk: r.band_at_risk },
    drop_points: r.drop_points,
    consecutive_declines: r.consecutive_declines,
    version: r.version,
    updated_at: r.updated_at,
  };
}

export async function getHealthModel(
  q: Queryable,
  segment: string,
  lock = false,
): Promise<HealthModelRecord | null> {
  const rows = await q.query<ModelRow & Record<string, unknown>>(
    `SELECT ${MODEL_COLUMNS} FROM health_models WHERE segment = $1${lock ? ' FOR UPDATE' : ''}`,
    [segment],
  );
  return rows[0] ? toModel(rows[0]) : null;
}

export interface HealthModelFields {
  readonly weights: HealthWeights;
  readonly bands: HealthBandMinimums;
  readonly drop_points: number;
  readonly consecutive_declines: number;
}

/** Replaces a model and bumps its version; the caller checked the version under the lock. */
export async function updateHealthModel(
  q: Queryable,
  segment: string,
  f: HealthModelFields,
  now: number,
): Promise<HealthModelRecord | null> {
  const rows = await q.query<ModelRow & Record<string, unknown>>(
    `UPDATE health_models SET weight_usage = $2, weight_outcomes = $3, weight_relationship = $4,
       weight_growth = $5, band_excellent = $6, band_good = $7, band_at_risk = $8,
       drop_points = $9, consecutive_declines = $10, version = version + 1,
       updated_at = to_timestamp($11::float8 / 1000)
     WHERE segment = $1 RETURNING ${MODEL_COLUMNS}`,
    [
      segment,
      f.weights.usage,
      f.weights.outcomes,
      f.weights.relationship,
      f.weights.growth,
      f.bands.excellent,
      f.bands.good,
      f.bands.at_risk,
      f.drop_points,
      f.consecutive_declines,
      now,
    ],
  );
  return rows[0] ? toModel(rows[0]) : null;
}

/** One stored health observation (migration 004). */
export interface HealthObservationRecord {
  readonly id: string;
  readonly customer_id: string;
  readonly observed_on: string;
  readonly usage: number;
  readonly outcomes: number;
  readonly relationship: number;
  readonly growth: number;
  readonly usage_source: string | null;
  readonly outcomes_source: string | null;
  readonly relationship_source: string | null;
  readonly growth_source: string | null;
  readonly outcomes_derived: boolean;
  /** What a derived outcomes score was computed from; null when it was given. */
  readonly outcomes_inputs: HealthOutcomesInput | null;
  readonly note: string | null;
  /** Epoch ms. */
  readonly recorded_at: number;
}

const OBS_COLUMNS = `id, customer_id, observed_on::text AS observed_on, usage, outcomes, relationship,
  growth, usage_source, outcomes_source, relationship_source, growth_source, outcomes_derived,
  outcomes_inputs, note, epoch_ms(recorded_at) AS recorded_at`;

/** A customer's observations, oldest first. */
export async function listHealthObservations(
  q: Queryable,
  customerId: string,
): Promise<HealthObservationRecord[]> {
  return q.query<HealthObservationRecord & Record<string, unknown>>(
    `SELECT ${OBS_COLUMNS} FROM health_observations WHERE customer_id = $1 ORDER BY observed_on, id`,
    [customerId],
  );
}

/** Stores observations; false for one whose customer already has one that day. */
export async function insertHealthObservations(
  q: Queryable,
  rows: readonly HealthObservationRecord[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await q.query(
    `INSERT INTO health_observations (id, customer_id, observed_on, usage, outcomes, relationship,
       growth, usage_source, outcomes_source, relationship_source, growth_source, outcomes_derived,
       outcomes_inputs, note, recorded_at)
     SELECT id, customer_id, observed_on::date, usage, outcomes, relationship, growth, usage_source,
       outcomes_source, relationship_source, growth_source, outcomes_derived, outcomes_inputs::jsonb,
       note, to_timestamp(recorded_at / 1000)
     FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
       $7::float8[], $8::text[], $9::text[], $10::text[], $11::text[], $12::boolean[], $13::text[],
       $14::text[], $15::float8[])
       AS t(id, customer_id, observed_on, usage, outcomes, relationship, growth, usage_source,
         outcomes_source, relationship_source, growth_source, outcomes_derived, outcomes_inputs,
         note, recorded_at)
     ON CONFLICT (customer_id, observed_on) DO NOTHING RETURNING id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.customer_id),
      rows.map((r) => r.observed_on),
      rows.map((r) => r.usage),
      rows.map((r) => r.outcomes),
      rows.map((r) => r.relationship),
      rows.map((r) => r.growth),
      rows.map((r) => r.usage_source),
      rows.map((r) => r.outcomes_source),
      rows.map((r) => r.relationship_source),
      rows.map((r) => r.growth_source),
      rows.map((r) => r.outcomes_derived),
      rows.map((r) => (r.outcomes_inputs === null ? null : JSON.stringify(r.outcomes_inputs))),
      rows.map((r) => r.note),
      rows.map((r) => r.recorded_at),
    ],
  );
  return out.length;
}

/** A health trigger's alert: `trigger_key` names the trigger, so it is raised once. */
export interface NewHealthAlert extends NewAlert {
  readonly trigger_key: string;
}

/** Stores health alerts, skipping triggers already alerted; returns those stored. */
export async function insertHealthAlerts(
  q: Queryable,
  rows: readonly NewHealthAlert[],
): Promise<AlertRecord[]> {
  if (rows.length === 0) return [];
  return q.query<AlertRecord & Record<string, unknown>>(
    `INSERT INTO alerts (id, customer_id, goal_id, milestone_id, type, title, cause, created_at, trigger_key)
     SELECT 'alt_' || lpad(nextval('alert_seq')::text, 12, '0'), customer_id, NULL, NULL, type,
       title, cause, to_timestamp(created_at / 1000), trigger_key
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::text[])
       WITH ORDINALITY AS t(customer_id, type, title, cause, created_at, trigger_key, n)
     ORDER BY n
     ON CONFLICT (customer_id, trigger_key) WHERE trigger_key IS NOT NULL DO NOTHING
     RETURNING ${ALERT_COLUMNS}`,
    [
      rows.map((r) => r.customer_id),
      rows.map((r) => r.type),
      rows.map((r) => r.title),
      rows.map((r) => r.cause),
      rows.map((r) => r.created_at),
      rows.map((r) => r.trigger_key),
    ],
  );
}

/** Every segment's health model. */
export async function listHealthModels(q: Queryable): Promise<HealthModelRecord[]> {
  const rows = await q.query<ModelRow & Record<string, unknown>>(
    `SELECT ${MODEL_COLUMNS} FROM health_models ORDER BY segment`,
  );
  return rows.map(toModel);
}

/**
 * Each customer's latest health observation (the one `getCustomerHealth` scores), of `ids` or
 * of everyone (null): one row per customer that has any, by the (customer_id, observed_on) key.
 */
export async function latestHealthObservations(
  q: Queryable,
  ids: readonly string[] | null,
): Promise<HealthObservationRecord[]> {
  if (ids !== null && ids.length === 0) return [];
  return q.query<HealthObservationRecord & Record<string, unknown>>(
    `SELECT DISTINCT ON (customer_id) ${OBS_COLUMNS} FROM health_observations
     ${ids === null ? '' : 'WHERE customer_id = ANY($1::text[])'}
     ORDER BY customer_id, observed_on DESC, id DESC`,
    ids === null ? [] : [ids],
  );
}
