import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderNotice, renderSkeleton, STATE_TEXT, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Benchmarks, Explanations } from '../types.js';
import type { BenchmarksView } from './benchmarks-view.js';
import { styles } from './success-benchmarks.styles.js';

/** What the view renders. @internal */
export interface BenchmarkData {
  readonly benchmarks: Benchmarks | null;
  readonly note: string | null;
  readonly customerName: string | undefined;
  /** Keyed relative to `benchmarks`: `/rows/0/percentile`. */
  readonly explanations: Explanations | undefined;
}

/** The benchmark table's own words; segments as the caption's adjective, by wire name. */
export const BENCHMARKS_MESSAGES = defineMessages('elements.benchmarks', {
  enterprise: 'enterprise',
  mid_market: 'mid-market',
  smb: 'SMB',
  noData: 'No data',
  level: 'Level',
  above: 'Above',
  below: 'Below',
  heading: 'Benchmark comparison',
  none: 'No benchmark data for this customer.',
  thisCustomer: 'This customer',
  caption: 'Compared with {count} {segment} peers',
  metric: 'Metric',
  peerAverage: 'Peer average',
  percentile: 'Percentile',
  comparedWithPeers: 'Compared with peers',
  explainValue: 'the value of {metric}',
  explainPeerAverage: 'the peer average of {metric}',
  explainPercentile: 'the percentile of {metric}',
});
const T = localized(BENCHMARKS_MESSAGES);
/** The element's words in its language (segments by wire name), handed to its view. @internal */
export type BenchmarksWords = typeof T;

const loadView = () => import('./benchmarks-view.js');
type ViewModule = typeof import('./benchmarks-view.js');

/**
 * @summary PRD-069's benchmark comparison: the customer against the average of its segment's
 * peers, with its percentile rank.
 *
 * @description One row per compared metric (success score, goals achieved, ROI): the customer's
 * value, the peer average, the percentile ("80th") and whether it is above or below, in words.
 * Given `.benchmarks` it renders that (null with `note` shows the API's reason, e.g. too few
 * peers); given `customer-id` inside a `<success-provider>` it fetches the account view with
 * benchmarks and their explanations. Each figure with an explanation (`.explanations`, or
 * fetched) has a "How is this computed?" disclosure.
 *
 * @csspart base - The wrapper.
 * @csspart table - The table.
 * @csspart status - The above/below badges.
 * @csspart state - Loading and error states.
 * @csspart explain-button - A figure's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessBenchmarks extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    benchmarks: { attribute: false },
    explanations: { attribute: false },
    note: {},
    customerName: { attribute: 'customer-name' },
    heading: {},
  };

  /** The customer to fetch benchmarks for (inside a provider). */
  declare customerId: string | undefined;

  /** The benchmarks as data (`AccountSuccessMetrics.benchmarks`); null: none, see `note`. */
  declare benchmarks: Benchmarks | null | undefined;

  /**
   * How the figures were computed (the API's `explanations` with `explain: true`), keyed by JSON
   * Pointer relative to `benchmarks`: `/rows/0/percentile`. Without them no disclosure is shown.
   */
  declare explanations: Explanations | undefined;

  /** The disclosures of the table (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));
  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, BenchmarksView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.BenchmarksView(this, T),
    styles: (m) => [m.benchmarksViewStyles],
  });

  /** Why there are no benchmarks (`AccountSuccessMetrics.benchmarks_note`). */
  declare note: string | null | undefined;

  /** The customer's name for the column header; default "This customer". */
  declare customerName: string | undefined;

  /** The heading text; empty for none; unset: "Benchmark comparison" in the element's language. */
  declare heading: string | undefined;

  /** The benchmarks shown: given as `.benchmarks`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly data = new DataController<BenchmarkData>(this, {
    data: () =>
      this.benchmarks === undefined
        ? undefined
        : {
            benchmarks: this.benchmarks,
            note: this.note ?? null,
            customerName: undefined,
            explanations: this.explanations,
          },
    key: () => this.customerId,
    fetch: async (client, customerId, signal) => {
      const account = await client.getAccountSuccessMetrics(
        { customerId, includeBenchmarks: true, explain: true },
        { signal },
      );
      return {
        benchmarks: account.benchmarks,
        note: account.benchmarks_note,
        customerName: account.customer.name,
        explanations: scopeExplanations(account.explanations, '/benchmarks'),
      };
    },
  });

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  // A caller awaiting `updateComplete` sees the table, not the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading ? html`<h3>${heading}</h3>` : nothing}
      ${this.data.render((d) => this.#renderTable(d), { skeleton: () => renderSkeleton(STATE_TEXT.loading, 4) })}
    </div>`;
  }

  #renderTable(d: BenchmarkData) {
    if (!d.benchmarks || d.benchmarks.rows.length === 0) {
      return renderNotice(d.note ?? T.none, 'info');
    }
    return this.#view.render((view) => view.render(d.benchmarks!, d), {
      loading: () => renderSkeleton(STATE_TEXT.loading, 4),
      failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
    });
  }
}
