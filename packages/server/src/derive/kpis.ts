import {
  type ChurnRateInput,
  churnRate,
  explainKpi,
  KPI_FIGURES,
  KPI_THRESHOLDS,
  type KpiFigure,
  type KpiFigureInputs,
  type KpiName,
  kpiTrend,
} from '@cscx/success-calc/kpi';
import { isoTimestamp } from '../clock.js';
import type {
  CustomerKpis,
  Kpi,
  KpiArrMovements,
  KpiObservation,
  KpiTickets,
  KpiValues,
} from '../contract.js';
import type { CustomerRecord } from '../repo/customers.js';
import type { KpiObservationRecord } from '../repo/kpis.js';
import { kpiText } from './kpi-text.js';

/** The inputs of every KPI for one month, as calc takes them; null where nothing was recorded. */
export type KpiInputs = { readonly [K in KpiFigure]: KpiFigureInputs[K] | null };

/** Why each KPI of {@link KpiInputs} has no input, by KPI (only for those that are null). */
export type KpiMissing = Partial<Record<KpiFigure, string>>;

/** The month before `period` (`2026-01` gives `2025-12`). */
export function previousMonth(period: string): string {
  return monthsBefore(period, 1);
}

/** The month `n` months before `period`. */
export function monthsBefore(period: string, n: number): string {
  const y = Number(period.slice(0, 4));
  const m = Number(period.slice(5, 7)) - 1 - n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Whether a month's ARR movements lose the whole customer: ARR at the start, none at the end. */
export function lostInMonth(arr: KpiArrMovements): boolean {
  return arr.starting_arr > 0 && arr.contraction + arr.churned >= arr.starting_arr + arr.expansion;
}

/**
 * Logo churn counts of one customer over a window of months (oldest first, ARR sections only):
 * at the start when its first month had ARR, lost when any month lost it. Null without ARR.
 */
export function churnCounts(arrs: readonly KpiArrMovements[]): ChurnRateInput | null {
  const first = arrs[0];
  if (!first) return null;
  const atStart = first.starting_arr > 0 ? 1 : 0;
  return { atStart, lost: atStart === 1 && arrs.some(lostInMonth) ? 1 : 0 };
}

/** Adds churn counts up (customers of a segment or a portfolio). */
export function addChurn(counts: readonly (ChurnRateInput | null)[]): ChurnRateInput | null {
  let atStart = 0;
  let lost = 0;
  let any = false;
  for (const c of counts) {
    if (!c) continue;
    any = true;
    atStart += c.atStart;
    lost += c.lost;
  }
  return any ? { atStart, lost } : null;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const SEVERITY_KEYS = {
  critical: 'noCritical',
  high: 'noHigh',
  medium: 'noMedium',
  low: 'noLow',
} as const;

/**
 * The KPI inputs of one month from what was stored: `month` the month's observation (or null),
 * `monthChurn` and `annualChurn` the churn counts of the month and of the 12 months to it,
 * `segmentAnnualChurn` the churn counts CLV divides by.
 */
export function kpiInputs(
  month: KpiObservationRecord | null,
  period: string,
  monthChurn: ChurnRateInput | null,
  annualChurn: ChurnRateInput | null,
  segmentAnnualChurn: ChurnRateInput | null,
  locale?: string,
): { inputs: KpiInputs; missing: KpiMissing } {
  const missing: KpiMissing = {};
  const say = (key: Parameters<typeof kpiText>[0], values: Record<string, string> = { period }) =>
    kpiText(key, values, locale);
  const none = (k: KpiFigure, why: string): null => {
    missing[k] = why;
    return null;
  };
  const noArr = say('noArr');
  const noTickets = say('noTickets');
  const arr = month?.arr ?? null;
  const fin = month?.financials ?? null;
  const t: KpiTickets | null = month?.tickets ?? null;
  const segmentRate = segmentAnnualChurn ? churnRate(segmentAnnualChurn) : null;
  const ttr = (s: (typeof SEVERITIES)[number]) => {
    const r = t?.resolution?.[s];
    return r
      ? { totalHours: r.hours, tickets: r.resolved }
      : none(`ttr_${s}`, t ? say(SEVERITY_KEYS[s]) : noTickets);
  };
  const inputs: KpiInputs = {
    nrr: arr
      ? {
          startingArr: arr.starting_arr,
          expansion: arr.expansion,
          contraction: arr.contraction,
          churned: arr.churned,
        }
      : none('nrr', noArr),
    grr: arr
      ? { startingArr: arr.starting_arr, contraction: arr.contraction, churned: arr.churned }
      : none('grr', noArr),
    monthly_churn: monthChurn ?? none('monthly_churn', noArr),
    annual_churn: annualChurn ?? none('annual_churn', say('noArrYear')),
    clv:
      // No churn in the segment: calc's CLV is unbounded, said here in the request's words.
      arr && fin && segmentRate?.ok && segmentRate.percent > 0
        ? {
            averageRevenue: arr.starting_arr,
            grossMarginPercent: fin.gross_margin_pct,
            churnRatePercent: segmentRate.percent,
          }
        : none(
            'clv',
            !arr
              ? noArr
              : !fin
                ? say('noMargin')
                : segmentRate && !segmentRate.ok
                  ? say('noSegmentRate', { reason: segmentRate.message })
                  : segmentRate
                    ? say('segmentNoChurn')
                    : say('noSegmentChurn'),
          ),
    cac_payback:
      arr && fin && fin.cac !== null && fin.cac !== undefined
        ? {
            cac: fin.cac,
            // ARR is annual; the seed's formula takes monthly recurring revenue.
            monthlyRevenue: arr.starting_arr / 12,
            grossMarginPercent: fin.gross_margin_pct,
          }
        : none('cac_payback', !arr ? noArr : !fin ? say('noMargin') : say('noCac')),
    csat: month?.csat ?? none('csat', say('noCsat')),
    csat_percent: month?.csat ?? none('csat_percent', say('noCsat')),
    nps: month?.nps ?? none('nps', say('noNps')),
    ces: month?.ces ?? none('ces', say('noCes')),
    fcr: t
      ? { firstContactResolved: t.first_contact_resolved, total: t.total }
      : none('fcr', noTickets),
    sla_compliance: t ? { met: t.sla_met, total: t.total } : none('sla_compliance', noTickets),
    aht: t ? { totalMinutes: t.handle_minutes, tickets: t.total } : none('aht', noTickets),
    ttr_critical: ttr('critical'),
    ttr_high: ttr('high'),
    ttr_medium: ttr('medium'),
    ttr_low: ttr('low'),
  };
  return { inputs, missing };
}

function unitOf(kpi: KpiFigure, currency: string): string {
  if (kpi === 'clv') return currency;
  if (kpi === 'cac_payback') return 'months';
  return KPI_THRESHOLDS[kpi as KpiName].unit;
}

function thresholdsOf(kpi: KpiFigure): Kpi['thresholds'] {
  if (kpi === 'clv' || kpi === 'cac_payback') return null;
  const t = KPI_THRESHOLDS[kpi as KpiName];
  return {
    direction: t.direction,
    target: t.target,
    minimum: t.minimum ?? null,
    benchmark: t.benchmark ?? null,
    best_in_class: t.bestInClass ?? null,
    unit: t.unit,
    source: t.source,
  };
}

/**
 * Every KPI of a month from its inputs, each computed, rated and explained by calc, with its
 * trend against the previous month's inputs.
 */
export function kpiValues(
  current: { inputs: KpiInputs; missing: KpiMissing },
  previous: { inputs: KpiInputs; missing: KpiMissing } | null,
  currency: string | null,
  pointers?: (kpi: KpiFigure) => Readonly<Record<string, string>>,
  locale?: string,
): KpiValues {
  const out: Partial<Record<KpiFigure, Kpi>> = {};
  for (const k of KPI_FIGURES) {
    const opts = {
      ...(currency ? { currency } : {}),
      ...(current.missing[k] ? { missing: current.missing[k] } : {}),
      ...(locale ? { locale } : {}),
    };
    const r = explainKpi(k, current.inputs[k] as KpiFigureInputs[typeof k] | null, {
      ...opts,
      ...(pointers ? { pointers: pointers(k) } : {}),
    });
    const p = previous
      ? explainKpi(k, previous.inputs[k] as KpiFigureInputs[typeof k] | null, opts).value
      : null;
    out[k] = {
      value: r.value,
      unit: unitOf(k, currency ?? ''),
      reason: r.value === null ? r.derivation.text : null,
      rating: r.rating,
      thresholds: thresholdsOf(k),
      previous_value: p,
      trend: kpiTrend(k, r.value, p),
      explanation: {
        formula: r.derivation.formula,
        text: r.derivation.text,
        inputs: r.derivation.inputs.map((i) =>
          i.pointer === undefined
            ? { name: i.name, value: i.value }
            : { name: i.name, value: i.value, pointer: i.pointer },
        ),
        rule: r.derivation.rule,
        result: r.derivation.result,
      },
    };
  }
  return out as KpiValues;
}

/** A stored observation on the wire. */
export function toKpiObservation(r: KpiObservationRecord): KpiObservation {
  return {
    customer_id: r.customer_id,
    period: r.period,
    arr: r.arr,
    financials: r.financials,
    surveys: { csat: r.csat, nps: r.nps, ces: r.ces },
    tickets: r.tickets,
    source: r.source,
    note: r.note,
    recorded_at: isoTimestamp(r.recorded_at),
    updated_at: isoTimestamp(r.updated_at),
  };
}

/** The ARR sections of `months` (oldest first) from a customer's observations by month. */
function arrsIn(byMonth: ReadonlyMap<string, KpiObservationRecord>, months: readonly string[]) {
  const out: KpiArrMovements[] = [];
  for (const m of months) {
    const a = byMonth.get(m)?.arr;
    if (a) out.push(a);
  }
  return out;
}

/** The 12 months to `period`, oldest first. */
export function yearTo(period: string): string[] {
  const out: string[] = [];
  for (let i = 11; i >= 0; i--) out.push(monthsBefore(period, i));
  return out;
}

/** One customer's inputs for `period` from its observations and its segment's ARR history. */
export function customerMonthInputs(
  byMonth: ReadonlyMap<string, KpiObservationRecord>,
  period: string,
  segmentAnnualChurn: ChurnRateInput | null,
  locale?: string,
): { inputs: KpiInputs; missing: KpiMissing } {
  const month = byMonth.get(period) ?? null;
  return kpiInputs(
    month,
    period,
    churnCounts(month?.arr ? [month.arr] : []),
    churnCounts(arrsIn(byMonth, yearTo(period))),
    segmentAnnualChurn,
    locale,
  );
}

/** The annual churn counts of a segment's customers over the 12 months to `period`. */
export function segmentChurn(
  rows: readonly { customer_id: string; period: string; arr: KpiArrMovements }[],
  period: string,
): ChurnRateInput | null {
  const months = new Set(yearTo(period));
  const byCustomer = new Map<string, KpiArrMovements[]>();
  for (const r of rows) {
    if (!months.has(r.period)) continue;
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push(r.arr);
    byCustomer.set(r.customer_id, list);
  }
  return addChurn([...byCustomer.values()].map(churnCounts));
}

/** A customer's KPIs for `period` (null: no observation at all). */
export function customerKpis(
  customer: CustomerRecord,
  observations: readonly KpiObservationRecord[],
  period: string | null,
  segmentRows: readonly { customer_id: string; period: string; arr: KpiArrMovements }[],
  locale?: string,
): CustomerKpis {
  const byMonth = new Map(observations.map((o) => [o.period, o]));
  const periods = observations.map((o) => o.period);
  const month = period ?? periods.at(-1) ?? null;
  const shown = month ?? kpiText('thisMonth', {}, locale);
  const prev = month ? previousMonth(month) : null;
  const current = month
    ? customerMonthInputs(byMonth, month, segmentChurn(segmentRows, month), locale)
    : kpiInputs(null, shown, null, null, null, locale);
  const before = prev
    ? customerMonthInputs(byMonth, prev, segmentChurn(segmentRows, prev), locale)
    : null;
  const obs = month ? (byMonth.get(month) ?? null) : null;
  return {
    customer_id: customer.id,
    currency: customer.currency,
    period: month,
    previous_period: prev,
    periods,
    note:
      obs !== null
        ? null
        : month === null
          ? kpiText('noObservations', {}, locale)
          : kpiText('noObservation', { period: month }, locale),
    observation: obs ? toKpiObservation(obs) : null,
    kpis: kpiValues(
      current,
      before,
      customer.currency,
      obs ? observationPointers : undefined,
      locale,
    ),
  };
}

/** Where a customer KPI's inputs are in the response: under `/observation`. */
function observationPointers(kpi: KpiFigure): Readonly<Record<string, string>> {
  const o = '/observation';
  if (kpi === 'nrr' || kpi === 'grr') {
    return {
      starting_arr: `${o}/arr/starting_arr`,
      expansion: `${o}/arr/expansion`,
      contraction: `${o}/arr/contraction`,
      churned: `${o}/arr/churned`,
    };
  }
  if (kpi === 'fcr' || kpi === 'sla_compliance' || kpi === 'aht') {
    return {
      first_contact_resolved: `${o}/tickets/first_contact_resolved`,
      sla_met: `${o}/tickets/sla_met`,
      tickets: `${o}/tickets/total`,
      handle_minutes: `${o}/tickets/handle_minutes`,
    };
  }
  if (kpi.startsWith('ttr_')) {
    const s = kpi.slice(4);
    return {
      resolution_hours: `${o}/tickets/resolution/${s}/hours`,
      tickets_resolved: `${o}/tickets/resolution/${s}/resolved`,
    };
  }
  if (kpi === 'csat' || kpi === 'csat_percent' || kpi === 'nps' || kpi === 'ces') {
    const survey = kpi === 'csat_percent' ? 'csat' : kpi;
    const lowest = kpi === 'nps' ? 0 : 1;
    const out: Record<string, string> = {};
    for (let i = 0; i < 11; i++) out[`answered ${lowest + i}`] = `${o}/surveys/${survey}/${i}`;
    return out;
  }
  if (kpi === 'clv' || kpi === 'cac_payback') {
    return {
      average_revenue: `${o}/arr/starting_arr`,
      gross_margin_pct: `${o}/financials/gross_margin_pct`,
      cac: `${o}/financials/cac`,
    };
  }
  return {};
}

const addCounts = (a: number[] | null, b: number[] | null): number[] | null =>
  a === null ? (b ? [...b] : null) : b === null ? a : a.map((x, i) => x + (b[i] ?? 0));

function addTickets(a: KpiTickets | null, b: KpiTickets | null): KpiTickets | null {
  if (a === null) return b;
  if (b === null) return a;
  const resolution: NonNullable<KpiTickets['resolution']> = {};
  for (const s of SEVERITIES) {
    const x = a.resolution?.[s];
    const y = b.resolution?.[s];
    if (x || y) {
      resolution[s] = {
        resolved: (x?.resolved ?? 0) + (y?.resolved ?? 0),
        hours: (x?.hours ?? 0) + (y?.hours ?? 0),
      };
    }
  }
  return {
    total: a.total + b.total,
    first_contact_resolved: a.first_contact_resolved + b.first_contact_resolved,
    sla_met: a.sla_met + b.sla_met,
    handle_minutes: a.handle_minutes + b.handle_minutes,
    resolution,
  };
}

function addArr(a: KpiArrMovements | null, b: KpiArrMovements | null): KpiArrMovements | null {
  if (a === null) return b;
  if (b === null) return a;
  return {
    starting_arr: a.starting_arr + b.starting_arr,
    expansion: a.expansion + b.expansion,
    contraction: a.contraction + b.contraction,
    churned: a.churned + b.churned,
  };
}

/** The customers of a portfolio with their observations by month. */
export interface PortfolioKpiCustomer {
  readonly customer: CustomerRecord;
  readonly byMonth: ReadonlyMap<string, KpiObservationRecord>;
}

/**
 * A portfolio's KPI inputs for `period`: survey counts, ticket outcomes and churn counts added
 * over its customers; ARR added only within one currency (money is never summed across
 * currencies), so NRR and GRR come per currency when there are several. CLV and CAC payback are
 * per customer (each has its own margin and acquisition cost).
 */
export function portfolioMonthInputs(
  customers: readonly PortfolioKpiCustomer[],
  period: string,
  currency: string | null,
  locale?: string,
): { inputs: KpiInputs; missing: KpiMissing; customers: number } {
  let arr: KpiArrMovements | null = null;
  let csat: number[] | null = null;
  let nps: number[] | null = null;
  let ces: number[] | null = null;
  let tickets: KpiTickets | null = null;
  let observed = 0;
  const monthChurn: (ChurnRateInput | null)[] = [];
  const annualChurn: (ChurnRateInput | null)[] = [];
  const currencies = new Set<string>();
  for (const c of customers) {
    const o = c.byMonth.get(period);
    annualChurn.push(churnCounts(arrsIn(c.byMonth, yearTo(period))));
    if (!o) continue;
    observed++;
    if (o.arr) {
      currencies.add(c.customer.currency);
      monthChurn.push(churnCounts([o.arr]));
      if (currency === null || c.customer.currency === currency) arr = addArr(arr, o.arr);
    }
    csat = addCounts(csat, o.csat);
    nps = addCounts(nps, o.nps);
    ces = addCounts(ces, o.ces);
    tickets = addTickets(tickets, o.tickets);
  }
  const mixed = currency === null && currencies.size > 1;
  const month: KpiObservationRecord = {
    customer_id: '',
    period,
    arr: mixed ? null : arr,
    financials: null,
    csat,
    nps,
    ces,
    tickets,
    source: null,
    note: null,
    recorded_at: 0,
    updated_at: 0,
  };
  const r = kpiInputs(month, period, addChurn(monthChurn), addChurn(annualChurn), null, locale);
  const perCustomer = kpiText('perCustomer', {}, locale);
  const missing: KpiMissing = { ...r.missing, clv: perCustomer, cac_payback: perCustomer };
  if (mixed) {
    const why = kpiText(
      'mixedCurrencies',
      { count: currencies.size, currencies: [...currencies].sort().join(', ') },
      locale,
    );
    missing.nrr = why;
    missing.grr = why;
  }
  return {
    inputs: { ...r.inputs, clv: null, cac_payback: null },
    missing,
    customers: observed,
  };
}
