import { createHash } from 'node:crypto';
import { isoDay } from '../clock.js';
import type { Database, Queryable } from '../db/database.js';
import { goalTransitionAlert, milestoneAchievedAlert } from '../derive/alerts.js';
import { deriveGoal } from '../derive/goal.js';
import { periodWindow } from '../derive/period.js';
import { insertAlerts, type NewAlert } from '../repo/alerts.js';
import { insertCustomers } from '../repo/customers.js';
import { type GoalRecord, insertGoals, insertMeasurements, insertMetrics } from '../repo/goals.js';
import { insertMilestones } from '../repo/milestones.js';
import { insertShareLink } from '../repo/share-links.js';
import { insertToken, type Role } from '../repo/tokens.js';
import { SeedBuilder, type SeedCustomer, type SeedGoal } from './builder.js';
import { ACME, acme, DEMO_CSM, globex } from './demo.js';
import { generatedCustomers } from './generated.js';
import { writeDemoHealth } from './health.js';
import { writeKpiHistory } from './kpis.js';

/** The documented demo tokens (README.md, openapi.yaml). They exist only in demo data. */
export const DEMO_TOKENS: readonly {
  token: string;
  role: Role;
  csmId: string | null;
  customerId: string | null;
  label: string;
}[] = [
  {
    token: 'demo-manager-token',
    role: 'manager',
    csmId: null,
    customerId: null,
    label: 'Demo manager: every customer',
  },
  {
    token: 'demo-csm-token',
    role: 'csm',
    csmId: DEMO_CSM,
    customerId: null,
    label: `Demo CSM ${DEMO_CSM}: owns Acme Corp`,
  },
  {
    token: 'demo-viewer-token',
    role: 'viewer',
    csmId: null,
    customerId: ACME,
    label: 'Demo viewer: Acme Corp only, read-only',
  },
];

/**
 * The demo's "Share with customer" link of Acme Corp (createShareLink makes real ones): as public
 * as the demo tokens, so it lives 90 days from the seed, the longest a link may.
 */
export const DEMO_SHARE_LINK = {
  id: 'shl_demo_acme',
  token: 'cscx_share_demo-acme',
  customerId: ACME,
  days: 90,
} as const;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The whole demo portfolio as of `now`: Acme, Globex and the generated customers. */
export function demoPortfolio(now: Date, generated?: number): SeedCustomer[] {
  const b = new SeedBuilder(isoDay(now), now.getTime());
  return withDemoHierarchy([acme(b), globex(b), ...generatedCustomers(b, generated)]);
}

/** How many children the demo's parent account has. */
export const DEMO_CHILDREN = 3;

/**
 * The demo's account hierarchy (issue 16): the first generated enterprise customer of the demo
 * CSM becomes a parent, and the next {@link DEMO_CHILDREN} customers of that CSM its children, so
 * the demo CSM's and the manager's portfolios show a parent with expandable children. Existing
 * customers, not new ones: every other figure and count of the demo stays as it was. Acme and
 * Globex stay top-level (the contract's examples and the viewer token's one customer). The
 * parent comes first in the list, so it is inserted before its children.
 */
export function withDemoHierarchy(list: readonly SeedCustomer[]): SeedCustomer[] {
  const mine = list.filter(
    (c) =>
      c.customer.csm_id === DEMO_CSM && c.customer.id !== ACME && c.customer.id !== 'cus_globex',
  );
  const parent = mine.find((c) => c.customer.segment === 'enterprise');
  if (!parent) return [...list];
  const children = new Set(
    mine
      .slice(mine.indexOf(parent) + 1, mine.indexOf(parent) + 1 + DEMO_CHILDREN)
      .map((c) => c.customer.id),
  );
  return list.map((c) =>
    children.has(c.customer.id)
      ? { ...c, customer: { ...c.customer, parent_id: parent.customer.id } }
      : c,
  );
}

/** The goal as the read path would load it, with measurements up to `until`. */
export function asRecord(s: SeedGoal, until: number): GoalRecord {
  return {
    ...s.goal,
    metrics: s.metrics.map((m) => ({
      ...m,
      measurements: s.measurements
        .filter((x) => x.metric_id === m.id && x.at <= until)
        .sort((a, b) => a.at - b.at)
        .map((x) => ({ at: x.at, value: x.value, source: x.source, note: x.note })),
    })),
  };
}

/**
 * Replays a goal's history: its status after each recorded measurement (as of that day) and
 * today. Every move to achieved or at risk raised an alert at the time it was recorded, as the
 * live server would have; the last status is stored so the next transition is told apart.
 */
function replay(s: SeedGoal, currency: string, now: Date): { alerts: NewAlert[]; status: string } {
  const times = [...new Set(s.measurements.map((m) => m.recorded_at))].sort((a, b) => a - b);
  const alerts: NewAlert[] = [];
  let before = 'not_started';
  for (const t of [...times, now.getTime()]) {
    const at = new Date(t);
    const goal = deriveGoal(asRecord(s, t), periodWindow('all', null, at), currency);
    const alert = goalTransitionAlert(before, goal, t);
    if (alert) alerts.push(alert);
    before = goal.status;
  }
  return { alerts, status: before };
}

