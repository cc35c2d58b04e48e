import type { SuccessClient } from '@cscx/success-sdk';
import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { clientContext } from '../context.js';
import { describeError } from '../data-controller.js';
import { emit } from '../events.js';
import { LazyPart } from '../lazy-part.js';
import {
  fillText,
  renderEmpty,
  renderError,
  renderSkeleton,
  STATE_TEXT,
  stateStyles,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import { AtRiskPages, type AtRiskSource } from './at-risk-pages.js';
import type { PortfolioGrid } from './portfolio-grid.js';
import {
  type AtRiskGoal,
  COLUMN_LABELS,
  type Column,
  type CustomerSuccessSummary,
  isFiltered,
  matches,
  type NameOrder,
  type NestedRows,
  NO_FILTER,
  nameOrder,
  nestChildren,
  PORTFOLIO_TEXT,
  type PortfolioFilter,
  type PortfolioSuccess,
  type PortfolioSuccessMetrics,
  type Segment,
  type SortDirection,
  sortCustomers,
  toCsv,
} from './portfolio-model.js';
import type { PortfolioView } from './portfolio-view.js';
import { styles } from './success-portfolio.styles.js';

const P = PORTFOLIO_TEXT;
/** The largest page the API serves. */
const PAGE_SIZE = 500;

// The grid and its virtualiser arrive the first time there are rows to show: the cards and
// toolbar do not wait for them.
const loadGrid = () => import('./portfolio-grid.js');
type GridModule = typeof import('./portfolio-grid.js');
// So do the cards, "Goals at risk" and the toolbar, in a module of their own: the grid does not
// wait for them, nor they for the grid.
const loadView = () => import('./portfolio-view.js');
type ViewModule = typeof import('./portfolio-view.js');

/**
 * @summary PRD-165's portfolio view: summary cards and a sortable, filterable, virtualised
 * grid of every customer in a CSM's or manager's scope.
 *
 * @description Given `.customers` (or `.data`, a `PortfolioSuccessMetrics` answer) it renders
 * them; inside a `<success-provider>` it fetches the scope (`csm-id`, `segment`) page by page and
 * streams rows in as pages arrive, aborting when disconnected. The cards show the API's totals
 * (computed by calc on the server) for the whole scope, and calc's `portfolioSummary` of the
 * visible rows once a filter is applied. The grid (role=grid) keeps one row active: Arrow
 * Up/Down, Page Up/Down, Home and End move it, Enter or a click fires `success-customer-select`.
 * A parent account (rows whose `parent_id` names it) has a disclosure button (aria-expanded)
 * before its name that shows its children under it; Arrow Right and Left open and close it on
 * the active row, and Left on a child moves to its parent. A child whose parent is not shown
 * (filtered out, or outside the scope) is a row of its own.
 * The grid and its virtualiser load with a dynamic import the first time there are rows to show
 * (the cards and toolbar do not wait for them); `updateComplete` waits for them.
 *
 * Beside the cards, the health distribution (seed 002's executive dashboard) counts the customers
 * per health band, those without a health observation as "No data": the API's counts (calc's
 * `healthDistribution` on the server) for the whole scope, calc's over the visible rows once a
 * filter is applied. Each count is a toggle button that filters the grid to its band, as the
 * toolbar's Health select does; the grid shows each customer's health score and band.
 *
 * Under the cards, "Goals at risk" lists every at-risk goal of the scope, a page at a time:
 * opening it asks the API for the first page (`listAtRiskGoals`), "Show more" for the next, so
 * the whole list is reachable and the page holds only what was asked for. Given data, it shows
 * `.atRiskGoals`, else the summary's 20 furthest behind, revealed the same way.
 *
 * @csspart base - The wrapper.
 * @csspart cards - The summary cards.
 * @csspart health-distribution - The customers per health band, each a filter toggle.
 * @csspart toolbar - Filters, quick filters and export.
 * @csspart grid - The customer grid.
 * @csspart row - Each customer row.
 * @csspart disclosure - A parent account's button showing or hiding its children.
 * @csspart status - The band and target badges.
 * @csspart state - Loading, empty and error states.
 * @csspart at-risk - The "Goals at risk" disclosure.
 * @csspart at-risk-goal - Each at-risk goal's button.
 *
 * @cssprop [--success-portfolio-height=28rem] - The grid's scroll height.
 *
 * @event {CustomEvent<SuccessCustomerSelectDetail>} success-customer-select - A row was chosen
 *   (click or Enter). Cancelable: cancel it to keep the selection unchanged.
 * @event {CustomEvent<SuccessGoalSelectDetail>} success-goal-select - An at-risk goal was chosen
 *   (`goal` is undefined: the list holds only its summary). Cancelable.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessPortfolio extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, styles];
  static override properties = {
    csmId: { attribute: 'csm-id' },
    segment: {},
    customers: { attribute: false },
    data: { attribute: false },
    atRiskGoals: { attribute: false },
    selectedCustomerId: { attribute: 'selected-customer-id', reflect: true },
    heading: {},
    _rows: { state: true },
    _summary: { state: true },
    _status: { state: true },
    _filter: { state: true },
    _sortBy: { state: true },
    _sortDir: { state: true },
    _active: { state: true },
    _announce: { state: true },
    _atRiskOpen: { state: true },
    _expanded: { state: true },
  };

  /** Only this CSM's customers (the API scope; in property mode, a filter). */
  declare csmId: string | undefined;
  /** Only this segment (the API scope; in property mode, a filter). */
  declare segment: Segment | undefined;
  /** The customers as data; when set nothing is fetched. */
  declare customers: readonly CustomerSuccessSummary[] | undefined;
  /** A whole `getPortfolioSuccessMetrics` answer as data; its summary feeds the cards. */
  declare data: PortfolioSuccessMetrics | undefined;
  /** Every at-risk goal as data, for "Goals at risk"; when unset, `.data`'s summary gives the 20 furthest behind. */
  declare atRiskGoals: readonly AtRiskGoal[] | undefined;
  /** The selected customer's id; its row is marked selected. */
  declare selectedCustomerId: string | undefined;
  /** The heading text; empty for none; unset: "Portfolio" in the element's language. */
  declare heading: string | undefined;

  declare _rows: readonly CustomerSuccessSummary[];
  declare _summary: PortfolioSuccess | undefined;
  declare _status: 'idle' | 'pending' | 'streaming' | 'complete' | 'error';
  declare _filter: PortfolioFilter;
  declare _sortBy: Column;
  declare _sortDir: SortDirection;
  declare _active: number;
  declare _announce: string;
  declare _atRiskOpen: boolean;
  /** The parent accounts whose children the grid shows (their disclosure is open). */
  declare _expanded: ReadonlySet<string>;

  #error: unknown;
  // Typed, not inferred: the grid's type reads this class, and inferring both ways is circular.
  readonly #grid: LazyPart<GridModule, PortfolioGrid> = new LazyPart(this, {
    load: loadGrid,
    create: (m) => new m.PortfolioGrid(this),
    styles: (m) => [m.gridStyles],
  });
  #abort: AbortController | undefined;
  #fetchKey: string | undefined;
  #clientUsed: SuccessClient | undefined;
  #visible: readonly CustomerSuccessSummary[] = [];
  #visibleFrom: unknown[] = [];
  #nested:
    | { from: readonly CustomerSuccessSummary[]; expanded: ReadonlySet<string>; nested: NestedRows }
    | undefined;
  #order: { rows: readonly CustomerSuccessSummary[]; order: NameOrder } | undefined;
  readonly #client = new ContextConsumer(this, { context: clientContext, subscribe: true });
  readonly #view: LazyPart<ViewModule, PortfolioView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.PortfolioView(this),
    styles: (m) => [m.portfolioViewStyles],
  });
  /** The pages of "Goals at risk". @internal */
  readonly atRisk = new AtRiskPages(this, (error) => {
    const { title, status } = describeError(error);
    emit(this, 'success-error', { error, title, status });
  });

  constructor() {
    super();
    this._rows = [];
    this._status = 'idle';
    this._filter = NO_FILTER;
    this._sortBy = 'name';
    this._sortDir = 'ascending';
    this._active = -1;
    this._announce = '';
    this._atRiskOpen = false;
    this._expanded = new Set();
  }

  /**
   * The rows that pass scope and filters, sorted: the cards' and the CSV's rows. Children of a
   * collapsed parent are among them; {@link displayRows} is the grid's order.
   */
  get visibleRows(): readonly CustomerSuccessSummary[] {
    return this.#computeVisible();
  }

  /**
   * The grid's rows in screen order: {@link visibleRows} with each parent account's children
   * under it, shown while the parent is expanded ({@link toggleChildren}).
   */
  get displayRows(): readonly CustomerSuccessSummary[] {
    return this.nestedRows.rows;
  }

  /** {@link displayRows} with each parent's children and each child's parent. */
  get nestedRows(): NestedRows {
    const from = this.#computeVisible();
    if (this.#nested?.from !== from || this.#nested.expanded !== this._expanded)
      this.#nested = { from, expanded: this._expanded, nested: nestChildren(from, this._expanded) };
    return this.#nested.nested;
  }

  /** Shows or hides a parent account's children in the grid (`open` defaults to toggling). */
  toggleChildren(customerId: string, open?: boolean): void {
    const next = new Set(this._expanded);
    if (open ?? !next.has(customerId)) next.add(customerId);
    else next.delete(customerId);
    this._expanded = next;
  }

  /** The current filter (status, segment, text). */
  get filter(): PortfolioFilter {
    return this._filter;
  }

  set filter(value: Partial<PortfolioFilter>) {
    this._filter = { ...NO_FILTER, ...value };
    this._active = -1;
    this.#announceLater();
  }

  /** Sorts by `column`; `direction` defaults to toggling when already sorted by it. */
  sortBy(column: Column, direction?: SortDirection): void {
    const dir =
      direction ??
      (this._sortBy === column && this._sortDir === 'ascending' ? 'descending' : 'ascending');
    this._sortBy = column;
    this._sortDir = dir;
    this.#announceLater();
  }

  /** The visible rows as CSV text (what "Export CSV" downloads), headed in the element's language. */
  toCsv(): string {
    return this.localize(() => toCsv(this.visibleRows));
  }

  /** Fetches again (provider mode). */
  refresh(): void {
    this.#fetchKey = undefined;
    this.requestUpdate();
  }

  // A portfolio whose grid waits for its code renders the rows once it has arrived: callers
  // awaiting `updateComplete` see them, as they would with the grid in the bundle.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() =>
      this.#grid.updateComplete(() => super.getUpdateComplete()),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A stream aborted by a disconnect left no key behind: render again to start it anew.
    if (this.#fetchKey === undefined && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Pages still on their way are not wanted; a reconnect starts over.
    if (this.#abort) {
      this.#abort.abort();
      this.#abort = undefined;
      this.#fetchKey = undefined;
      if (this._status === 'pending' || this._status === 'streaming') this._status = 'idle';
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.atRisk.setSource(this.#atRiskSource());
    if (this._atRiskOpen) this.atRisk.start();
    const given = this.data?.customers ?? this.customers;
    if (given) {
      this.#stop();
      this._rows = given;
      this._summary = this.data?.summary;
      this._status = 'complete';
      return;
    }
    const client = this.#client.value;
    const key = `${this.csmId ?? ''}|${this.segment ?? ''}`;
    if (!client) {
      if (this.#fetchKey !== undefined || this._status === 'complete') {
        this.#stop();
        this._rows = [];
        this._summary = undefined;
        this._status = 'idle';
      }
      return;
    }
    if (key !== this.#fetchKey || client !== this.#clientUsed) void this.#load(client, key);
  }

  /** Given goals, else the given summary's, else the API's within the scope; none for bare rows. */
  #atRiskSource(): AtRiskSource | undefined {
    if (this.atRiskGoals) return { kind: 'given', goals: this.atRiskGoals };
    if (this.data) return { kind: 'given', goals: this.data.summary.goals_at_risk };
    if (this.customers) return undefined;
    const client = this.#client.value;
    return client ? { kind: 'api', client, csmId: this.csmId, segment: this.segment } : undefined;
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#fetchKey = undefined;
    this.#clientUsed = undefined;
  }

  async #load(client: SuccessClient, key: string): Promise<void> {
    this.#stop();
    const abort = new AbortController();
    this.#abort = abort;
    this.#fetchKey = key;
    this.#clientUsed = client;
    this._rows = [];
    this._summary = undefined;
    this._status = 'pending';
    this.#error = undefined;
    const input = {
      limit: PAGE_SIZE,
      ...(this.csmId ? { csm_id: this.csmId } : {}),
      ...(this.segment ? { segment: this.segment } : {}),
    };
    try {
      let cursor: string | null | undefined;
      const seen = new Set<string>();
      do {
        const page = await client.getPortfolioSuccessMetrics(
          cursor ? { ...input, cursor } : input,
          { signal: abort.signal },
        );
        if (abort.signal.aborted) return;
        // Each page is appended as it arrives: the first rows are usable while the rest load.
        this._rows = [...this._rows, ...page.customers];
        this._summary ??= page.summary;
        cursor = page.next_cursor;
        if (cursor && seen.has(cursor)) throw new Error('pagination: repeated cursor');
        if (cursor) seen.add(cursor);
        this._status = cursor ? 'streaming' : 'complete';
      } while (cursor);
      this.#abort = undefined;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      this.#error = error;
      this._status = 'error';
      const { title, status } = describeError(error);
      emit(this, 'success-error', { error, title, status });
    }
  }

  #computeVisible(): readonly CustomerSuccessSummary[] {
    const deps = [
      this._rows,
      this._filter,
      this._sortBy,
      this._sortDir,
      this.csmId,
      this.segment,
      this.customers,
      this.data,
    ];
    if (
      deps.length === this.#visibleFrom.length &&
      deps.every((d, i) => d === this.#visibleFrom[i])
    )
      return this.#visible;
    const local = this.#localScope();
    const f = this._filter;
    const filtered =
      isFiltered(f) || local
        ? this._rows.filter(
            (c) =>
              matches(c, f) &&
              (!local ||
                ((!this.csmId || c.csm_id === this.csmId) &&
                  (!this.segment || c.segment === this.segment))),
          )
        : this._rows;
    // Name order is kept for the whole data set: sorting or filtering again collates nothing.
    if (this.#order?.rows !== this._rows)
      this.#order = { rows: this._rows, order: nameOrder(this._rows) };
    this.#visible = sortCustomers(filtered, this._sortBy, this._sortDir, this.#order.order);
    this.#visibleFrom = deps;
    return this.#visible;
  }

  /** In property mode the scope attributes filter the given rows; the API applies them otherwise. */
  #localScope(): boolean {
    return (
      (this.customers !== undefined || this.data !== undefined) && !!(this.csmId || this.segment)
    );
  }

  #announceLater(): void {
    // Computed after the update so the count is the new one.
    void this.updateComplete.then(() => {
      const n = this.visibleRows.length;
      const total = this._rows.length;
      const f = this.fmt;
      this._announce = this.localize(() =>
        fillText(P.announce, {
          column: COLUMN_LABELS[this._sortBy],
          direction: P[this._sortDir],
          shown: f.number(n, 0),
          total: f.number(total, 0),
        }),
      );
    });
  }

  protected override render() {
    const busy = this._status === 'pending' || this._status === 'streaming';
    const heading = this.heading ?? P.heading;
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'}>
      ${heading ? html`<h2 id="heading">${heading}</h2>` : nothing}
      ${this.#renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite" id="announce">${this._announce}</div>
    </div>`;
  }

  #renderBody() {
    if (this._status === 'idle') return nothing;
    if (this._status === 'error' && this._rows.length === 0) {
      return renderError({ ...describeError(this.#error), onRetry: () => this.refresh() });
    }
    if (this._status === 'pending') return renderSkeleton(STATE_TEXT.loading, 6);
    if (this._rows.length === 0) {
      return renderEmpty({ message: P.empty });
    }
    const visible = this.visibleRows;
    // The API's totals cover the whole scope; a client-side filter needs calc over what is left.
    const summary =
      this._summary && !isFiltered(this._filter) && !this.#localScope() ? this._summary : undefined;
    // Asked for first, so the grid's import starts beside the view's rather than after it.
    const grid = this.#renderGrid(visible);
    return this.#view.render(
      (view) => {
        const totals = view.totals(visible, summary);
        // The distribution arrives with the grid's module: the initial bundle does not carry it.
        const health = this.#grid.render<unknown>((g) => g.renderHealth(totals.health), {
          loading: () => nothing,
          failed: () => nothing,
        });
        return html`${view.renderCards(totals)} ${health}
        ${this.#atRiskSource() ? view.renderAtRisk() : nothing}
        ${view.renderToolbar(visible)}
        ${
          this._status === 'streaming'
            ? html`<p class="muted loading-more">${fillText(P.loadingMore, { count: this.fmt.number(this._rows.length, 0) })}</p>`
            : nothing
        }
        ${
          this._status === 'error'
            ? renderError({ ...describeError(this.#error), onRetry: () => this.refresh() })
            : nothing
        }
        ${grid}`;
      },
      {
        loading: () => renderSkeleton(STATE_TEXT.loading, 6),
        failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
      },
    );
  }

  #renderGrid(visible: readonly CustomerSuccessSummary[]) {
    if (visible.length === 0) {
      return renderEmpty({
        message: P.noMatch,
        actionLabel: P.clearFilters,
        onAction: () => {
          this.filter = NO_FILTER;
        },
      });
    }
    return this.#grid.render((grid) => grid.render(this.displayRows), {
      loading: () => renderSkeleton(P.loadingCustomers, 6),
      failed: (retry) => renderError({ title: P.listFailed, onRetry: retry }),
    });
  }
}
