import {
  type HealthBand,
  type HealthOutcomesInput,
  type HealthTrigger,
  healthOutcomes,
  healthScore,
  healthTriggers,
} from '@cscx/success-calc';
import {
  type Derivation,
  explainHealthOutcomes,
  explainHealthScore,
  explainHealthTrigger,
} from '@cscx/success-calc/explain';
import { isoTimestamp } from '../clock.js';
import type {
  CustomerHealth,
  Explanation,
  HealthComponentWire,
  HealthModel,
  HealthObservation,
  HealthTriggerWire,
} from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { HealthModelRecord, HealthObservationRecord, NewHealthAlert } from '../repo/health.js';
import { kpiText } from './kpi-text.js';

/**
 * Customer health (seed 002), derived when read: each stored observation's score and band
 * under the segment's model, the triggers over the history, and their explanations. Every
 * number comes from calc (`healthScore`, `healthTriggers`, `healthOutcomes`) and every text
 * from calc's formula registry.
 */

const PARTS = ['usage', 'outcomes', 'relationship', 'growth'] as const;
/** openapi.yaml CustomerHealth.history maxItems: the latest this many. */
const MAX_HISTORY = 1000;
const MAX_TRIGGERS = 4000;

export function toHealthModel(m: HealthModelRecord): HealthModel {
  return {
    segment: m.segment,
    weights: { ...m.weights },
    bands: { ...m.bands },
    triggers: { drop_points: m.drop_points, consecutive_declines: m.consecutive_declines },
    version: m.version,
    updated_at: m.updated_at === null ? null : isoTimestamp(m.updated_at),
  };
}

interface Scored {
  readonly o: HealthObservationRecord;
  readonly score: number;
  readonly band: CustomerHealth['band'] & string;
}

function components(o: HealthObservationRecord) {
  return { usage: o.usage, outcomes: o.outcomes, relationship: o.relationship, growth: o.growth };
}

/** Observations with their score under the model (stored scores are 0..100, so all score). */
function scored(model: HealthModelRecord, obs: readonly HealthObservationRecord[]): Scored[] {
  const out: Scored[] = [];
  for (const o of obs) {
    const r = healthScore(components(o), model.weights, model.bands);
    if (r.ok) out.push({ o, score: r.score, band: r.band });
  }
  return out;
}

export function toObservation(
  model: HealthModelRecord,
  o: HealthObservationRecord,
): HealthObservation {
  const r = healthScore(components(o), model.weights, model.bands);
  return {
    id: o.id,
    customer_id: o.customer_id,
    observed_on: o.observed_on,
    components: components(o),
    sources: {
      usage: o.usage_source,
      outcomes: o.outcomes_source,
      relationship: o.relationship_source,
      growth: o.growth_source,
    },
    outcomes_derived: o.outcomes_derived,
    score: r.ok ? r.score : 0,
    band: r.ok ? r.band : 'critical',
    note: o.note,
    recorded_at: isoTimestamp(o.recorded_at),
  };
}

/** calc's triggers over the observations, under the model's thresholds and bands. */
export function triggersOf(
  model: HealthModelRecord,
  obs: readonly HealthObservationRecord[],
): HealthTrigger[] {
  const r = healthTriggers(
    scored(model, obs).map((s) => ({ at: s.o.observed_on, score: s.score })),
    {
      dropPoints: model.drop_points,
      consecutiveDeclines: model.consecutive_declines,
      bands: model.bands,
    },
  );
  return r.ok ? [...r.triggers] : [];
}

/** The key that makes a trigger raise its alert once: its type and the days it compares. */
export function triggerKey(t: HealthTrigger): string {
  return `health:${t.type}:${t.from.at}:${t.to.at}`;
}

function toTrigger(t: HealthTrigger, locale?: string): HealthTriggerWire {
  return {
    type: t.type,
    at: t.at,
    from: { ...t.from },
    to: { ...t.to },
    drop: t.from.score - t.to.score,
    cause: explainHealthTrigger(t, locale).text,
  };
}

const TITLES: Readonly<Record<HealthTrigger['type'], string>> = {
  score_drop: 'Health score dropped',
  entered_at_risk: 'Health at risk',
  entered_critical: 'Health critical',
  consecutive_decline: 'Health declining',
};

/** The alert of a trigger (seed 002 "Automated Response Triggers"), its cause from calc. */
export function healthAlert(c: CustomerRecord, t: HealthTrigger, at: number): NewHealthAlert {
  const name = c.name.length <= 250 ? c.name : `${c.name.slice(0, 249)}…`;
  return {
    customer_id: c.id,
    goal_id: null,
    milestone_id: null,
    type: `health_${t.type}`,
    title: `${TITLES[t.type]}: ${name}`,
    cause: explainHealthTrigger(t).text,
    created_at: at,
    trigger_key: triggerKey(t),
  };
}

