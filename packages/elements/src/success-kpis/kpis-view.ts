import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing, type TemplateResult } from 'lit';
import { localized } from '../localize.js';
import { fillText, renderEmpty, renderPartial, statusBadge, type Tone } from '../states.js';
import type { CustomerKpis, Explanations, Kpi, KpiRating, KpiTrend, KpiValues } from '../types.js';
import type { SuccessKpis } from './success-kpis.js';

export { kpisViewStyles } from './success-kpis.styles.js';

/** The UI strings of the KPI view (the data's own words, reasons and explanations, come from the API). */
export const KPIS_MESSAGES = defineMessages('elements.kpis', {
  empty: 'No KPI observation recorded yet.',
  partial: 'Some KPIs have no data for this month. Showing the ones measured.',
  period: 'KPIs for {month}',
  notMeasured: 'Not measured',
  noThreshold: 'No threshold',
  retention: 'Retention and growth',
  satisfaction: 'Customer satisfaction',
  service: 'Service',
  target: 'Target {value}',
  minimum: 'minimum {value}',
  benchmark: 'benchmark {value}',
  bestInClass: 'best in class {value}',
  improving: 'Improving',
  worsening: 'Worsening',
  unchanged: 'Unchanged',
  trendFrom: '{trend} from {previous}',
  best_in_class: 'Best in class',
  on_target: 'On target',
  acceptable: 'Acceptable',
  below_minimum: 'Below minimum',
  minutes: '{value} min',
  months: '{value} months',
  outOf: '{value} of {max}',
  nrr: 'Net revenue retention',
  grr: 'Gross revenue retention',
  monthly_churn: 'Churn rate, month',
  annual_churn: 'Churn rate, 12 months',
  clv: 'Customer lifetime value',
  cac_payback: 'CAC payback',
  csat: 'CSAT, mean answer',
  csat_percent: 'CSAT, satisfied',
  nps: 'Net promoter score',
  ces: 'Customer effort score',
  fcr: 'First contact resolution',
  sla_compliance: 'SLA compliance',
  aht: 'Average handle time',
  ttr_critical: 'Time to resolution, critical',
  ttr_high: 'Time to resolution, high',
  ttr_medium: 'Time to resolution, medium',
  ttr_low: 'Time to resolution, low',
});
/** {@link KPIS_MESSAGES} in the locale of the element being rendered. */
export const KPIS_TEXT = localized(KPIS_MESSAGES);

const T = KPIS_TEXT;

// What <success-kpis> shows once it has data, with its styles: loaded with a dynamic import the
// first time KPIs are shown, so the elements' initial bundle never carries it.

export type KpiName = keyof KpiValues;

/** The tiles, grouped as seeds 002 and 003 group them. */
export const KPI_GROUPS: readonly (readonly [keyof typeof T, readonly KpiName[]])[] = [
  ['retention', ['nrr', 'grr', 'monthly_churn', 'annual_churn', 'clv', 'cac_payback']],
  ['satisfaction', ['csat', 'csat_percent', 'nps', 'ces']],
  [
    'service',
    ['fcr', 'sla_compliance', 'aht', 'ttr_critical', 'ttr_high', 'ttr_medium', 'ttr_low'],
  ],
];

/** A rating's look: the tone carries the colour, the words carry the meaning. */
export const RATING_TONE: Record<KpiRating, Tone> = {
  best_in_class: 'success',
  on_target: 'info',
  acceptable: 'warning',
  below_minimum: 'danger',
};

const TREND_ARROW: Record<KpiTrend, string> = {
  improving: '↑',
  worsening: '↓',
  unchanged: '→',
};

// Each KPI's explanation under a pointer into the data, as the disclosures key them; built once
// per body (a re-render of the same data reuses it).
const explanationsOf = new WeakMap<CustomerKpis, Explanations>();
function explanations(k: CustomerKpis): Explanations {
  let e = explanationsOf.get(k);
  if (!e) {
    const map: Record<string, Kpi['explanation']> = {};
    for (const [name, kpi] of Object.entries(k.kpis) as [KpiName, Kpi][]) {
      if (kpi.value !== null) map[`/kpis/${name}`] = kpi.explanation;
    }
    e = map;
    explanationsOf.set(k, e);
  }
  return e;
}

/** The month as people say it ("November 2026"), or the data's text when it is not a month. */
function monthName(period: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return period;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  try {
    return new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(at);
  } catch {
    return period;
  }
}

/** The view of one `<success-kpis>`; it reads the host's formatters and disclosures. */
export class KpisView {
  readonly #host: SuccessKpis;

