import { addDays, dayStartMs, isoDay } from '../clock.js';
import type { Queryable } from '../db/database.js';
import { healthAlert, triggersOf } from '../derive/health.js';
import {
  getHealthModel,
  type HealthModelRecord,
  type HealthObservationRecord,
  insertHealthAlerts,
  insertHealthObservations,
  type NewHealthAlert,
} from '../repo/health.js';
import type { SeedCustomer } from './builder.js';
import { ACME, GLOBEX } from './demo.js';
import { Rand } from './prng.js';

/**
 * The demo's customer health (seed 002): a monthly observation per customer over the last
 * year (from its contract start when that is later), the latest three days before "today" so
 * a live observation recorded today or yesterday is still new. Each customer follows one of a
 * few stories whose scores cross every band and fire every trigger somewhere in the
 * portfolio; the stories are fixed and the noise comes from a seeded PRNG, so the same day
 * gives the same rows.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Observations a customer gets at most: one a month for a year. */
export const HEALTH_MONTHS = 12;
/** Day offset of the latest observation. */
const LATEST_OFFSET = -3;
const MONTH_DAYS = 30;

/** Target scores, oldest first; a shorter history keeps the latest ones. */
const STORIES = {
  // Excellent and staying there.
  thriving: [84, 86, 87, 89, 90, 91, 92, 93, 92, 94, 95, 94],
  // Good, slowly improving.
  steady: [76, 78, 77, 79, 80, 82, 81, 83, 82, 84, 83, 85],
  // At risk, into critical, then back to good after an intervention.
  recovering: [58, 53, 46, 44, 49, 55, 61, 66, 71, 74, 77, 79],
  // Good, then month after month a little lower until at risk.
  sliding: [86, 87, 85, 86, 84, 86, 82, 78, 75, 72, 68, 65],
  // Good, then a sudden fall of 25 points (a champion left), then critical.
  crash: [82, 84, 83, 85, 84, 86, 85, 84, 85, 60, 53, 45],
  // Critical most of the year.
  struggling: [56, 53, 56, 52, 48, 46, 49, 45, 47, 44, 42, 40],
} as const satisfies Record<string, readonly number[]>;

type Story = keyof typeof STORIES;

/** How common each story is among the generated customers (cumulative shares). */
const MIX: readonly (readonly [Story, number])[] = [
  ['thriving', 0.2],
  ['steady', 0.55],
  ['recovering', 0.67],
  ['sliding', 0.8],
  ['crash', 0.88],
  ['struggling', 1],
];

/**
 * Acme's year since its contract started: onboarding at the edge of good, a dip into at risk
 * in the third month (adoption stalled), then steady growth to good, easing off a little
 * with the goal now at risk.
 */
const ACME_STORY = [71, 74, 68, 72, 77, 80, 83, 85, 86, 84] as const;

const SOURCES = {
  usage: 'Product analytics (logins, feature adoption, workflows)',
  outcomes: 'Quarterly business review',
  relationship: 'NPS survey and CSM assessment',
  growth: 'Billing: seats and contract changes',
} as const;

function clamp(n: number): number {
  return Math.max(0, Math.min(100, Math.round(n)));
}

function storyOf(c: SeedCustomer, r: Rand): readonly number[] {
  if (c.customer.id === ACME) return ACME_STORY;
  if (c.customer.id === GLOBEX) return STORIES.crash;
  const u = r.next();
  const story = MIX.find(([, share]) => u < share)?.[0] ?? 'steady';
  const shift = r.between(-2, 2);
  return STORIES[story].map((s) => s + shift + r.between(-0.8, 0.8));
}

/** A stable PRNG seed from a customer id (FNV-1a). */
function seedOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The observation days of a customer, oldest first: monthly, within its contract. */
function daysOf(c: SeedCustomer, today: string): string[] {
  const start = c.customer.contract_start;
  const days: string[] = [];
  for (let i = HEALTH_MONTHS - 1; i >= 0; i--) {
    const day = addDays(today, LATEST_OFFSET - i * MONTH_DAYS);
    if (start === null || day >= start) days.push(day);
  }
  return days;
}