/**
 * Triggers in force at the latest observation: those fired there, and the latest zone entry
 * while the score is still in the band it entered.
 */
function activeTriggers(
  all: readonly HealthTrigger[],
  latest: Scored | undefined,
): HealthTrigger[] {
  if (!latest) return [];
  const at = latest.o.observed_on;
  const active = all.filter((t) => t.at === at);
  const entry = all.findLast((t) => t.type === 'entered_at_risk' || t.type === 'entered_critical');
  if (entry && entry.at !== at && entry.to.band === latest.band) active.unshift(entry);
  return active;
}

function wire(d: Derivation): Explanation {
  return {
    formula: d.formula,
    text: d.text,
    inputs: [...d.inputs],
    rule: d.rule,
    result: d.result,
  };
}

/** `getCustomerHealth`. */
export function customerHealth(
  c: CustomerRecord,
  model: HealthModelRecord,
  obs: readonly HealthObservationRecord[],
  locale?: string,
): CustomerHealth {
  const all = scored(model, obs);
  const latest = all.at(-1);
  const triggers = triggersOf(model, obs);
  const shown = triggers.slice(-MAX_TRIGGERS);
  const totalWeight = PARTS.reduce((a, k) => a + model.weights[k], 0);
  const explanations: Record<string, Explanation> = {};
  let comps: HealthComponentWire[] = [];
  if (latest) {
    const o = latest.o;
    const source = {
      usage: o.usage_source,
      outcomes: o.outcomes_source,
      relationship: o.relationship_source,
      growth: o.growth_source,
    };
    comps = PARTS.map((name) => ({
      name,
      score: o[name],
      weight: model.weights[name],
      weight_pct: totalWeight > 0 ? (model.weights[name] / totalWeight) * 100 : 0,
      source: source[name],
      derived: name === 'outcomes' && o.outcomes_derived,
    }));
    const pointers = Object.fromEntries(
      PARTS.flatMap((k, i) => [
        [k, `/components/${i}/score`],
        [`${k} weight`, `/components/${i}/weight`],
      ]),
    );
    explanations['/score'] = wire(
      explainHealthScore(components(o), model.weights, model.bands, 'score', pointers, locale),
    );
    explanations['/band'] = wire(
      explainHealthScore(components(o), model.weights, model.bands, 'band', pointers, locale),
    );
    if (o.outcomes_derived && o.outcomes_inputs) {
      explanations['/components/1/score'] = wire(
        explainHealthOutcomes(o.outcomes_inputs, undefined, locale),
      );
    }
  }
  const offset = triggers.length - shown.length;
  shown.forEach((t, i) => {
    const entry = t.type === 'entered_at_risk' || t.type === 'entered_critical';
    explanations[`/triggers/${i}/${entry ? 'to/band' : 'drop'}`] = wire(
      explainHealthTrigger(triggers[offset + i] ?? t, locale),
    );
  });
  return {
    customer_id: c.id,
    segment: c.segment,
    as_of: latest?.o.observed_on ?? null,
    score: latest?.score ?? null,
    band: latest?.band ?? null,
    note: latest ? null : kpiText('noHealth', {}, locale),
    components: comps,
    history: all.slice(-MAX_HISTORY).map((s) => ({
      observed_on: s.o.observed_on,
      score: s.score,
      band: s.band,
      components: components(s.o),
    })),
    triggers: shown.map((t) => toTrigger(t, locale)),
    active_triggers: activeTriggers(triggers, latest).map((t) => toTrigger(t, locale)),
    model: toHealthModel(model),
    explanations,
  };
}

/** The derived business outcomes score for the inputs, or calc's reason there is none. */
export function derivedOutcomes(
  input: HealthOutcomesInput,
): { ok: true; score: number } | { ok: false; message: string } {
  const r = healthOutcomes(input);
  return r.ok ? { ok: true, score: r.score } : { ok: false, message: r.message };
}

/** A customer's health score and band, as `customerHealth` gives them for its latest observation. */
export interface HealthNow {
  readonly score: number;
  readonly band: HealthBand;
}

/**
 * The score and band of `latest` (a customer's latest observation) under its segment's model,
 * by calc's `healthScore`: the portfolio's health columns, equal to `getCustomerHealth`'s.
 */
export function healthNow(
  model: HealthModelRecord | undefined,
  latest: HealthObservationRecord | undefined,
): HealthNow | null {
  if (!model || !latest) return null;
  const r = healthScore(components(latest), model.weights, model.bands);
  return r.ok ? { score: r.score, band: r.band } : null;
}
