import { isoDay } from '../clock.js';
import type { HealthObservationInput, HealthObservationResult } from '../contract.js';
import type { Queryable } from '../db/database.js';
import {
  derivedOutcomes,
  healthAlert,
  toObservation,
  triggerKey,
  triggersOf,
} from '../derive/health.js';
import { outcomesInputsOn } from '../derive/health-outcomes.js';
import { newId } from '../ids.js';
import { type FieldError, ProblemError, validationFailed } from '../problem.js';
import { alertWire } from '../repo/alerts.js';
import type { CustomerRecord } from '../repo/customers.js';
import {
  getHealthModel,
  type HealthObservationRecord,
  insertHealthAlerts,
  insertHealthObservations,
  listHealthObservations,
} from '../repo/health.js';
import { healthEvent } from '../webhooks/events.js';
import { enqueueEvents } from '../webhooks/outbox.js';

/** The date rule of a health observation that needs no database: `observed_on` not in the future. */
export function healthDateErrors(input: HealthObservationInput, now: number): FieldError[] {
  const today = isoDay(now);
  return input.observed_on > today
    ? [
        {
          field: '/observed_on',
          message: `Must not be in the future (today is ${today}).`,
          code: 'future_date',
        },
      ]
    : [];
}

/** The 422 error of a second observation of one customer on one day. */
export function sameDayError(day: string): FieldError {
  return {
    field: '/observed_on',
    message: `This customer already has a health observation on ${day}. Choose another day.`,
    code: 'already_exists',
  };
}

/**
 * `recordHealthObservation` inside the caller's transaction (the customer already locked): one
 * observation per day, outcomes derived when not given, and the triggers it fires as alerts.
 */
export async function recordHealth(
  tx: Queryable,
  customer: CustomerRecord,
  input: HealthObservationInput,
  now: number,
): Promise<HealthObservationResult> {
  const model = await getHealthModel(tx, customer.segment);
  if (!model) throw new ProblemError(500, `No health model for ${customer.segment}.`);
  const before = await listHealthObservations(tx, customer.id);
  if (before.some((o) => o.observed_on === input.observed_on)) {
    throw validationFailed([sameDayError(input.observed_on)]);
  }
  let outcomes = input.outcomes ?? null;
  const inputs = outcomes === null ? await outcomesInputsOn(tx, customer, input.observed_on) : null;
  if (inputs) {
    const d = derivedOutcomes(inputs);
    if (!d.ok) {
      throw validationFailed([{ field: '/outcomes', message: d.message, code: 'no_inputs' }]);
    }
    outcomes = d.score;
  }
  const record: HealthObservationRecord = {
    id: newId('hob'),
    customer_id: customer.id,
    observed_on: input.observed_on,
    usage: input.usage,
    outcomes: outcomes ?? 0,
    relationship: input.relationship,
    growth: input.growth,
    usage_source: input.sources?.usage ?? null,
    outcomes_source: inputs ? 'derived' : (input.sources?.outcomes ?? null),
    relationship_source: input.sources?.relationship ?? null,
    growth_source: input.sources?.growth ?? null,
    outcomes_derived: inputs !== null,
    outcomes_inputs: inputs,
    note: input.note ?? null,
    recorded_at: now,
  };
  await insertHealthObservations(tx, [record]);
  // Alerts for the triggers this observation makes fire (a backdated one may fire between later
  // observations too); each trigger raises its alert once.
  const known = new Set(triggersOf(model, before).map(triggerKey));
  const fired = triggersOf(model, [...before, record].sort(byDay)).filter(
    (t) => !known.has(triggerKey(t)),
  );
  const alerts = await insertHealthAlerts(
    tx,
    fired.map((t) => healthAlert(customer, t, now)),
  );
  await enqueueEvents(tx, alerts.map(healthEvent));
  return {
    observation: toObservation(model, record),
    alerts: alerts.slice(0, 4).map(alertWire),
  };
}

function byDay(a: HealthObservationRecord, b: HealthObservationRecord): number {
  return a.observed_on < b.observed_on ? -1 : a.observed_on > b.observed_on ? 1 : 0;
}