export interface SeedSummary {
  readonly customers: number;
  readonly goals: number;
  readonly measurements: number;
  readonly milestones: number;
  readonly alerts: number;
  readonly tokens: number;
}

/**
 * Writes customers with their goals, history, milestones, health observations and alerts, in
 * one transaction.
 */
export async function writePortfolio(
  q: Queryable,
  customers: readonly SeedCustomer[],
  now: Date,
): Promise<Omit<SeedSummary, 'tokens'>> {
  const goals = customers.flatMap((c) =>
    c.goals.map((g) => ({ g, currency: c.customer.currency })),
  );
  const alerts: NewAlert[] = [];
  const finalGoals = goals.map(({ g, currency }) => {
    const r = replay(g, currency, now);
    alerts.push(...r.alerts);
    return { ...g.goal, last_status: r.status };
  });
  const milestones = customers.flatMap((c) => c.milestones);
  for (const m of milestones) {
    if (m.achieved_date !== null) alerts.push(milestoneAchievedAlert(m, m.updated_at));
  }
  alerts.sort((a, b) => a.created_at - b.created_at);
  await insertCustomers(
    q,
    customers.map((c) => c.customer),
  );
  await insertGoals(q, finalGoals);
  await insertMetrics(
    q,
    goals.flatMap(({ g }) => g.metrics),
  );
  const measurements = goals.flatMap(({ g }) => g.measurements);
  await insertMeasurements(q, measurements);
  await insertMilestones(q, milestones);
  await insertAlerts(q, alerts);
  // After the goal alerts, so theirs keep the ids they always had.
  const health = await writeDemoHealth(q, customers, now);
  return {
    customers: customers.length,
    goals: goals.length,
    measurements: measurements.length,
    milestones: milestones.length,
    alerts: alerts.length + health.alerts,
  };
}

export async function writeDemoTokens(q: Queryable, now: Date): Promise<number> {
  for (const t of DEMO_TOKENS) {
    await insertToken(q, {
      id: `tok_${t.token.replace(/-token$/, '').replace(/-/g, '_')}`,
      hash: tokenHash(t.token),
      role: t.role,
      csm_id: t.csmId,
      customer_id: t.customerId,
      label: t.label,
      demo: true,
      created_at: now.getTime(),
      expires_at: null,
    });
  }
  await insertShareLink(q, {
    id: DEMO_SHARE_LINK.id,
    hash: tokenHash(DEMO_SHARE_LINK.token),
    customer_id: DEMO_SHARE_LINK.customerId,
    label: 'Demo: Acme Corp, customer-facing',
    created_by: 'tok_demo_manager',
    created_at: now.getTime(),
    expires_at: now.getTime() + DEMO_SHARE_LINK.days * 86_400_000,
    revoked_at: null,
  });
  return DEMO_TOKENS.length;
}

/** True when the database holds no customers yet (first run). */
export async function isEmpty(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
  return (rows[0]?.n ?? 0) === 0;
}

/** Seeds the demo data set (`npm run seed`, and `npm start` on an empty database). */
export async function seedDemo(
  db: Database,
  now: Date,
  options: { generated?: number } = {},
): Promise<SeedSummary> {
  const customers = demoPortfolio(now, options.generated);
  const summary = await db.transaction(async (tx) => {
    const written = await writePortfolio(tx, customers, now);
    await writeKpiHistory(tx, customers, now);
    const tokens = await writeDemoTokens(tx, now);
    return { ...written, tokens };
  });
  // Planner statistics and the visibility map for the rows just loaded. Without it PostgreSQL's
  // autovacuum runs on the fresh tables while the first requests arrive (at 10,000 customers the
  // server answered 12 requests/s for its first seconds, then 215), and PGlite, which has no
  // autovacuum, would never have statistics at all.
  await db.exec(`VACUUM (ANALYZE) ${SEEDED_TABLES.join(', ')}`);
  return summary;
}

/** The tables the seed fills. */
const SEEDED_TABLES = [
  'customers',
  'goals',
  'metrics',
  'measurements',
  'milestones',
  'alerts',
  'health_observations',
  'kpi_observations',
  'api_tokens',
];

/**
 * Removes every row (the schema stays): `npm run seed -- --reset`. Sequences start again, the
 * alerts' own one too (RESTART IDENTITY resets only those owned by a column), so a reseed
 * gives the same ids as the first seed.
 */
export async function wipe(db: Database): Promise<void> {
  await db.exec(
    'TRUNCATE alerts, idempotency_keys, api_tokens, measurements, metrics, milestones, goals, customers RESTART IDENTITY CASCADE; ALTER SEQUENCE alert_seq RESTART',
  );
}
