import type { Hono } from 'hono';
import { assertCanWrite } from '../auth.js';
import { isoDay } from '../clock.js';
import {
  type CustomerKpis,
  type KpiObservationInput,
  type PortfolioKpis,
  schemas,
} from '../contract.js';
import { allSummaries, customerInScope } from '../data.js';
import type { Queryable } from '../db/database.js';
import { audienceOf, projectKpis } from '../derive/audience.js';
import {
  customerKpis,
  kpiValues,
  monthsBefore,
  type PortfolioKpiCustomer,
  portfolioMonthInputs,
  previousMonth,
  toKpiObservation,
} from '../derive/kpis.js';
import type { AppContext, Env } from '../http/context.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { jsonReply, sendJson } from '../http/respond.js';
import { type FieldError, validationFailed } from '../problem.js';
import type { CustomerRecord } from '../repo/customers.js';
import {
  type KpiObservationRecord,
  kpiObservationsOf,
  listKpiObservations,
  segmentArr,
  upsertKpiObservations,
} from '../repo/kpis.js';
import { parseBody, pathId, Query } from '../validate.js';
import { writeForCustomer } from '../write/tx.js';
import { portfolioRows, SEGMENTS } from './portfolio-scope.js';

/** A month, `YYYY-MM` (openapi.yaml `KpiPeriod`). */
export const KPI_MONTH = /^(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])$/;

/** The checks a schema cannot state: sections given, counts that add up, no future month. */
export function crossFieldErrors(input: KpiObservationInput, thisMonth: string): FieldError[] {
  const errors: FieldError[] = [];
  const s = input.surveys;
  const surveys = s ? [s.csat, s.nps, s.ces].filter((x) => x !== undefined).length : 0;
  if (!input.arr && !input.financials && !input.tickets && surveys === 0) {
    errors.push({
      field: '',
      message: 'Give at least one of arr, financials, surveys (csat, nps, ces) or tickets.',
      code: 'empty',
    });
  }
  if (input.period > thisMonth) {
    errors.push({
      field: '/period',
      message: `Must not be in the future (this month is ${thisMonth}).`,
      code: 'future_date',
    });
  }
  const a = input.arr;
  if (a && a.contraction + a.churned > a.starting_arr + a.expansion) {
    errors.push({
      field: '/arr/churned',
      message: `Contraction + churned (${a.contraction + a.churned}) must be at most starting ARR + expansion (${a.starting_arr + a.expansion}).`,
      code: 'out_of_range',
    });
  }
  const t = input.tickets;
  if (t) {
    for (const k of ['first_contact_resolved', 'sla_met'] as const) {
      if (t[k] > t.total) {
        errors.push({
          field: `/tickets/${k}`,
          message: `Must be at most total (${t.total}).`,
          code: 'out_of_range',
        });
      }
    }
  }
  return errors;
}

/** The stored row with the sections of `input` replacing its own (or a new row). */
function merged(
  before: KpiObservationRecord | undefined,
  customerId: string,
  input: KpiObservationInput,
  now: number,
): KpiObservationRecord {
  const s = input.surveys;
  return {
    customer_id: customerId,
    period: input.period,
    arr: input.arr ?? before?.arr ?? null,
    financials: input.financials
      ? { gross_margin_pct: input.financials.gross_margin_pct, cac: input.financials.cac ?? null }
      : (before?.financials ?? null),
    csat: s?.csat ?? before?.csat ?? null,
    nps: s?.nps ?? before?.nps ?? null,
    ces: s?.ces ?? before?.ces ?? null,
    tickets: input.tickets ?? before?.tickets ?? null,
    source: input.source !== undefined ? input.source : (before?.source ?? null),
    note: input.note !== undefined ? input.note : (before?.note ?? null),
    recorded_at: before?.recorded_at ?? now,
    updated_at: now,
  };
}

/**
 * A customer's KPIs as getCustomerKpis answers it for `period` (a month), or, without one, for
 * the month `pick` chooses from the months with an observation (oldest first; the latest by
 * default, as the route without `period`). Shared by the route and the report's `health`
 * section, so both give the same numbers.
 */
export async function loadCustomerKpis(
  ctx: AppContext,
  customer: CustomerRecord,
  period: string | undefined,
  pick: (months: readonly string[]) => string | null = (months) => months.at(-1) ?? null,
  locale?: string,
): Promise<CustomerKpis> {
  const observations = await listKpiObservations(ctx.db, customer.id);
  const month = period ?? pick(observations.map((o) => o.period));
  // The segment's ARR over both years the month and its predecessor's annual churn cover.
  const segment = month
    ? await segmentArr(ctx.db, customer.segment, monthsBefore(month, 12), month)
    : [];
  return customerKpis(customer, observations, month, segment, locale);
}

/**
 * `recordKpiObservation` inside the caller's transaction (the customer locked): the month's row
 * with the sections of `input` replacing its own; `before` is the row it replaced, if any.
 */
