import { inferDirection } from '@cscx/success-calc';
import { addDays, dayStartMs } from '../clock.js';
import type { NewCustomer } from '../repo/customers.js';
import type {
  GoalRecord,
  NewGoal,
  NewMeasurement,
  NewMetric,
  StoredDriver,
} from '../repo/goals.js';
import type { NewMilestone } from '../repo/milestones.js';

/**
 * Demo data is written relative to "today" at seed time (day offsets: -2 is two days ago), so
 * the dashboard shows the same picture whenever the demo is started: the same goals on track,
 * the same one at risk, milestones just behind and just ahead.
 */

const HOUR = 3_600_000;

export interface SeedGoal {
  readonly goal: NewGoal;
  readonly metrics: readonly NewMetric[];
  readonly measurements: readonly NewMeasurement[];
}

export interface SeedCustomer {
  readonly customer: NewCustomer;
  readonly goals: readonly SeedGoal[];
  readonly milestones: readonly NewMilestone[];
}

/** A point of history: [day offset, value, note?]. */
export type HistoryPoint = readonly [number, number, string?];

export interface MetricSpec {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly direction?: 'higher_is_better' | 'lower_is_better';
  readonly baseline: number | null;
  readonly target: number;
  readonly dataSource?: string | null;
  readonly frequency?: NewMetric['frequency'];
  readonly weight?: number;
  readonly source?: string;
  readonly history: readonly HistoryPoint[];
}

export interface GoalSpec {
  readonly id: string;
  readonly customerId: string;
  readonly name: string;
  readonly description?: string;
  readonly category: GoalRecord['category'];
  readonly owner?: readonly [string, string | null];
  readonly weight?: number;
  readonly start: number;
  readonly target: number;
  /** Day offset the goal was created on (default: its start). */
  readonly created?: number;
  readonly drivers?: readonly StoredDriver[];
  readonly metrics: readonly MetricSpec[];
}

export interface MilestoneSpec {
  readonly id: string;
  readonly customerId: string;
  readonly goalId?: string;
  readonly name: string;
  readonly description?: string;
  readonly target: number;
  readonly achieved?: number;
  readonly flag?: 'planned' | 'at_risk';
  readonly created: number;
}

/** A value driver with every input field present (null when not given). */
export function driver(
  type: StoredDriver['type'],
  label: string,
  confidence: StoredDriver['confidence'],
  inputs: Partial<Omit<StoredDriver, 'type' | 'label' | 'confidence'>>,
): StoredDriver {
  return {
    type,
    label,
    confidence,
    hours_per_unit: inputs.hours_per_unit ?? null,
    units_per_month: inputs.units_per_month ?? null,
    hours_per_month: inputs.hours_per_month ?? null,
    hourly_rate: inputs.hourly_rate ?? null,
    monthly_amount: inputs.monthly_amount ?? null,
    annual_amount: inputs.annual_amount ?? null,
  };
}

export class SeedBuilder {
  constructor(
    /** Today, `YYYY-MM-DD`. */
    readonly today: string,
    /** Now, epoch ms: nothing is recorded after it. */
    readonly now: number,
  ) {}

  day(offset: number): string {
    return addDays(this.today, offset);
  }

  /** Epoch ms of `hour` o'clock UTC on day `offset`, never later than now. */
  at(offset: number, hour = 0): number {
    return Math.min(dayStartMs(this.day(offset)) + hour * HOUR, this.now);
  }

  goal(spec: GoalSpec): SeedGoal {
    const created = this.at(spec.created ?? spec.start, 10);
    const metrics: NewMetric[] = [];
    const measurements: NewMeasurement[] = [];
    let updated = created;
    spec.metrics.forEach((m, position) => {
      metrics.push({
        id: m.id,
        goal_id: spec.id,
        position,
        name: m.name,
        unit: m.unit,
        direction: m.direction ?? inferDirection(m.baseline, m.target) ?? 'higher_is_better',
        baseline_value: m.baseline,
        target_value: m.target,
        data_source: m.dataSource ?? null,
        frequency: m.frequency ?? 'monthly',
        weight: m.weight ?? 1,
      });
      for (const [offset, value, note] of m.history) {
        const at = this.at(offset);
        // Values arrive the afternoon after the day they describe (the contract's examples).
        const recorded = Math.max(at, this.at(offset, 16));
        if (recorded > updated) updated = recorded;
        measurements.push({
          metric_id: m.id,
          at,
          value,
          source: m.source ?? null,
          note: note ?? null,
          recorded_at: recorded,
        });
      }
    });
    return {
      goal: {
        id: spec.id,
        customer_id: spec.customerId,
        name: spec.name,
        description: spec.description ?? '',
        category: spec.category,
        owner_name: spec.owner?.[0] ?? null,
        owner_title: spec.owner?.[1] ?? null,
        weight: spec.weight ?? 1,
        start_date: this.day(spec.start),
        target_date: this.day(spec.target),
        value_drivers: spec.drivers ?? [],
        // Created at version 1; each recorded measurement is a change to the goal.
        version: 1 + measurements.length,
        last_status: null,
        created_at: created,
        updated_at: updated,
      },
      metrics,
      measurements,
    };
  }

  milestone(spec: MilestoneSpec): NewMilestone {
    const created = this.at(spec.created, 10);
    const achieved = spec.achieved === undefined ? null : this.day(spec.achieved);
    return {
      id: spec.id,
      customer_id: spec.customerId,
      goal_id: spec.goalId ?? null,
      name: spec.name,
      description: spec.description ?? '',
      target_date: this.day(spec.target),
      achieved_date: achieved,
      flag: spec.flag ?? 'planned',
      version: achieved === null ? 1 : 2,
      created_at: created,
      updated_at:
        spec.achieved === undefined ? created : Math.max(created, this.at(spec.achieved, 15)),
    };
  }
}
