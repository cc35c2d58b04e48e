import type { Queryable } from '../db/database.js';
import { goalTransitionAlert } from '../derive/alerts.js';
import { type DerivedGoal, deriveGoal } from '../derive/goal.js';
import { todayWindow } from '../derive/period.js';
import { newId } from '../ids.js';
import { type FieldError, notFound, validationFailed } from '../problem.js';
import { type AlertRecord, insertAlerts } from '../repo/alerts.js';
import type { CustomerRecord } from '../repo/customers.js';
import {
  deleteMeasurement,
  deleteMetrics,
  type GoalRecord,
  insertGoals,
  insertMeasurements,
  insertMetrics,
  loadGoals,
  type MeasurementRecord,
  setLastStatus,
  touchGoal,
  updateGoal,
  updateMeasurement,
  updateMetric,
} from '../repo/goals.js';
import { goalEvents, measurementEvent, type WebhookEvent } from '../webhooks/events.js';
import { enqueueEvents } from '../webhooks/outbox.js';
import type { GoalFields } from './goal-input.js';

/**
 * Goal writes. Each runs inside the caller's transaction, after the customer's row is locked,
 * and ends the same way: the goal is read back, derived by calc as of now, and a move to
 * achieved or at risk since the goal was last evaluated raises an alert.
 */
export interface GoalWrite {
  readonly goal: DerivedGoal;
  readonly alerts: readonly AlertRecord[];
}

export async function loadGoal(
  tx: Queryable,
  goalId: string,
  now: number,
): Promise<GoalRecord | null> {
  const [g] = await loadGoals(tx, {
    goalId,
    until: todayWindow(new Date(now)).endMs,
    history: 'full',
  });
  return g ?? null;
}

/** The status a goal had before this write: as last evaluated, else as derived now. */
export function statusBefore(g: GoalRecord, currency: string, now: number): string {
  return g.last_status ?? deriveGoal(g, todayWindow(new Date(now)), currency).status;
}

/**
 * The end of every goal write: derive, raise the transition's alert, and queue its webhook
 * events in this same transaction (after `lead`'s, the events of the write itself, so a
 * receiver hears of the measurement before the achievement it caused).
 */
async function finish(
  tx: Queryable,
  c: CustomerRecord,
  goalId: string,
  before: string,
  now: number,
  lead: (goal: DerivedGoal) => WebhookEvent[] = () => [],
): Promise<GoalWrite> {
  const record = await loadGoal(tx, goalId, now);
  if (!record) throw notFound('Goal', goalId);
  const goal = deriveGoal(record, todayWindow(new Date(now)), c.currency);
  const draft = goalTransitionAlert(before, goal, now);
  const alerts = draft ? await insertAlerts(tx, [draft]) : [];
  if (goal.status !== record.last_status) await setLastStatus(tx, goalId, goal.status);
  await enqueueEvents(tx, [...lead(goal), ...goalEvents(before, goal, alerts, now)]);
  return { goal, alerts };
}

export async function createGoal(
  tx: Queryable,
  c: CustomerRecord,
  f: GoalFields,
  now: number,
): Promise<GoalWrite> {
  const id = newId('goal');
  await insertGoals(tx, [
    {
      id,
      customer_id: c.id,
      name: f.name,
      description: f.description,
      category: f.category,
      owner_name: f.owner?.name ?? null,
      owner_title: f.owner?.title ?? null,
      weight: f.weight,
      start_date: f.start_date,
      target_date: f.target_date,
      value_drivers: f.value_drivers,
      version: 1,
      last_status: null,
      created_at: now,
      updated_at: now,
    },
  ]);
  const metrics = f.metrics.map((m, position) => ({
    ...m,
    id: newId('met'),
    goal_id: id,
    position,
  }));
  await insertMetrics(tx, metrics);
  // A current value given with the goal is its first measurement, dated now.
  await insertMeasurements(
    tx,
    metrics.flatMap((m) =>
      m.current_value === null
        ? []
        : [
            {
              metric_id: m.id,
              at: now,
              value: m.current_value,
              source: null,
              note: null,
              recorded_at: now,
            },
          ],
    ),
  );
  return finish(tx, c, id, 'not_started', now);
}

/** Full replacement (`updateSuccessGoal`); `flat` for PRD-165's one-metric shorthand. */
export async function replaceGoal(
  tx: Queryable,
  c: CustomerRecord,
  existing: GoalRecord,
  f: GoalFields,
  flat: boolean,
  now: number,
): Promise<GoalWrite> {
  const before = statusBefore(existing, c.currency, now);
  const known = new Set(existing.metrics.map((m) => m.id));
  let metrics = f.metrics;
  if (flat) {
    const only = existing.metrics[0];
    if (existing.metrics.length !== 1 || !only) {
      throw validationFailed([
        {
          field: '',
          message: `The flat shorthand replaces a goal's one metric, but this goal has ${existing.metrics.length}. Send metrics[] instead.`,
          code: 'multiple_metrics',
        },
      ]);
    }
    metrics = f.metrics.map((m) => ({ ...m, id: only.id }));
  } else {
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    f.metrics.forEach((m, i) => {
      if (m.id === undefined) return;
      if (!known.has(m.id))
        errors.push({
          field: `/metrics/${i}/id`,
          message: `This goal has no metric ${m.id}.`,
          code: 'not_found',
        });
      else if (seen.has(m.id))
        errors.push({
          field: `/metrics/${i}/id`,
          message: `Metric ${m.id} is listed twice.`,
          code: 'invalid',
        });
      seen.add(m.id);
    });
    if (errors.length > 0) throw validationFailed(errors);
  }
  await updateGoal(tx, {
    id: existing.id,
    name: f.name,
    description: f.description,
    category: f.category,
    owner_name: f.owner?.name ?? null,
    owner_title: f.owner?.title ?? null,
    weight: f.weight,
    start_date: f.start_date,
    target_date: f.target_date,
    value_drivers: f.value_drivers,
    updated_at: now,
  });
  const keep: string[] = [];
  const added = [];
  for (const [position, m] of metrics.entries()) {
    const row = {
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      baseline_value: m.baseline_value,
      target_value: m.target_value,
      data_source: m.data_source,
      frequency: m.frequency,
      weight: m.weight,
      position,
    };
    if (m.id !== undefined) {
      keep.push(m.id);
      await updateMetric(tx, { id: m.id, ...row });
    } else {
      const id = newId('met');
      keep.push(id);
      added.push({ id, goal_id: existing.id, ...row });
    }
  }
  // Metrics not listed go, with their history (openapi.yaml: a full replacement).
  await deleteMetrics(
    tx,
    existing.id,
    keep.filter((id) => known.has(id)),
  );
  await insertMetrics(tx, added);
  return finish(tx, c, existing.id, before, now);
}

