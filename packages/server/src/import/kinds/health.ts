import { type HealthObservationInput, schemas } from '../../contract.js';
import { derivedOutcomes } from '../../derive/health.js';
import { outcomesInputsOn } from '../../derive/health-outcomes.js';
import { notFound } from '../../problem.js';
import { type CustomerRecord, getCustomer } from '../../repo/customers.js';
import { listHealthObservations } from '../../repo/health.js';
import { healthDateErrors, recordHealth, sameDayError } from '../../write/health.js';
import { atRow, type Checked, lockOnce, Memo, parsed, type RowKind, splitId } from '../kind.js';
import { customerNotFound, scopedCustomers } from './scope.js';

interface HealthRow extends Checked {
  readonly customer_id: string;
  readonly input: HealthObservationInput;
}

/**
 * Health observations: each row is `customer_id` and a recordHealthObservation body. One
 * observation per customer and day, counting the stored ones and the file's earlier rows; without
 * `outcomes`, business outcomes must be derivable on that day.
 */
export function healthKind(): RowKind<HealthRow> {
  let customers: Memo<CustomerRecord | null> | null = null;
  let storedDays: Memo<Set<string>> | null = null;
  const days = new Map<string, number>();
  return {
    idField: 'customer_id',
    schema: schemas.HealthObservationInputSchema,
    async check(row, value, env) {
      customers ??= scopedCustomers(env);
      storedDays ??= new Memo(
        async (id) =>
          new Set((await listHealthObservations(env.ctx.db, id)).map((o) => o.observed_on)),
      );
      const split = splitId(value, 'customer_id');
      if (Array.isArray(split)) return split;
      const input = parsed(schemas.HealthObservationInputSchema, split.body);
      if (Array.isArray(input)) return input;
      const future = healthDateErrors(input, env.now);
      if (future.length > 0) return future;
      const customer = await customers.get(split.id);
      if (!customer) return [customerNotFound(split.id)];
      const key = `${customer.id}\n${input.observed_on}`;
      const first = days.get(key);
      if (first !== undefined) {
        return [
          {
            field: '/observed_on',
            message: `Row ${first} already gives this customer's observation on ${input.observed_on}.`,
            code: 'duplicate_row',
          },
        ];
      }
      if ((await storedDays.get(customer.id)).has(input.observed_on)) {
        return [sameDayError(input.observed_on)];
      }
      days.set(key, row);
      if (input.outcomes === undefined || input.outcomes === null) {
        const inputs = await outcomesInputsOn(env.ctx.db, customer, input.observed_on);
        const d = inputs ? derivedOutcomes(inputs) : null;
        if (d && !d.ok) return [{ field: '/outcomes', message: d.message, code: 'no_inputs' }];
      }
      return { row, customer_id: customer.id, input };
    },
    locks: (r) => r.customer_id,
    async apply(rows, env) {
      for (const r of rows) {
        await atRow(r.row, async () => {
          await lockOnce(env, r.customer_id);
          // The customer as it is now, under the lock (its segment picks the health model).
          const customer = await getCustomer(env.tx, r.customer_id);
          if (!customer) throw notFound('Customer', r.customer_id);
          await recordHealth(env.tx, customer, r.input, env.now);
          env.created++;
        });
      }
    },
  };
}