export async function recordKpi(
  tx: Queryable,
  customerId: string,
  input: KpiObservationInput,
  now: number,
): Promise<{ before: KpiObservationRecord | undefined; record: KpiObservationRecord }> {
  const before = (await listKpiObservations(tx, customerId)).find((o) => o.period === input.period);
  const record = merged(before, customerId, input, now);
  await upsertKpiObservations(tx, [record]);
  return { before, record };
}

/** Registers recordKpiObservation, getCustomerKpis and getPortfolioKpis. */
export function registerKpis(app: Hono<Env>, ctx: AppContext): void {
  // getPortfolioKpis: the customers' inputs added up, then computed by calc like a customer's.
  app.get('/api/reports/kpis', async (c) => {
    const q = new Query(c.req.url, ['period', 'segment', 'csm_id']);
    const period =
      q.string('period', {
        max: 7,
        pattern: KPI_MONTH,
        patternText: 'Must be a month, YYYY-MM (1900 to 2999), for example 2026-03.',
      }) ?? previousMonth(isoDay(ctx.clock()).slice(0, 7));
    const segment = q.enum('segment', SEGMENTS);
    const csmId = q.id('csm_id');
    const rows = portfolioRows(await allSummaries(ctx), c.get('principal'), { csmId, segment });
    const observations = await kpiObservationsOf(
      ctx.db,
      rows.map((r) => r.customer.id),
      monthsBefore(period, 12),
      period,
    );
    const byCustomer = new Map<string, Map<string, KpiObservationRecord>>();
    for (const o of observations) {
      const m = byCustomer.get(o.customer_id) ?? new Map<string, KpiObservationRecord>();
      m.set(o.period, o);
      byCustomer.set(o.customer_id, m);
    }
    const customers: PortfolioKpiCustomer[] = rows.map((r) => ({
      customer: r.customer,
      byMonth: byCustomer.get(r.customer.id) ?? new Map(),
    }));
    const prev = previousMonth(period);
    const locale = c.get('locale');
    const current = portfolioMonthInputs(customers, period, null, locale);
    const currencies = [
      ...new Set(
        customers.filter((x) => x.byMonth.get(period)?.arr).map((x) => x.customer.currency),
      ),
    ].sort();
    const byCurrency = currencies.map((currency) => {
      const mine = customers.filter((x) => x.customer.currency === currency);
      const v = kpiValues(
        portfolioMonthInputs(mine, period, currency, locale),
        portfolioMonthInputs(mine, prev, currency, locale),
        currency,
        undefined,
        locale,
      );
      return {
        currency,
        customers: mine.filter((x) => x.byMonth.get(period)?.arr).length,
        nrr: v.nrr,
        grr: v.grr,
      };
    });
    const body: PortfolioKpis = {
      period,
      previous_period: prev,
      segment: segment ?? null,
      csm_id: csmId ?? null,
      customers: rows.length,
      customers_observed: current.customers,
      currencies,
      kpis: kpiValues(
        current,
        portfolioMonthInputs(customers, prev, null, locale),
        currencies.length === 1 ? (currencies[0] ?? null) : null,
        undefined,
        locale,
      ),
      by_currency: byCurrency,
    };
    return sendJson(c, 200, body);
  });

  // getCustomerKpis: derived when read from the stored observations, by calc.
  app.get('/api/customers/:customerId/kpis', async (c) => {
    const q = new Query(c.req.url, ['period']);
    const id = pathId('customerId', c.req.param('customerId'));
    const period = q.string('period', {
      max: 7,
      pattern: KPI_MONTH,
      patternText: 'Must be a month, YYYY-MM (1900 to 2999), for example 2026-03.',
    });
    const p = c.get('principal');
    const customer = await customerInScope(ctx, p, id);
    return sendJson(
      c,
      200,
      projectKpis(
        await loadCustomerKpis(ctx, customer, period, undefined, c.get('locale')),
        audienceOf(p),
      ),
    );
  });

  // recordKpiObservation: one row per customer and month, built up section by section.
  idempotentPost(
    app,
    ctx,
    '/api/customers/:customerId/kpi-observations',
    'customerId',
    async ({ id, body, principal: p, save }) => {
      const customer = await customerInScope(ctx, p, id);
      assertCanWrite(p);
      const input = parseBody(schemas.KpiObservationInputSchema, body.value);
      const now = ctx.clock().getTime();
      const errors = crossFieldErrors(input, isoDay(now).slice(0, 7));
      if (errors.length > 0) throw validationFailed(errors);
      return writeForCustomer(ctx, customer.id, async (tx) => {
        const { before, record } = await recordKpi(tx, customer.id, input, now);
        const location = `/api/customers/${encodeURIComponent(customer.id)}/kpis?period=${record.period}`;
        const r = jsonReply(before ? 200 : 201, toKpiObservation(record), {
          ...(before ? {} : { location }),
        });
        await save(tx, r);
        return r;
      });
    },
  );
}
