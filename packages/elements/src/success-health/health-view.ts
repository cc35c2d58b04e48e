import { defineMessages, vocabulary } from '@cscx/success-calc/i18n';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { currentLocale, localized } from '../localize.js';
import { fillText, progressNote, renderEmpty } from '../states.js';
import type {
  CustomerHealth,
  HealthBand,
  HealthComponent,
  HealthHistoryPoint,
  HealthTriggerData,
} from '../types.js';
import type { SuccessHealth } from './success-health.js';

export { healthViewStyles } from './success-health.styles.js';

/** The UI strings of the health view (the data's own words come from the API). */
export const HEALTH_MESSAGES = defineMessages('elements.health', {
  empty: 'No health observation recorded yet.',
  score: 'Health score',
  band: 'Band',
  valueText: '{score} of 100, {band}',
  asOf: 'As of {date}',
  components: 'Components',
  component: 'Component',
  componentScore: 'Score',
  weight: 'Weight',
  source: 'Source',
  derived: 'derived from goals, ROI and milestones',
  noSource: 'Not recorded',
  history: 'History',
  historySummary: '{count} observations from {first} to {last}: {from} to {to}',
  historyOne: 'One observation on {date}: {score}',
  historyTable: 'History as a table',
  date: 'Date',
  activeTriggers: 'Active triggers',
  noTriggers: 'No active triggers.',
  triggerFrom: 'From {from} on {fromDate} to {to} on {toDate}',
  usage: 'Product usage',
  outcomes: 'Business outcomes',
  relationship: 'Relationship quality',
  growth: 'Account growth',
  score_drop: 'Score dropped more than {points} points',
  entered_at_risk: 'Entered at risk',
  entered_critical: 'Entered critical',
  consecutive_decline: '{count} declines in a row',
});
/** {@link HEALTH_MESSAGES} in the locale of the element being rendered. */
export const HEALTH_TEXT = localized(HEALTH_MESSAGES);

const T = HEALTH_TEXT;

// What <success-health> shows once it has data, with its styles: loaded with a dynamic import the
// first time health is shown, so a page that only registers the element, or shows its loading or
// error state, never downloads it.

/** The latest observations the chart and its table show. */
const HISTORY_SHOWN = 24;
const CHART_H = 60;
const BAR_W = 10;

// The band words are calc's shared vocabulary, the same in the reports.
const bandName = (b: HealthBand | null): string =>
  b ? vocabulary(currentLocale()).healthBand(b) : '';

/** The band as people see it: a swatch in the seed's colour and the name, never colour alone. */
function band(b: HealthBand): TemplateResult {
  return html`<span class="band band-${b}" part="band"><span class="swatch" aria-hidden="true"></span>${bandName(b)}</span>`;
}

/** The pointer of a trigger's explanation: the index among all triggers, as the API keys it. */
function triggerPointer(h: CustomerHealth, t: HealthTriggerData): string | undefined {
  const i = h.triggers.findIndex(
    (x) => x.type === t.type && x.from.at === t.from.at && x.to.at === t.to.at,
  );
  if (i < 0) return undefined;
  const entry = t.type === 'entered_at_risk' || t.type === 'entered_critical';
  return `/triggers/${i}/${entry ? 'to/band' : 'drop'}`;
}

/** The view of one `<success-health>`; it reads the host's formatters and disclosures. */
export class HealthView {
  readonly #host: SuccessHealth;

  constructor(host: SuccessHealth) {
    this.#host = host;
  }

  render(h: CustomerHealth): TemplateResult {
    if (h.score === null || h.band === null) {
      return renderEmpty({ message: h.note ? progressNote(h.note) : T.empty });
    }
    return html`<div class="health">
      ${this.#gauge(h, h.score, h.band)} ${this.#components(h)} ${this.#history(h.history, h.model.bands)}
      ${this.#triggers(h)}
    </div>`;
  }

