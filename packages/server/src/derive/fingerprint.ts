import { createHash } from 'node:crypto';
import type { CustomerRecord } from '../repo/customers.js';
import type { GoalRecord, MetricRecord } from '../repo/goals.js';
import { periodWindow } from './period.js';
import { customerSummaries } from './portfolio.js';

/** Bumped by hand when a summary's stored shape changes in a way the fixture cannot show. */
const SUMMARY_FORMAT = 1;

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00Z');

function metric(
  id: string,
  baseline: number | null,
  target: number,
  values: number[],
): MetricRecord {
  return {
    id,
    name: `Metric ${id}`,
    unit: 'hours',
    direction: baseline !== null && target < baseline ? 'lower_is_better' : 'higher_is_better',
    baseline_value: baseline,
    target_value: target,
    data_source: null,
    frequency: 'monthly',
    weight: 1,
    measurements: values.map((value, i) => ({
      at: NOW.getTime() - (values.length - i) * 30 * DAY,
      value,
      source: null,
      note: null,
    })),
  };
}

function goal(id: string, start: string, target: string, metrics: MetricRecord[]): GoalRecord {
  return {
    id,
    customer_id: 'cus_fingerprint',
    name: `Goal ${id}`,
    description: '',
    category: 'efficiency',
    owner_name: null,
    owner_title: null,
    weight: 1,
    start_date: start,
    target_date: target,
    value_drivers: [
      {
        type: 'time_saved',
        label: 'Time',
        confidence: 'high',
        hours_per_unit: null,
        units_per_month: null,
        hours_per_month: 40,
        hourly_rate: 75,
        monthly_amount: null,
        annual_amount: null,
      },
      {
        type: 'cost_reduction',
        label: 'Cost',
        confidence: 'medium',
        hours_per_unit: null,
        units_per_month: null,
        hours_per_month: null,
        hourly_rate: null,
        monthly_amount: null,
        annual_amount: 12_000,
        metric_id: metrics[0]?.id ?? null,
      },
    ],
    version: 1,
    last_status: null,
    created_at: NOW.getTime() - 200 * DAY,
    updated_at: NOW.getTime() - DAY,
    metrics,
  };
}

let memo: string | undefined;

/**
 * A fingerprint of the code that derives customer summaries: a fixed customer (goals achieved,
 * on track, at risk, missed, unmeasured, with value drivers) derived by this very code and
 * hashed, with {@link SUMMARY_FORMAT}. Saved summaries carry it, so a server whose derivation
 * changed (an upgrade, a fixed formula) derives every customer again instead of serving numbers
 * the old code computed. A change that leaves this fixture's summary identical is missed: bump
 * SUMMARY_FORMAT for such a change.
 *
 * @example
 * derivationFingerprint(); // '1.3f9a0c2b7d41e8a5' (stable while the derivation is)
 */
export function derivationFingerprint(): string {
  if (memo) return memo;
  const customer: CustomerRecord = {
    id: 'cus_fingerprint',
    name: 'Fingerprint',
    segment: 'mid_market',
    industry: null,
    csm_id: null,
    currency: 'EUR',
    contract_start: '2025-12-01',
    investment: 50_000,
    parent_id: null,
    version: 1,
  };
  const goals = [
    goal('a', '2026-01-01', '2026-12-31', [metric('a1', 24, 12, [22, 18, 11])]),
    goal('b', '2026-01-01', '2026-09-30', [
      metric('b1', 40, 90, [45, 60, 70]),
      metric('b2', 0, 10, [2]),
    ]),
    goal('c', '2026-02-01', '2026-07-31', [metric('c1', 100, 200, [101, 102])]),
    goal('d', '2025-06-01', '2026-03-31', [metric('d1', 10, 20, [12])]),
    goal('e', '2026-05-01', '2027-05-01', [metric('e1', null, 5, []), metric('e2', 3, 6, [])]),
  ];
  const window = periodWindow('all', null, NOW);
  const health = new Map([['cus_fingerprint', { score: 72.5, band: 'good' as const }]]);
  const summary = customerSummaries([customer], goals, window, health).get(customer.id);
  const hash = createHash('sha256').update(JSON.stringify(summary)).digest('hex').slice(0, 16);
  memo = `${SUMMARY_FORMAT}.${hash}`;
  return memo;
}