  constructor(host: SuccessKpis) {
    this.#host = host;
  }

  render(k: CustomerKpis): TemplateResult {
    if (k.period === null || k.observation === null) {
      return renderEmpty({ message: k.note ?? T.empty });
    }
    const all = Object.values(k.kpis) as Kpi[];
    const partial = all.some((x) => x.value === null) && all.some((x) => x.value !== null);
    const fmt = this.#host.fmt;
    return html`<div class="kpis">
      <p class="period muted">${fillText(T.period, { month: monthName(k.period, fmt.locale) })}</p>
      ${partial ? renderPartial(T.partial) : nothing}
      ${KPI_GROUPS.map(([group, names]) => this.#group(k, group, names))}
    </div>`;
  }

  /** A value in its unit, or "—" (calc's MISSING_VALUE) when absent or not finite. */
  value(v: number | null, unit: string): string {
    const fmt = this.#host.fmt;
    const n = (digits: number) => fmt.number(v, digits);
    if (v === null || !Number.isFinite(v)) return fmt.number(null);
    switch (unit) {
      case '%':
        return fmt.percent(v, 1);
      case 'h':
        return fmt.hours(Math.round(v * 10) / 10);
      case 'min':
        return fillText(T.minutes, { value: n(1) });
      case 'months':
        return fillText(T.months, { value: n(1) });
      case '1..5':
        return fillText(T.outOf, { value: n(2), max: fmt.number(5) });
      case '1..7':
        return fillText(T.outOf, { value: n(2), max: fmt.number(7) });
      case '-100..100':
        return n(0);
      default:
        return /^[A-Z]{3}$/.test(unit) ? fmt.money(v, unit) : fmt.metric(v, unit);
    }
  }

  #group(k: CustomerKpis, group: keyof typeof T, names: readonly KpiName[]): TemplateResult {
    const id = `kpis-${group}`;
    return html`<section part="group" aria-labelledby=${id}>
      <h4 id=${id}>${T[group]}</h4>
      <ul class="tiles" role="list">
        ${names.map((name) => this.#tile(k, name, k.kpis[name]))}
      </ul>
    </section>`;
  }

  #tile(k: CustomerKpis, name: KpiName, kpi: Kpi): TemplateResult {
    const x = this.#host.explain;
    const e = x.parts(explanations(k), `/kpis/${name}`, T[name]);
    const measured = kpi.value !== null && Number.isFinite(kpi.value);
    const rating = measured && kpi.rating ? kpi.rating : null;
    return html`<li class="tile ${rating ? `rating-${rating}` : 'unrated'}" part="tile" data-kpi=${name}>
      <p class="name">${T[name]}</p>
      ${
        measured
          ? html`<p class="value" part="value"><span class="figure num">${this.value(kpi.value, kpi.unit)}</span>${e?.button ?? nothing}</p>
            <p class="rating">${rating ? statusBadge(RATING_TONE[rating], T[rating]) : html`<span class="muted">${T.noThreshold}</span>`}</p>
            ${this.#trend(kpi)} ${this.#thresholds(kpi)}`
          : html`<p class="value muted" part="value">${T.notMeasured}</p>
            ${kpi.reason ? html`<p class="reason muted">${kpi.reason}</p>` : nothing}`
      }
      ${e?.panel ?? nothing}
    </li>`;
  }

  #trend(kpi: Kpi): TemplateResult | typeof nothing {
    if (!kpi.trend || kpi.previous_value === null) return nothing;
    return html`<p class="trend trend-${kpi.trend}">
      <span aria-hidden="true">${TREND_ARROW[kpi.trend]}</span>
      ${fillText(T.trendFrom, {
        trend: T[kpi.trend],
        previous: this.value(kpi.previous_value, kpi.unit),
      })}
    </p>`;
  }

  #thresholds(kpi: Kpi): TemplateResult | typeof nothing {
    const t = kpi.thresholds;
    if (!t) return nothing;
    const v = (n: number) => this.value(n, t.unit);
    const parts = [fillText(T.target, { value: v(t.target) })];
    if (t.minimum !== null) parts.push(fillText(T.minimum, { value: v(t.minimum) }));
    if (t.benchmark !== null) parts.push(fillText(T.benchmark, { value: v(t.benchmark) }));
    if (t.best_in_class !== null)
      parts.push(fillText(T.bestInClass, { value: v(t.best_in_class) }));
    return html`<p class="thresholds muted">${parts.join(', ')}</p>`;
  }
}
