import { isoTimestamp } from '../clock.js';
import type { Milestone } from '../contract.js';
import type { MilestoneRecord } from '../repo/milestones.js';

/**
 * A milestone as the contract shows it on day `asOf`. Its status is a rule on dates, not a
 * number, so it lives here (calc has no milestone function): `achieved` once `achieved_date` is
 * reached, `missed` when the target day has passed without it, else the stored flag.
 */
export function deriveMilestone(m: MilestoneRecord, asOf: string): Milestone {
  const achieved = m.achieved_date !== null && m.achieved_date <= asOf;
  return {
    id: m.id,
    customer_id: m.customer_id,
    goal_id: m.goal_id,
    name: m.name,
    description: m.description,
    target_date: m.target_date,
    achieved_date: m.achieved_date,
    status: achieved ? 'achieved' : m.target_date < asOf ? 'missed' : m.flag,
    version: m.version,
    created_at: isoTimestamp(m.created_at),
    updated_at: isoTimestamp(m.updated_at),
  };
}
