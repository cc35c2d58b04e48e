import { successBand } from '@cscx/success-calc';
import { accountRollup, type RollupNoteReason } from '@cscx/success-calc/rollup';
import type { AccountRollup, CustomerSuccessSummary, RollupChild } from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { DerivedGoal } from './goal.js';

/** What a rollup reads of one account: a {@link CustomerSummary} has it all. */
export interface RollupMember {
  readonly customer: CustomerRecord;
  readonly statuses: readonly { readonly status: DerivedGoal['status'] }[];
  /** Delivered value (measured only), in the customer's currency. */
  readonly totalValue: number;
  readonly score: number | null;
  readonly wire: Pick<
    CustomerSuccessSummary,
    | 'goals_total'
    | 'goals_achieved'
    | 'goals_at_risk'
    | 'achievement_rate'
    | 'success_score'
    | 'roi_multiplier'
    | 'total_value'
  >;
}

const NOTES: Readonly<Record<Exclude<RollupNoteReason, null>, string>> = {
  mixed_currencies:
    'Values are in several currencies and are never added across them; each currency has its own totals, score and ROI.',
  no_investment:
    'Score and ROI are weighted by investment, and no account has an investment above 0 (with a score, for the score).',
};

function child(m: RollupMember): RollupChild {
  const c = m.customer;
  return {
    customer_id: c.id,
    name: c.name,
    currency: c.currency,
    goals_total: m.wire.goals_total,
    goals_achieved: m.wire.goals_achieved,
    goals_at_risk: m.wire.goals_at_risk,
    achievement_rate: m.wire.achievement_rate,
    success_score: m.wire.success_score,
    total_value: m.wire.total_value,
    investment: c.investment,
    roi_multiplier: m.wire.roi_multiplier,
  };
}

/**
 * A parent's `AccountRollup` (openapi.yaml) over itself and `children` (already in portfolio
 * order and within the token's scope), by calc's `accountRollup`. The parent's own figures are
 * the same ones its metrics or portfolio row show.
 */
export function rollupOf(
  parent: Omit<RollupMember, 'wire'>,
  children: readonly RollupMember[],
): AccountRollup {
  const r = accountRollup(
    [parent, ...children].map((m) => ({
      id: m.customer.id,
      currency: m.customer.currency,
      investment: m.customer.investment,
      totalValue: m.totalValue,
      score: m.score,
      goals: m.statuses,
    })),
  );
  return {
    accounts: r.accounts,
    goals: {
      total: r.goals,
      achieved: r.achieved,
      on_track: r.onTrack,
      at_risk: r.atRisk,
      missed: r.missed,
      not_started: r.notStarted,
      achievement_rate: r.achievementRate,
    },
    by_currency: r.byCurrency.map((c) => ({
      currency: c.currency,
      accounts: c.accounts,
      total_value: c.totalValue,
      investment: c.investment,
      roi_multiplier: c.roiMultiplier,
      success_score: c.successScore,
    })),
    success_score: r.successScore,
    success_band: r.successScore === null ? null : successBand(r.successScore),
    roi_multiplier: r.roiMultiplier,
    note: r.note === null ? null : NOTES[r.note],
    children: children.slice(0, 1000).map(child),
  };
}
