import { parseTimestamp } from '../../clock.js';
import { schemas } from '../../contract.js';
import { notFound, ProblemError } from '../../problem.js';
import type { CustomerRecord } from '../../repo/customers.js';
import { getCustomer } from '../../repo/customers.js';
import { goalOwner } from '../../routes/goals.js';
import { notFuture } from '../../routes/measurements.js';
import { loadGoal, type NewValue, recordValues, unknownMetric } from '../../write/goals.js';
import {
  atRow,
  attempt,
  type Checked,
  lockOnce,
  Memo,
  parsed,
  type RowKind,
  splitId,
} from '../kind.js';

interface MeasurementRow extends Checked {
  readonly goal_id: string;
  readonly customer_id: string;
  readonly value: NewValue;
}

/**
 * Measurements: each row is `goal_id` and a recordMeasurement body. The goal must be one the
 * token may write and the metric one of the goal's; `measured_at` defaults to now and may not be
 * in the future. The values of one goal in a batch are recorded together (one new goal version).
 */
export function measurementsKind(): RowKind<MeasurementRow> {
  let goals: Memo<{ customer: CustomerRecord; metrics: { id: string }[] } | null> | null = null;
  return {
    idField: 'goal_id',
    schema: schemas.MeasurementInputSchema,
    async check(row, value, { ctx, principal, now }) {
      goals ??= new Memo(async (id) => {
        try {
          const customer = await goalOwner(ctx, principal, id);
          const goal = await loadGoal(ctx.db, id, now);
          return goal ? { customer, metrics: goal.metrics.map((m) => ({ id: m.id })) } : null;
        } catch (e) {
          if (e instanceof ProblemError && e.status === 404) return null;
          throw e;
        }
      });
      const split = splitId(value, 'goal_id');
      if (Array.isArray(split)) return split;
      const input = parsed(schemas.MeasurementInputSchema, split.body);
      if (Array.isArray(input)) return input;
      const at = input.measured_at === undefined ? now : (parseTimestamp(input.measured_at) ?? now);
      const future = await attempt(() => notFuture(at, now));
      if (Array.isArray(future)) return future;
      const goal = await goals.get(split.id);
      if (!goal) {
        return [
          { field: '/goal_id', message: `Goal ${split.id} was not found.`, code: 'not_found' },
        ];
      }
      const unknown = unknownMetric(goal, input.metric_id);
      if (unknown) return [unknown];
      return {
        row,
        goal_id: split.id,
        customer_id: goal.customer.id,
        value: {
          metricId: input.metric_id,
          value: input.value,
          at,
          source: input.source ?? null,
          note: input.note ?? null,
        },
      };
    },
    locks: (r) => r.customer_id,
    async apply(rows, env) {
      const byGoal = new Map<string, MeasurementRow[]>();
      for (const r of rows) byGoal.set(r.goal_id, [...(byGoal.get(r.goal_id) ?? []), r]);
      for (const [goalId, mine] of byGoal) {
        const first = mine[0] as MeasurementRow;
        await atRow(first.row, async () => {
          await lockOnce(env, first.customer_id);
          const customer = await getCustomer(env.tx, first.customer_id);
          if (!customer) throw notFound('Customer', first.customer_id);
          const goal = await loadGoal(env.tx, goalId, env.now);
          if (!goal) throw notFound('Goal', goalId);
          await recordValues(
            env.tx,
            customer,
            goal,
            mine.map((r) => r.value),
            env.now,
          );
          env.created += mine.length;
        });
      }
    },
  };
}
