import type { components } from '@cscx/success-sdk';

type S = components['schemas'];
export type CustomerSuccessMetrics = S['CustomerSuccessMetrics'];
export type AccountSuccessMetrics = S['AccountSuccessMetrics'];
export type ReportSection = S['ReportSection'];
export type SuccessGoal = S['SuccessGoal'];
export type SuccessMetric = S['SuccessMetric'];
export type ProgressTrend = S['ProgressTrend'];
export type Explanations = S['Explanations'];
export type CustomerHealth = S['CustomerHealth'];
export type CustomerKpis = S['CustomerKpis'];
export type Kpi = S['Kpi'];
export type HealthBand = S['HealthBand'];
export type ReportBranding = S['ReportBranding'];

/**
 * What every renderer takes: the API's two views of one customer (PRD-165's success metrics and
 * PRD-069's account view, the latter with benchmarks when they are wanted), the sections to show
 * in order, and the BCP 47 locale every number, amount and date is formatted in.
 *
 * @example
 * const input: ReportInput = {
 *   metrics: await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' }),
 *   account: await client.getAccountSuccessMetrics({ customerId: 'cus_acme', includeBenchmarks: true }),
 *   health: await client.getCustomerHealth({ customerId: 'cus_acme' }),
 *   kpis: await client.getCustomerKpis({ customerId: 'cus_acme' }),
 *   sections: REPORT_SECTIONS,
 *   locale: 'en-US',
 *   generatedAt: '2026-04-30T09:00:00Z',
 * };
 */
export interface ReportInput {
  readonly metrics: CustomerSuccessMetrics;
  readonly account: AccountSuccessMetrics;
  /**
   * The customer's health (getCustomerHealth) for the `health` section. Absent or without a
   * score, the section says no health observation is recorded.
   */
  readonly health?: CustomerHealth | undefined;
  /**
   * The customer's KPIs for one month (getCustomerKpis) for the `health` section. Absent or
   * without an observation, the section says no KPI observation is recorded.
   */
  readonly kpis?: CustomerKpis | undefined;
  readonly sections: readonly ReportSection[];
  readonly locale: string;
  /**
   * When the report was made (an ISO 8601 timestamp or a Date). It is printed on the report and,
   * in PDFs, is the document's creation date, so the same input always gives the same bytes.
   * Defaults to the metrics' `as_of`.
   */
  readonly generatedAt?: string | Date | undefined;
  /**
   * The vendor's look (the API's `branding`): a logo (PNG or SVG, base64) on the PDF's cover and
   * the deck's title slide, a primary colour, and the deck's font. Absent, the kit's own look.
   */
  readonly branding?: ReportBranding | undefined;
}