export interface NewValue {
  readonly metricId: string;
  readonly value: number;
  readonly at: number;
  readonly source: string | null;
  readonly note: string | null;
}

/** `recordMeasurement`: appends to the metric's history; a change to the goal (version + 1). */
export function recordValue(
  tx: Queryable,
  c: CustomerRecord,
  existing: GoalRecord,
  v: NewValue,
  now: number,
): Promise<GoalWrite> {
  return recordValues(tx, c, existing, [v], now);
}

/** The field error of a value for a metric the goal does not have; null when it has it. */
export function unknownMetric(
  g: { readonly metrics: readonly { id: string }[] },
  metricId: string,
) {
  return g.metrics.some((m) => m.id === metricId)
    ? null
    : { field: '/metric_id', message: `This goal has no metric ${metricId}.`, code: 'not_found' };
}

/**
 * Several values of one goal's metrics at once (an import): each obeys recordValue's rules, and
 * the goal changes once (one version, one status transition and its alert).
 */
export async function recordValues(
  tx: Queryable,
  c: CustomerRecord,
  existing: GoalRecord,
  values: readonly NewValue[],
  now: number,
): Promise<GoalWrite> {
  for (const v of values) {
    const unknown = unknownMetric(existing, v.metricId);
    if (unknown) throw validationFailed([unknown]);
  }
  const before = statusBefore(existing, c.currency, now);
  await insertMeasurements(
    tx,
    values.map((v) => ({
      metric_id: v.metricId,
      at: v.at,
      value: v.value,
      source: v.source,
      note: v.note,
      recorded_at: now,
    })),
  );
  await touchGoal(tx, existing.id, now);
  const known = new Set(existing.metrics.flatMap((m) => m.measurements.map((x) => x.id)));
  return finish(tx, c, existing.id, before, now, (goal) => {
    // The new rows are the ones of each metric the goal did not hold before.
    const taken = new Set<string>();
    return values.map((v) => {
      const row = goal.record.metrics
        .find((m) => m.id === v.metricId)
        ?.measurements.find(
          (x) =>
            x.id !== undefined &&
            !known.has(x.id) &&
            !taken.has(x.id) &&
            x.at === v.at &&
            x.value === v.value,
        );
      if (row?.id !== undefined) taken.add(row.id);
      return measurementEvent(
        goal,
        { metricId: v.metricId, id: row?.id ?? null, at: v.at, value: v.value },
        now,
      );
    });
  });
}

/** A stored measurement's place: the metric whose history holds it, and the record itself. */
function findValue(existing: GoalRecord, id: string) {
  for (const metric of existing.metrics) {
    const measurement = metric.measurements.find((m) => m.id === id);
    if (measurement) return { metric, measurement };
  }
  return null;
}

export interface ValueWrite extends GoalWrite {
  readonly metricId: string;
}

/**
 * `updateMeasurement`: a wrong entry corrected in place (same id, same metric); the goal's
 * figures are derived again from the stored history, so they follow like after any write.
 */
export async function correctValue(
  tx: Queryable,
  c: CustomerRecord,
  existing: GoalRecord,
  v: Omit<NewValue, 'metricId'> & { readonly id: string },
  now: number,
): Promise<ValueWrite> {
  const found = findValue(existing, v.id);
  if (!found) throw notFound('Measurement', v.id);
  const before = statusBefore(existing, c.currency, now);
  await updateMeasurement(tx, {
    id: v.id,
    at: v.at,
    value: v.value,
    source: v.source,
    note: v.note,
  });
  await touchGoal(tx, existing.id, now);
  return { ...(await finish(tx, c, existing.id, before, now)), metricId: found.metric.id };
}

/** `deleteMeasurement`: the value leaves its metric's history; figures follow. */
export async function removeValue(
  tx: Queryable,
  c: CustomerRecord,
  existing: GoalRecord,
  id: string,
  now: number,
): Promise<ValueWrite & { readonly removed: MeasurementRecord }> {
  const found = findValue(existing, id);
  if (!found) throw notFound('Measurement', id);
  const before = statusBefore(existing, c.currency, now);
  await deleteMeasurement(tx, id);
  await touchGoal(tx, existing.id, now);
  return {
    ...(await finish(tx, c, existing.id, before, now)),
    metricId: found.metric.id,
    removed: found.measurement,
  };
}
