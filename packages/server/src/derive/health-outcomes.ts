import type { HealthOutcomesInput } from '@cscx/success-calc';
import { dayEndMs } from '../clock.js';
import type { Queryable } from '../db/database.js';
import type { CustomerRecord } from '../repo/customers.js';
import { loadGoals } from '../repo/goals.js';
import { listMilestones } from '../repo/milestones.js';
import { customerView, successScoreOf, valueDeliveredOf } from './customer.js';
import { periodWindow } from './period.js';

/**
 * What the kit knows about a customer's business outcomes on `day` (seed 002 "Business
 * Outcomes Scoring"): the success score of its goals, the ROI its measured value realised, and
 * its milestones achieved of those due. Goals count as of that day (the goals that existed,
 * with the measurements taken by then); the figures come from the same derivations as
 * getCustomerSuccessMetrics, so health never disagrees with the success view.
 */
export async function outcomesInputsOn(
  q: Queryable,
  c: CustomerRecord,
  day: string,
): Promise<HealthOutcomesInput> {
  const end = dayEndMs(day);
  const window = periodWindow('all', c.contract_start, new Date(end));
  const goals = (await loadGoals(q, { customerId: c.id, until: end, history: 'full' })).filter(
    (g) => g.created_at <= end,
  );
  const milestones = await listMilestones(q, c.id);
  const view = customerView(c, window, goals, milestones);
  const score = successScoreOf(view.goals).score;
  const roi = goals.length > 0 ? valueDeliveredOf(c, view.goals).roi_multiplier : null;
  let achieved = 0;
  let due = 0;
  for (const m of milestones) {
    const done = m.achieved_date !== null && m.achieved_date <= day;
    if (done) achieved++;
    if (done || m.target_date < day) due++;
  }
  return {
    goalAchievement: score,
    roiMultiplier: roi,
    milestonesAchieved: due > 0 ? achieved : null,
    milestonesDue: due > 0 ? due : null,
  };
}