  #gauge(h: CustomerHealth, score: number, b: HealthBand): TemplateResult {
    const fmt = this.#host.fmt;
    const x = this.#host.explain;
    const value = Math.min(100, Math.max(0, score));
    const shown = fmt.number(value, 0);
    // One disclosure for both: the score's explanation ends with the band it falls in.
    const scoreX = x.parts(h.explanations, '/score', T.score);
    return html`<div class="summary">
      <div
        class="gauge band-${b}"
        part="meter"
        role="meter"
        aria-label=${T.score}
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(value)}
        aria-valuetext=${fillText(T.valueText, { score: shown, band: bandName(b) })}
      >
        <svg class="ring" viewBox="0 0 120 66" aria-hidden="true" focusable="false">
          ${svg`<path class="track" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100"/>
          <path class="bar" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100" stroke-dasharray=${`${value} 100`}/>`}
        </svg>
        <div class="figure num">${shown}<small>/100</small></div>
      </div>
      <div class="facts">
        <p>${band(b)}${scoreX?.button ?? nothing}</p>
        ${h.as_of ? html`<p class="muted">${fillText(T.asOf, { date: fmt.date(h.as_of) })}</p>` : nothing}
      </div>
    </div>
    ${scoreX?.panel ?? nothing}`;
  }

  #components(h: CustomerHealth): TemplateResult {
    const fmt = this.#host.fmt;
    const x = this.#host.explain;
    const row = (c: HealthComponent, i: number) => {
      const e = x.parts(h.explanations, `/components/${i}/score`, T[c.name]);
      const source = c.derived ? T.derived : (c.source ?? T.noSource);
      return html`<tr>
        <th scope="row">${T[c.name]}</th>
        <td class="num">${fmt.number(c.score, 1)}${e?.button ?? nothing}${e?.panel ?? nothing}</td>
        <td class="num">${fmt.percent(c.weight_pct, 1)}</td>
        <td class=${c.source || c.derived ? '' : 'muted'}>${source}</td>
      </tr>`;
    };
    return html`<section part="components" aria-labelledby="health-components">
      <h4 id="health-components">${T.components}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col">${T.component}</th>
            <th scope="col">${T.componentScore}</th>
            <th scope="col">${T.weight}</th>
            <th scope="col">${T.source}</th>
          </tr>
        </thead>
        <tbody>
          ${h.components.map(row)}
        </tbody>
      </table>
    </section>`;
  }

  #history(
    all: readonly HealthHistoryPoint[],
    bands: CustomerHealth['model']['bands'],
  ): TemplateResult | typeof nothing {
    if (all.length === 0) return nothing;
    const fmt = this.#host.fmt;
    const points = all.slice(-HISTORY_SHOWN);
    const first = points[0] as HealthHistoryPoint;
    const last = points.at(-1) as HealthHistoryPoint;
    const label =
      points.length === 1
        ? fillText(T.historyOne, {
            date: fmt.date(first.observed_on),
            score: fmt.number(first.score, 0),
          })
        : fillText(T.historySummary, {
            count: points.length,
            first: fmt.date(first.observed_on),
            last: fmt.date(last.observed_on),
            from: fmt.number(first.score, 0),
            to: fmt.number(last.score, 0),
          });
    const width = points.length * BAR_W;
    // The band minimums as guide lines: where excellent, good and at risk begin.
    return html`<section part="history" aria-labelledby="health-history">
      <h4 id="health-history">${T.history}</h4>
      <svg class="history" viewBox=${`0 0 ${width} ${CHART_H}`} preserveAspectRatio="none" role="img" aria-label=${label}>
        ${[bands.excellent, bands.good, bands.at_risk].map((min) => {
          const y = CHART_H - (min / 100) * CHART_H;
          return svg`<line class="guide" x1="0" x2=${width} y1=${y} y2=${y} vector-effect="non-scaling-stroke"></line>`;
        })}
        ${points.map((p, i) => {
          const hgt = Math.max(1, (Math.min(100, Math.max(0, p.score)) / 100) * CHART_H);
          return svg`<rect class="col band-${p.band}" x=${i * BAR_W + 1} y=${CHART_H - hgt} width=${BAR_W - 2} height=${hgt}></rect>`;
        })}
      </svg>
      <p class="axis muted" aria-hidden="true"><span>${fmt.date(first.observed_on)}</span><span>${fmt.date(last.observed_on)}</span></p>
      <details>
        <summary>${T.historyTable}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">${T.date}</th>
              <th scope="col">${T.componentScore}</th>
              <th scope="col">${T.band}</th>
            </tr>
          </thead>
          <tbody>
            ${[...points].reverse().map(
              (p) => html`<tr>
                <th scope="row">${fmt.date(p.observed_on)}</th>
                <td class="num">${fmt.number(p.score, 1)}</td>
                <td>${band(p.band)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </section>`;
  }

  #triggers(h: CustomerHealth): TemplateResult {
    const fmt = this.#host.fmt;
    const x = this.#host.explain;
    const title = (t: HealthTriggerData) =>
      fillText(T[t.type], {
        points: fmt.number(h.model.triggers.drop_points),
        count: h.model.triggers.consecutive_declines,
      });
    const item = (t: HealthTriggerData) => {
      const pointer = triggerPointer(h, t);
      const e = pointer ? x.parts(h.explanations, pointer, title(t)) : undefined;
      return html`<li class="trigger trigger-${t.type}">
        <p class="trigger-title"><strong>${title(t)}</strong> <span class="muted">${fmt.date(t.at)}</span>${e?.button ?? nothing}</p>
        <p class="muted">${fillText(T.triggerFrom, {
          from: fmt.number(t.from.score, 1),
          fromDate: fmt.date(t.from.at),
          to: fmt.number(t.to.score, 1),
          toDate: fmt.date(t.to.at),
        })}</p>
        <p>${t.cause}</p>
        ${e?.panel ?? nothing}
      </li>`;
    };
    return html`<section part="triggers" aria-labelledby="health-triggers">
      <h4 id="health-triggers">${T.activeTriggers}</h4>
      ${
        h.active_triggers.length === 0
          ? html`<p class="muted">${T.noTriggers}</p>`
          : html`<ul class="triggers">${h.active_triggers.map(item)}</ul>`
      }
    </section>`;
  }
}
