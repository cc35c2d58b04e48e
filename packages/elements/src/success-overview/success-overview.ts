import { html, type TemplateResult } from 'lit';
import { DataController } from '../data-controller.js';
import { ExplainController, explainStyles } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { renderError, STATE_TEXT, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { AccountSuccessMetrics, CustomerSuccessMetrics, ReportFormat } from '../types.js';
import type { OverviewView } from './overview-view.js';
import { styles } from './success-overview.styles.js';

const loadView = () => import('./overview-view.js');
type ViewModule = typeof import('./overview-view.js');
/** The parts of the dashboard whose views load lazily: `updateComplete` waits for them. */
const LAZY_PARTS =
  'success-goals-table, success-value, success-milestones, success-score, success-benchmarks';

/**
 * @summary PRD-165's customer success dashboard with PRD-069's account view: goals, value, ROI,
 * score, milestones, benchmarks and the goals at risk with what to do about them.
 *
 * @description A header with the customer's name and a Generate report action; PRD-069's
 * executive summary line ("4 of 5 goals on track or exceeded", as the reports say it); overview
 * cards (goals achieved x / n and %, value delivered, ROI multiplier against the investment,
 * success score with band); the goals table; the goals at risk with their recommendations; value
 * delivered; progress over time; milestones achieved; and the benchmark comparison. Given
 * `.data` (`getCustomerSuccessMetrics`) and optionally `.account`
 * (`getAccountSuccessMetrics`, for benchmarks) it renders them; given `customer-id` inside a
 * `<success-provider>` it fetches both, with their explanations (`explain: true`). Every number
 * goes through calc's formatting in the locale in effect and the customer's currency (or the
 * override). Every figure with an explanation (fetched, or `explanations` in `.data` and
 * `.account`) has a "How is this computed?" disclosure, here and in the parts it renders; the
 * explanation texts are the server's, in English.
 *
 * @slot trends - Replaces the built-in `<success-trend-chart>` in the "Progress over time" spot.
 *
 * @csspart base - The wrapper.
 * @csspart header - Customer name, period and actions.
 * @csspart generate-report - The Generate report button.
 * @csspart cards - The overview cards.
 * @csspart summary - PRD-069's executive summary line above the cards ("4 of 5 goals on track or
 *   exceeded").
 * @csspart goals - The goals section.
 * @csspart at-risk - The at-risk goals and recommendations.
 * @csspart value - The value-delivered section.
 * @csspart trends - The progress-over-time section.
 * @csspart milestones - The milestones section.
 * @csspart benchmarks - The benchmark section.
 * @csspart state - Loading, empty and error states.
 * @csspart notice - Stale and partial notices.
 * @csspart explain-button - A card figure's "How is this computed?" button (only with
 *   explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @cssprop [--success-chart-1=#0a58b8] - Colour of the first series in the progress-over-time
 *   chart (dark theme: #4c9bf8).
 * @cssprop [--success-chart-2=#c2410c] - Colour of the second series (dark theme: #fb923c).
 * @cssprop [--success-chart-3=#7c3aed] - Colour of the third series (dark theme: #a78bfa).
 * @cssprop [--success-chart-4=#0f766e] - Colour of the fourth series (dark theme: #2dd4bf).
 * @cssprop [--success-chart-5=#be185d] - Colour of the fifth series (dark theme: #f472b6).
 * @cssprop [--success-chart-6=#4d7c0f] - Colour of the sixth series (dark theme: #a3e635).
 * @cssprop [--success-chart-height=240px] - Height of the progress-over-time chart.
 * @cssprop [--success-score-size=7rem] - Width of the success score gauge in the cards.
 *
 * @event {CustomEvent<SuccessGenerateReportDetail>} success-generate-report - Generate report was
 *   chosen. Cancelable: cancel it to make the report yourself; otherwise, inside a provider, the
 *   element requests the file from the API and downloads it.
 * @event {CustomEvent<SuccessGoalSelectDetail>} success-goal-select - A goal was chosen (goals
 *   table or at-risk list). Cancelable.
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessOverview extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    period: {},
    data: { attribute: false },
    account: { attribute: false },
    reportFormat: { attribute: 'report-format' },
    reportBusy: { state: true },
    reportError: { state: true },
  };

  /** The customer to fetch (inside a provider). */
  declare customerId: string | undefined;

  /** The reporting window (`all`, `2026`, `2026-Q2`, `2026-04`); default `all`. */
  declare period: string | undefined;

  /** The customer's success metrics as data (`getCustomerSuccessMetrics`). */
  declare data: CustomerSuccessMetrics | undefined;

  /** PRD-069's account view as data (`getAccountSuccessMetrics`), for the benchmarks. */
  declare account: AccountSuccessMetrics | undefined;

  /** The format Generate report asks for. */
  declare reportFormat: ReportFormat;

  /** A report is on its way (Generate report). @internal */
  declare reportBusy: boolean;
  /** Why the last report failed, in the element's language. @internal */
  declare reportError: string | undefined;

  constructor() {
    super();
    this.reportFormat = 'pdf';
    this.reportBusy = false;
  }

  // The key covers the period too, so a new period fetches anew (a key change, not a refresh).
  #key(): string | undefined {
    return this.customerId ? `${this.customerId}\n${this.period ?? ''}` : undefined;
  }

  /** The success metrics shown: given as `.data`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly metrics = new DataController<CustomerSuccessMetrics>(this, {
    data: () => this.data,
    key: () => this.#key(),
    fetch: (client, _key, signal) => {
      const customerId = this.customerId ?? '';
      return client.getCustomerSuccessMetrics(
        this.period
          ? { customerId, period: this.period, explain: true }
          : { customerId, explain: true },
        { signal },
      );
    },
  });

  // Benchmarks come from the account view. Only fetched in provider mode: a host that passes
  // `.data` passes `.account` too if it wants benchmarks, and no request is made behind its back.
  /** The account view (with benchmarks) fetched by `customer-id` in provider mode: value, error, loading. */
  readonly accountData = new DataController<AccountSuccessMetrics>(this, {
    data: () => this.account,
    key: () => (this.data ? undefined : this.#key()),
    fetch: (client, _key, signal) => {
      const customerId = this.customerId ?? '';
      return client.getAccountSuccessMetrics(
        this.period
          ? { customerId, period: this.period, includeBenchmarks: true, explain: true }
          : { customerId, includeBenchmarks: true, explain: true },
        { signal },
      );
    },
  });

  /** The disclosures of the dashboard (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));

  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, OverviewView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.OverviewView(this),
    styles: (m) => [m.overviewViewStyles],
  });

  /** Fetches both views again (provider mode); the dashboard stays on screen meanwhile. */
  async refresh(): Promise<void> {
    await Promise.all([this.metrics.refresh(), this.accountData.refresh()]);
  }

  // A caller awaiting `updateComplete` sees the dashboard, not the moment before its code arrived,
  // and the parts in it drawn: they load their own views lazily too, and a host that reaches into
  // the goals table right after the overview's update finds its rows, as it did when every part
  // rendered synchronously.
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await this.#view.updateComplete(() => super.getUpdateComplete());
    const parts = this.shadowRoot?.querySelectorAll<SuccessElement>(LAZY_PARTS) ?? [];
    await Promise.all([...parts].map((part) => part.updateComplete));
    return done;
  }

  protected override render(): TemplateResult {
    return html`<div part="base">
      ${this.metrics.render(
        (m) =>
          this.#view.render((view) => view.render(m), {
            loading: () => this.#skeleton(),
            failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
          }),
        { skeleton: () => this.#skeleton() },
      )}
    </div>`;
  }

  #skeleton() {
    return html`<div class="state skeleton" part="state skeleton" role="status">
      <span class="visually-hidden">${STATE_TEXT.loading}</span>
      <div class="bone" aria-hidden="true"></div>
      <div class="bones" aria-hidden="true">${[1, 2, 3, 4].map(() => html`<div class="bone"></div>`)}</div>
      <div class="bone" aria-hidden="true"></div>
      <div class="bone" aria-hidden="true"></div>
    </div>`;
  }
}
