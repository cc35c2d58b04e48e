import type { Principal } from '../auth.js';
import type {
  AccountSuccessMetrics,
  AlertList,
  CustomerKpis,
  CustomerSuccessMetrics,
  Measurement,
  SuccessGoal,
  SuccessMetric,
} from '../contract.js';

/**
 * Who a response is for (openapi.yaml "Customer-facing responses"). `internal`: the CS team
 * (manager and CSM tokens). `customer`: the customer themself or a partner page (viewer and embed
 * tokens, share links) and customer-facing reports. Text internal to the CS team never reaches
 * a `customer` response: the projections below are the one place that decides which fields that
 * is, per resource, and every route and report goes through them.
 *
 * The internal fields (each kept in the response with the value null, since responses carry
 * every documented property):
 * - `Measurement.note`: the CSM's free-text note on a recorded value.
 * - `SuccessGoal.recommendations`: the rule-based actions for the CSM on a lagging goal.
 * - `AccountSuccessMetrics.recommendations`: the same, gathered per goal for the account view.
 * - `KpiObservation.note` (in `CustomerKpis.observation`): the note given with a month's inputs.
 * - `Alert.acknowledged_by`, `Alert.dismissed_by`: the CSM's or token's id that acted on it.
 *
 * Customer-facing by decision (kept): names and descriptions of goals, metrics and milestones,
 * owners, sources and data sources, value driver labels, the derived numbers and their `*_note`
 * reasons and explanations, health (scores, components, triggers' causes), KPIs, alerts.
 * A health observation's `note` is only ever in `recordHealthObservation`'s reply, to its writer.
 */
export type Audience = 'internal' | 'customer';

/**
 * The audience of a token's responses. Only the CS team's roles are internal: any other kind of
 * principal, including one added later, is customer-facing until someone decides otherwise.
 */
export function audienceOf(p: Pick<Principal, 'role'>): Audience {
  return p.role === 'manager' || p.role === 'csm' ? 'internal' : 'customer';
}

function measurement(m: Measurement): Measurement {
  return m.note === null ? m : { ...m, note: null };
}

function metric(m: SuccessMetric): SuccessMetric {
  return { ...m, measurements: m.measurements.map(measurement) };
}

/** A goal (getSuccessGoal, and every goal inside the metrics and account views). */
export function projectGoal<G extends SuccessGoal>(g: G, audience: Audience): G {
  if (audience === 'internal') return g;
  return { ...g, metrics: g.metrics.map(metric), recommendations: null };
}

/** getCustomerSuccessMetrics, and the report's `metrics`. */
export function projectCustomerMetrics<M extends CustomerSuccessMetrics>(
  m: M,
  audience: Audience,
): M {
  if (audience === 'internal') return m;
  return { ...m, goals: m.goals.map((g) => projectGoal(g, audience)) };
}

/** getAccountSuccessMetrics, and the report's `account`. */
export function projectAccount<A extends AccountSuccessMetrics>(a: A, audience: Audience): A {
  if (audience === 'internal') return a;
  return { ...a, goals: a.goals.map((g) => projectGoal(g, audience)), recommendations: null };
}

/** listAlerts: who on the CS team acknowledged or dismissed an alert is theirs to know. */
export function projectAlerts(list: AlertList, audience: Audience): AlertList {
  if (audience === 'internal') return list;
  return {
    ...list,
    items: list.items.map((a) => ({ ...a, acknowledged_by: null, dismissed_by: null })),
  };
}

/** getCustomerKpis, and the report's `kpis`. */
export function projectKpis(k: CustomerKpis, audience: Audience): CustomerKpis {
  if (audience === 'internal' || k.observation === null) return k;
  return { ...k, observation: { ...k.observation, note: null } };
}
