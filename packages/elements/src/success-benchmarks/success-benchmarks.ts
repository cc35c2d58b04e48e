import { formatBenchmarkValue } from '@cscx/success-calc';
import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import type { Format } from '../format.js';
import { localized } from '../localize.js';
import {
  fillText,
  renderNotice,
  renderSkeleton,
  STATE_TEXT,
  stateStyles,
  statusBadge,
  type Tone,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { BenchmarkRow, Benchmarks, Explanations } from '../types.js';
import { styles } from './success-benchmarks.styles.js';

interface BenchmarkData {
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
const SEGMENTS: Readonly<Record<Benchmarks['segment'], string>> = T;

/** A row's value as calc formats it for the reports too: an ROI reads "4.2x", as on its card. */
function show(f: Format, row: BenchmarkRow, value: number | null): string {
  return formatBenchmarkValue(row.metric, value, { locale: f.locale });
}

function versus(row: BenchmarkRow): [Tone, string] {
  if (row.value === null || row.peer_average === null) return ['neutral', T.noData];
  // Within half a displayed step reads as level: whole numbers, or an ROI multiplier's one
  // decimal (0.05x, 5 points of roi_pct).
  const d = row.value - row.peer_average;
  return Math.abs(d) < (row.metric === 'roi_pct' ? 5 : 0.5)
    ? ['neutral', T.level]
    : d > 0
      ? ['success', T.above]
      : ['warning', T.below];
}

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

  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

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

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading ? html`<h3>${heading}</h3>` : nothing}
      ${this.data.render((d) => this.#renderTable(d), { skeleton: () => renderSkeleton(STATE_TEXT.loading, 4) })}
    </div>`;
  }

  #renderTable({ benchmarks, note, customerName, explanations: x }: BenchmarkData) {
    if (!benchmarks || benchmarks.rows.length === 0) {
      return renderNotice(note ?? T.none, 'info');
    }
    const f = this.fmt;
    const name = this.customerName || customerName || T.thisCustomer;
    return html`<table part="table">
      <caption>${fillText(T.caption, { count: f.number(benchmarks.peer_count, 0), segment: SEGMENTS[benchmarks.segment] })}</caption>
      <thead>
        <tr>
          <th scope="col">${T.metric}</th>
          <th scope="col">${name}</th>
          <th scope="col">${T.peerAverage}</th>
          <th scope="col">${T.percentile}</th>
          <th scope="col" class="col-vs"><span class="visually-hidden">${T.comparedWithPeers}</span></th>
        </tr>
      </thead>
      <tbody>
        ${benchmarks.rows.map(
          (row, i) => html`<tr>
            <th scope="row">${row.label}</th>
            <td class="num">${show(f, row, row.value)}${this.#explain.render(x, `/rows/${i}/value`, fillText(T.explainValue, { metric: row.label }))}</td>
            <td class="num">${show(f, row, row.peer_average)}${this.#explain.render(x, `/rows/${i}/peer_average`, fillText(T.explainPeerAverage, { metric: row.label }))}</td>
            <td class="num">${f.ordinal(row.percentile)}${this.#explain.render(x, `/rows/${i}/percentile`, fillText(T.explainPercentile, { metric: row.label }))}</td>
            <td class="vs col-vs">${statusBadge(...versus(row))}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
