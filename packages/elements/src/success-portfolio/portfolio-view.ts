import { html, nothing, type TemplateResult } from 'lit';
import { describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { fillText, icon, renderError, renderSkeleton, statusBadge } from '../states.js';
import {
  type CustomerSuccessSummary,
  HEALTH_FILTERS,
  HEALTH_LABELS,
  type HealthFilter,
  PORTFOLIO_TEXT,
  type PortfolioFilter,
  type PortfolioSuccess,
  SEGMENT_LABELS,
  type Segment,
  type StatusFilter,
} from './portfolio-model.js';
import { type Totals, totalsFromApi, totalsFromRows } from './portfolio-totals.js';
import type { SuccessPortfolio } from './success-portfolio.js';

export { portfolioViewStyles } from './portfolio-view.styles.js';

// The cards, "Goals at risk" and the toolbar of <success-portfolio>: loaded with a dynamic import
// the first time a portfolio has rows to show (beside the grid's, which it does not wait for), so
// the element, its fetching and its loading, empty and error states are in the initial bundle and
// this markup is not.

/** PRD-165 section 11's targets. */
const TARGET_RATE = 75;
const TARGET_ROI = 3;
const P = PORTFOLIO_TEXT;

/** The cards, "Goals at risk" and toolbar of one `<success-portfolio>`. */
export class PortfolioView {
  constructor(readonly host: SuccessPortfolio) {}

  #setFilter(patch: Partial<PortfolioFilter>): void {
    this.host.filter = { ...this.host._filter, ...patch };
  }

  #export(): void {
    const blob = new Blob([this.host.toCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'portfolio.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /**
   * The cards' numbers: the API's `summary` for the whole scope when given (no client-side
   * filter), else calc's over the visible rows.
   */
  totals(
    visible: readonly CustomerSuccessSummary[],
    summary: PortfolioSuccess | undefined,
  ): Totals {
    return summary ? totalsFromApi(summary) : totalsFromRows(visible);
  }

  /** The summary cards of these totals. */
  renderCards(t: Totals): TemplateResult {
    const f = this.host.fmt;
    const target = (met: boolean | null, text: string) =>
      met === null
        ? html`<span class="target">${text}</span>`
        : statusBadge(
            met ? 'success' : 'warning',
            fillText(met ? P.meetsTarget : P.belowTarget, { target: text }),
          );
    const rateMet = t.achievementRate === null ? null : t.achievementRate > TARGET_RATE;
    const roiMet = t.averageRoi === null ? null : t.averageRoi > TARGET_ROI;
    const value =
      t.totalValue !== null
        ? html`<span class="value">${f.money(t.totalValue, t.currency)}</span>`
        : html`<span class="value by-currency">${Object.entries(t.valueByCurrency)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([cur, v]) => html`<span class="line">${f.money(v, cur)}</span>`)}</span>`;
    return html`<dl part="cards" class="cards">
      <div class="card"><dt>${P.customers}</dt><dd><span class="value">${f.number(t.customers, 0)}</span></dd></div>
      <div class="card"><dt>${P.goals}</dt><dd><span class="value">${f.number(t.goals, 0)}</span></dd></div>
      <div class="card">
        <dt>${P.achievementRate}</dt>
        <dd><span class="value">${f.percent(t.achievementRate)}</span>${target(rateMet, fillText(P.above, { value: f.percent(TARGET_RATE) }))}</dd>
      </div>
      <div class="card">
        <dt>${P.averageRoi}</dt>
        <dd><span class="value">${f.multiplier(t.averageRoi)}</span>${target(roiMet, fillText(P.above, { value: f.multiplier(TARGET_ROI) }))}</dd>
      </div>
      <div class="card"><dt>${P.totalValue}</dt><dd>${value}</dd></div>
      <div class="card">
        <dt>${P.atRiskHeading}</dt>
        <dd><span class="value">${t.goalsAtRisk > 0 ? icon('warning') : nothing}${f.number(t.goalsAtRisk, 0)}</span></dd>
      </div>
    </dl>`;
  }

  /** How many goals are at risk in all: the API's count, or the given list's length. */
  #atRiskTotal(): number | undefined {
    if (this.host.atRiskGoals) return this.host.atRiskGoals.length;
    return this.host._summary?.at_risk;
  }

  /** "Goals at risk", a page at a time. */
  renderAtRisk(): TemplateResult {
    const pages = this.host.atRisk;

    const f = this.host.fmt;
    const total = this.#atRiskTotal();
    const items = pages.items;
    const partOfSummary = !this.host.atRiskGoals && this.host.data !== undefined;
    return html`<details part="at-risk" class="goals-at-risk" ?open=${this.host._atRiskOpen}
      @toggle=${(e: Event) => {
        this.host._atRiskOpen = (e.target as HTMLDetailsElement).open;
      }}>
      <summary>${P.atRiskHeading}${total === undefined ? nothing : html` <span class="count">(${f.number(total, 0)})</span>`}</summary>
      ${
        items.length > 0
          ? html`<ol class="at-risk-list" aria-label=${P.atRiskHeading}>
            ${items.map(
              (g) => html`<li>
                <button type="button" part="at-risk-goal" class="at-risk-goal"
                  @click=${() => emit(this.host, 'success-goal-select', { goalId: g.goal_id, goal: undefined }, true)}>${g.name}</button>
                <span class="customer">${g.customer_name}</span>
                <span class="pace">${fillText(P.pace, {
                  achieved: f.percent(g.achievement_pct),
                  expected: f.percent(g.expected_pct),
                })}</span>
                <span class="due">${fillText(P.due, { date: f.date(g.target_date) })}</span>
              </li>`,
            )}
          </ol>`
          : nothing
      }
      ${
        pages.status === 'pending'
          ? renderSkeleton(P.atRiskLoading, 3)
          : pages.status === 'error'
            ? renderError({ ...describeError(pages.error), onRetry: () => void pages.more() })
            : pages.status === 'complete' && items.length === 0
              ? html`<p class="muted">${P.atRiskNone}</p>`
              : nothing
      }
      ${
        items.length > 0
          ? html`<p class="muted shown">${fillText(partOfSummary ? P.shownOfSummary : P.shown, {
              shown: f.number(items.length, 0),
              total: f.number(total ?? items.length, 0),
            })}</p>`
          : nothing
      }
      ${
        pages.hasMore && pages.status !== 'error' && pages.status !== 'idle'
          ? html`<button type="button" class="more" ?disabled=${pages.status === 'pending'}
              @click=${() => void pages.more()}>${P.more}</button>`
          : nothing
      }
    </details>`;
  }

  /** Search, filters, quick filters and Export CSV. */
  renderToolbar(visible: readonly CustomerSuccessSummary[]): TemplateResult {
    const f = this.host._filter;
    const quick = (status: StatusFilter, label: string) =>
      html`<button type="button" class="quick" aria-pressed=${f.status === status ? 'true' : 'false'}
        @click=${() => this.#setFilter({ status: f.status === status ? 'all' : status })}>${label}</button>`;
    return html`<div part="toolbar" class="toolbar" role="search" aria-label=${P.filter}>
      <label>${P.search} <input type="search" class="search" .value=${f.query}
        @input=${(e: Event) => this.#setFilter({ query: (e.target as HTMLInputElement).value })} /></label>
      <label>${P.status} <select class="status-filter" .value=${f.status}
        @change=${(e: Event) => this.#setFilter({ status: (e.target as HTMLSelectElement).value as StatusFilter })}>
        <option value="all" ?selected=${f.status === 'all'}>${P.all}</option>
        <option value="atRisk" ?selected=${f.status === 'atRisk'}>${P.hasAtRisk}</option>
        <option value="healthy" ?selected=${f.status === 'healthy'}>${P.noAtRisk}</option>
        <option value="top" ?selected=${f.status === 'top'}>${P.strong}</option>
      </select></label>
      <label>${P.segment} <select class="segment-filter" .value=${f.segment}
        @change=${(e: Event) => this.#setFilter({ segment: (e.target as HTMLSelectElement).value as Segment | '' })}>
        <option value="" ?selected=${f.segment === ''}>${P.allSegments}</option>
        ${(Object.keys(SEGMENT_LABELS) as Segment[]).map(
          (s) =>
            html`<option value=${s} ?selected=${f.segment === s}>${SEGMENT_LABELS[s]}</option>`,
        )}
      </select></label>
      <label>${P.health} <select class="health-filter" .value=${f.health}
        @change=${(e: Event) => this.#setFilter({ health: (e.target as HTMLSelectElement).value as HealthFilter | '' })}>
        <option value="" ?selected=${f.health === ''}>${P.allHealth}</option>
        ${HEALTH_FILTERS.map(
          (b) => html`<option value=${b} ?selected=${f.health === b}>${HEALTH_LABELS[b]}</option>`,
        )}
      </select></label>
      ${quick('top', P.top)} ${quick('atRisk', P.atRisk)}
      <button type="button" class="export" ?disabled=${visible.length === 0} @click=${() => this.#export()}>${P.exportCsv}</button>
    </div>`;
  }
}
