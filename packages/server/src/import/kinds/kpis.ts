import { isoDay } from '../../clock.js';
import { type KpiObservationInput, schemas } from '../../contract.js';
import type { CustomerRecord } from '../../repo/customers.js';
import { crossFieldErrors, recordKpi } from '../../routes/kpis.js';
import {
  atRow,
  type Checked,
  lockOnce,
  type Memo,
  parsed,
  type RowKind,
  splitId,
} from '../kind.js';
import { customerNotFound, scopedCustomers } from './scope.js';

interface KpiRow extends Checked {
  readonly customer_id: string;
  readonly input: KpiObservationInput;
}

/**
 * KPI observations: each row is `customer_id` and a recordKpiObservation body. Rows for a month
 * that already has an observation (stored, or an earlier row) replace the sections they carry,
 * exactly as repeated POSTs would.
 */
export function kpisKind(): RowKind<KpiRow> {
  let customers: Memo<CustomerRecord | null> | null = null;
  return {
    idField: 'customer_id',
    schema: schemas.KpiObservationInputSchema,
    async check(row, value, env) {
      customers ??= scopedCustomers(env);
      const split = splitId(value, 'customer_id');
      if (Array.isArray(split)) return split;
      const input = parsed(schemas.KpiObservationInputSchema, split.body);
      if (Array.isArray(input)) return input;
      const errors = crossFieldErrors(input, isoDay(env.now).slice(0, 7));
      if (errors.length > 0) return errors;
      const customer = await customers.get(split.id);
      if (!customer) return [customerNotFound(split.id)];
      return { row, customer_id: customer.id, input };
    },
    locks: (r) => r.customer_id,
    async apply(rows, env) {
      for (const r of rows) {
        await atRow(r.row, async () => {
          await lockOnce(env, r.customer_id);
          const { before } = await recordKpi(env.tx, r.customer_id, r.input, env.now);
          if (before) env.updated++;
          else env.created++;
        });
      }
    },
  };
}