/**
 * Every demo customer's health observations as of `now`, oldest first per customer. The four
 * components scatter around the story's score with weighted offsets that cancel out under
 * seed 002's weights, so the score follows the story while the components differ believably.
 */
export function demoHealthObservations(
  customers: readonly SeedCustomer[],
  now: Date,
): HealthObservationRecord[] {
  const today = isoDay(now);
  const out: HealthObservationRecord[] = [];
  for (const c of customers) {
    const r = new Rand(seedOf(c.customer.id));
    const story = storyOf(c, r);
    const days = daysOf(c, today);
    const targets = story.slice(Math.max(0, story.length - days.length));
    const first = days.length - targets.length;
    targets.forEach((s, i) => {
      const day = days[first + i] as string;
      const outcomes = clamp(s + r.between(-9, 9));
      const relationship = clamp(s + r.between(-9, 9));
      const growth = clamp(s + r.between(-12, 12));
      const usage = clamp(
        s + (25 * (s - outcomes) + 20 * (s - relationship) + 15 * (s - growth)) / 40,
      );
      const recorded = Math.min(dayStartMs(day) + 16 * HOUR_MS, now.getTime());
      out.push({
        id: `hob_${c.customer.id.replace(/^cus_/, '')}_${day.replaceAll('-', '')}`,
        customer_id: c.customer.id,
        observed_on: day,
        usage,
        outcomes,
        relationship,
        growth,
        usage_source: SOURCES.usage,
        outcomes_source: SOURCES.outcomes,
        relationship_source: SOURCES.relationship,
        growth_source: SOURCES.growth,
        outcomes_derived: false,
        outcomes_inputs: null,
        note: null,
        recorded_at: recorded,
      });
    });
  }
  return out;
}

/**
 * The alerts the observations raised, as the live server raises them
 * (`recordHealthObservation`): each trigger once, when the observation that fires it was
 * recorded, with calc's cause.
 */
export function healthAlertsOf(
  customers: readonly SeedCustomer[],
  observations: readonly HealthObservationRecord[],
  models: ReadonlyMap<string, HealthModelRecord>,
): NewHealthAlert[] {
  const byCustomer = new Map<string, HealthObservationRecord[]>();
  for (const o of observations) {
    const list = byCustomer.get(o.customer_id) ?? [];
    list.push(o);
    byCustomer.set(o.customer_id, list);
  }
  const alerts: NewHealthAlert[] = [];
  for (const c of customers) {
    const model = models.get(c.customer.segment);
    const obs = byCustomer.get(c.customer.id);
    if (!model || !obs) continue;
    const recorded = new Map(obs.map((o) => [o.observed_on, o.recorded_at]));
    const record = { ...c.customer, version: 1 };
    for (const t of triggersOf(model, obs)) {
      alerts.push(healthAlert(record, t, recorded.get(t.at) ?? dayStartMs(t.at) + DAY_MS - 1));
    }
  }
  return alerts.sort((a, b) => a.created_at - b.created_at);
}

/** Rows a single insert carries at most (a 100,000-customer demo has 1.2 M observations). */
const CHUNK = 20_000;

/**
 * Writes the demo's health observations and the alerts they raised, under the segments'
 * models as stored (the migration's seed 002 defaults on a fresh database).
 */
export async function writeDemoHealth(
  q: Queryable,
  customers: readonly SeedCustomer[],
  now: Date,
): Promise<{ observations: number; alerts: number }> {
  const models = new Map<string, HealthModelRecord>();
  for (const segment of new Set(customers.map((c) => c.customer.segment))) {
    const m = await getHealthModel(q, segment);
    if (m) models.set(segment, m);
  }
  const observations = demoHealthObservations(customers, now);
  for (let i = 0; i < observations.length; i += CHUNK) {
    await insertHealthObservations(q, observations.slice(i, i + CHUNK));
  }
  const alerts = healthAlertsOf(customers, observations, models);
  let raised = 0;
  for (let i = 0; i < alerts.length; i += CHUNK) {
    raised += (await insertHealthAlerts(q, alerts.slice(i, i + CHUNK))).length;
  }
  return { observations: observations.length, alerts: raised };
}
