import type { HealthDistribution } from '@cscx/success-calc';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { emit } from '../events.js';
import { bandInfo, fillText, icon, statusBadge, type Tone } from '../states.js';
import {
  COLUMN_LABELS,
  COLUMNS,
  type CustomerSuccessSummary,
  HEALTH_FILTERS,
  HEALTH_LABELS,
  type HealthBand,
  PORTFOLIO_TEXT,
  SEGMENT_LABELS,
} from './portfolio-model.js';
import type { SuccessPortfolio } from './success-portfolio.js';

export { gridStyles } from './portfolio-grid.styles.js';

// The customer grid of <success-portfolio>, with the virtualiser it needs: loaded with a dynamic
// import the first time a portfolio has rows to show, so the cards, the toolbar and the loading,
// empty and error states never wait for it and a page without a portfolio never loads it.

/** A health band's tone: the colour beside its name. */
const HEALTH_TONE: Record<HealthBand, Tone> = {
  excellent: 'success',
  good: 'info',
  at_risk: 'warning',
  critical: 'danger',
};

/** The grid of one `<success-portfolio>`: header, virtual rows, keyboard and selection. */
export class PortfolioGrid {
  constructor(readonly host: SuccessPortfolio) {}

  #select(c: CustomerSuccessSummary, index: number): void {
    this.host._active = index;
    if (
      emit(this.host, 'success-customer-select', { customerId: c.customer_id, customer: c }, true)
    ) {
      this.host.selectedCustomerId = c.customer_id;
    }
  }

  /** Opens or closes a parent's children, keeping the parent the active row. */
  #toggle(c: CustomerSuccessSummary, open?: boolean): void {
    this.host.toggleChildren(c.customer_id, open);
    const at = this.host.displayRows.indexOf(c);
    if (at >= 0) this.host._active = at;
  }

  #onGridKeydown(event: KeyboardEvent): void {
    // Keys on a button inside the grid (a sort header, a disclosure) are the button's own.
    if (event.target !== event.currentTarget) return;
    const rows = this.host.displayRows;
    if (rows.length === 0) return;
    const at = this.host._active;
    const page = 10;
    let to: number;
    switch (event.key) {
      // As in a tree grid: Right opens a parent's children, Left closes them or, on a child,
      // moves to its parent.
      case 'ArrowRight':
      case 'ArrowLeft': {
        const c = rows[at];
        if (!c) return;
        const nested = this.host.nestedRows;
        const open = this.host._expanded.has(c.customer_id);
        const parent = nested.parentOf.get(c.customer_id);
        if (nested.children.has(c.customer_id) && open !== (event.key === 'ArrowRight')) {
          event.preventDefault();
          this.#toggle(c, event.key === 'ArrowRight');
        } else if (parent && event.key === 'ArrowLeft') {
          event.preventDefault();
          this.host._active = rows.indexOf(parent);
          this.#scrollTo(this.host._active);
        }
        return;
      }
      case 'ArrowDown':
        to = Math.min(at + 1, rows.length - 1);
        break;
      case 'ArrowUp':
        to = Math.max(at - 1, 0);
        break;
      case 'PageDown':
        to = Math.min(at + page, rows.length - 1);
        break;
      case 'PageUp':
        to = Math.max(at - page, 0);
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = rows.length - 1;
        break;
      case 'Enter':
      case ' ': {
        const c = rows[at];
        if (c) {
          event.preventDefault();
          this.#select(c, at);
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.host._active = to;
    this.#scrollTo(to);
  }

  #scrollTo(index: number): void {
    // Rows have one fixed height, so the row's place follows from its index; the virtualiser
    // then renders whatever the scroll brings into view.
    const grid = this.host.renderRoot.querySelector<HTMLElement>('.grid');
    const head = this.host.renderRoot.querySelector<HTMLElement>('.head');
    const row = this.host.renderRoot.querySelector<HTMLElement>('.body .row');
    if (!grid || !head || !row) return;
    const h = row.offsetHeight;
    const top = index * h;
    const view = grid.clientHeight - head.offsetHeight;
    if (top < grid.scrollTop) grid.scrollTop = top;
    else if (top + h > grid.scrollTop + view) grid.scrollTop = top + h - view;
  }

  /**
   * Seed 002's health distribution: customers per band, no data apart, each count a toggle
   * button filtering the grid to its band (as the toolbar's Health select does).
   */
  renderHealth(d: HealthDistribution): TemplateResult {
    const host = this.host;
    const f = host.fmt;
    const current = host.filter.health;
    const total = HEALTH_FILTERS.reduce((n, b) => n + d[b], 0);
    let x = 0;
    // Drawn with attributes, not inline styles: a page's CSP may forbid style attributes.
    const bar = HEALTH_FILTERS.map((b) => {
      const at = x;
      x += d[b];
      return d[b] > 0
        ? svg`<rect class="hb-${b}" x=${at} y="0" width=${d[b]} height="1"></rect>`
        : nothing;
    });
    return html`<section part="health-distribution" class="health-distribution" aria-labelledby="health-distribution">
      <h3 id="health-distribution">${PORTFOLIO_TEXT.healthDistribution}</h3>
      <svg class="health-bar" viewBox="0 0 ${Math.max(total, 1)} 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bar}</svg>
      <ul class="health-bands">${HEALTH_FILTERS.map(
        (b) => html`<li><button type="button" class="health-band hb-${b}" data-band=${b}
          aria-pressed=${current === b ? 'true' : 'false'}
          @click=${() => {
            host.filter = { ...host.filter, health: current === b ? '' : b };
          }}
          ><span class="swatch" aria-hidden="true"></span><span class="label">${HEALTH_LABELS[b]}</span>
          <span class="count">${f.number(d[b], 0)}</span><span class="share">${f.percent(total > 0 ? (d[b] / total) * 100 : null)}</span></button></li>`,
      )}</ul>
    </section>`;
  }

  /** The grid of `visible` rows, the header sorting them; rows beyond the view are virtual. */
  render(visible: readonly CustomerSuccessSummary[]): TemplateResult {
    const active = visible[this.host._active] ? this.host._active : -1;
    return html`<div part="grid" class="grid" role="grid" tabindex="0"
      aria-labelledby=${(this.host.heading ?? PORTFOLIO_TEXT.heading) ? 'heading' : nothing}
      aria-label=${(this.host.heading ?? PORTFOLIO_TEXT.heading) ? nothing : PORTFOLIO_TEXT.customers}
      aria-rowcount=${visible.length + 1}
      aria-activedescendant=${active >= 0 ? `row-${active}` : nothing}
      @keydown=${(e: KeyboardEvent) => this.#onGridKeydown(e)}>
      <div role="rowgroup" class="head">
        <div role="row" class="row" aria-rowindex="1">
          ${COLUMNS.map((col) => {
            const sorted = this.host._sortBy === col;
            return html`<div role="columnheader" class="cell c-${col}"
              aria-sort=${sorted ? this.host._sortDir : 'none'}>
              <button type="button" class="sort" @click=${() => this.host.sortBy(col)}>
                ${COLUMN_LABELS[col]}<span aria-hidden="true" class="arrow">${sorted ? (this.host._sortDir === 'ascending' ? '▲' : '▼') : ''}</span>
              </button>
            </div>`;
          })}
        </div>
      </div>
      <div role="rowgroup" class="body">
        ${virtualize({
          items: visible as CustomerSuccessSummary[],
          // Between a shrinking filter and the virtualiser's next layout, a host render can
          // reuse the old range, past the new end: such slots render nothing.
          keyFunction: (c: CustomerSuccessSummary | undefined, i: number) => c?.customer_id ?? i,
          renderItem: (c: CustomerSuccessSummary | undefined, i: number) =>
            // The virtualiser renders rows on scroll, outside the host's update: in its locale.
            c ? this.host.localize(() => this.#renderRow(c, i, active)) : html``,
        })}
      </div>
    </div>`;
  }

  /**
   * The name cell: a parent's has the disclosure of its children (a button with
   * aria-expanded, also Right and Left on the active row), a child's says whose it is.
   */
  #renderName(c: CustomerSuccessSummary) {
    const nested = this.host.nestedRows;
    const kids = nested.children.get(c.customer_id);
    if (kids) {
      const open = this.host._expanded.has(c.customer_id);
      const label = fillText(open ? PORTFOLIO_TEXT.hideChildren : PORTFOLIO_TEXT.showChildren, {
        count: this.host.fmt.number(kids.length, 0),
        name: c.name,
      });
      return html`<div role="gridcell" class="cell c-name parent"><button type="button" part="disclosure" class="disclosure"
        aria-expanded=${open ? 'true' : 'false'} aria-label=${label} title=${label}
        @click=${(e: Event) => {
          e.stopPropagation();
          this.#toggle(c);
        }}><span aria-hidden="true">${open ? '▾' : '▸'}</span></button>${c.name} <span class="children-count">(${this.host.fmt.number(kids.length, 0)})</span></div>`;
    }
    const parent = nested.parentOf.get(c.customer_id);
    return parent
      ? html`<div role="gridcell" class="cell c-name child"><span class="visually-hidden">${fillText(PORTFOLIO_TEXT.childOf, { name: parent.name })}: </span>${c.name}</div>`
      : html`<div role="gridcell" class="cell c-name">${c.name}</div>`;
  }

  #renderRow(c: CustomerSuccessSummary, i: number, active: number) {
    const f = this.host.fmt;
    const [tone, band] = bandInfo(c.success_band);
    const selected = c.customer_id === this.host.selectedCustomerId;
    // No whitespace between the cells and one text per cell where it can be: every row is
    // rendered dozens of times over, and each static text or binding is DOM nodes per row.
    return html`<div role="row" part="row" id="row-${i}" aria-rowindex=${i + 2}
      aria-selected=${selected ? 'true' : 'false'}
      class="row ${i === active ? 'active' : ''} ${selected ? 'selected' : ''} ${c.goals_at_risk > 0 ? 'at-risk' : ''}"
      @click=${() => this.#select(c, i)}
      >${this.#renderName(c)}<div role="gridcell" class="cell c-segment">${SEGMENT_LABELS[c.segment]}</div
      ><div role="gridcell" class="cell c-goals n">${`${f.number(c.goals_achieved, 0)} / ${f.number(c.goals_total, 0)}`}</div
      ><div role="gridcell" class="cell c-score n">${`${f.number(c.success_score, 0)} `}${statusBadge(tone, band)}</div
      ><div role="gridcell" class="cell c-health n">${f.number(c.health_score, 0)}</div
      ><div role="gridcell" class="cell c-healthBand">${statusBadge(c.health_band ? HEALTH_TONE[c.health_band] : 'neutral', HEALTH_LABELS[c.health_band ?? 'no_data'])}</div
      ><div role="gridcell" class="cell c-roi n">${f.multiplier(c.roi_multiplier)}</div
      ><div role="gridcell" class="cell c-value n">${f.money(c.total_value, c.currency, true)}</div
      ><div role="gridcell" class="cell c-atRisk n">${c.goals_at_risk > 0 ? icon('warning') : nothing}${f.number(c.goals_at_risk, 0)}</div
      ><div role="gridcell" class="cell c-updated">${f.date(c.last_updated)}</div></div
    >`;
  }
}
