import { formatNumber, formatPercent } from '@cscx/success-calc';
import { isoDay } from '../clock.js';
import type { GoalStatus } from '../contract.js';
import type { NewAlert } from '../repo/alerts.js';
import type { MilestoneRecord } from '../repo/milestones.js';
import type { DerivedGoal } from './goal.js';

/**
 * Alerts are raised on transitions (PRD-165 FR-165.10): a goal becoming achieved, a goal turning
 * at risk, a milestone being achieved. Each states its cause with the numbers behind it.
 */

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;
const pct = (p: number | null) => formatPercent(p, { maximumFractionDigits: 2 });
const num = (v: number | null, unit: string) => `${formatNumber(v)}${unit ? ` ${unit}` : ''}`;

/** The alert a goal's move from `before` to its current status raises, if any. */
export function goalTransitionAlert(
  before: string | null,
  goal: DerivedGoal,
  at: number,
): NewAlert | null {
  const after: GoalStatus = goal.status;
  if (after === before || (after !== 'achieved' && after !== 'at_risk')) return null;
  const g = goal.record;
  const name = clip(g.name, 250);
  let cause: string;
  if (after === 'achieved') {
    const m = goal.wire.metrics.length === 1 ? goal.wire.metrics[0] : undefined;
    const last = m ? g.metrics[0]?.measurements.at(-1) : undefined;
    cause =
      m && last
        ? `Progress ${pct(goal.percent)} reached target ${num(m.target_value, m.unit)} (${m.name} ${num(m.current_value, m.unit)} on ${isoDay(last.at)}).`
        : `Progress ${pct(goal.percent)} reached the targets of its ${goal.wire.metrics.length} metrics.`;
  } else {
    cause =
      goal.expected === null
        ? `Progress ${pct(goal.percent)} is below the 75% needed to be on track (target date ${g.target_date}).`
        : `Progress ${pct(goal.percent)} is more than 10 points behind the expected ${pct(goal.expected)} on ${isoDay(at)} (target date ${g.target_date}).`;
  }
  return {
    customer_id: g.customer_id,
    goal_id: g.id,
    milestone_id: null,
    type: after === 'achieved' ? 'goal_achieved' : 'goal_at_risk',
    title: `${after === 'achieved' ? 'Goal achieved' : 'Goal at risk'}: ${name}`,
    cause: clip(cause, 1000),
    created_at: at,
  };
}

/** The alert of a milestone that has just been given its achieved date. */
export function milestoneAchievedAlert(m: MilestoneRecord, at: number): NewAlert {
  return {
    customer_id: m.customer_id,
    goal_id: m.goal_id,
    milestone_id: m.id,
    type: 'milestone_achieved',
    title: `Milestone achieved: ${clip(m.name, 250)}`,
    cause: `Achieved on ${m.achieved_date} (target ${m.target_date}).`,
    created_at: at,
  };
}
