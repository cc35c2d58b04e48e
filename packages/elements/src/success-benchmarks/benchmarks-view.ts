import { formatBenchmarkValue } from '@cscx/success-calc';
import { html, type TemplateResult } from 'lit';
import type { Format } from '../format.js';
import { fillText, statusBadge, type Tone } from '../states.js';
import type { BenchmarkRow, Benchmarks } from '../types.js';
import type { BenchmarkData, BenchmarksWords, SuccessBenchmarks } from './success-benchmarks.js';

export { benchmarksViewStyles } from './benchmarks-view.styles.js';

// The table of <success-benchmarks>: loaded with a dynamic import the first time there are
// benchmarks to show, so the element, its fetching and its loading, empty and error states are
// in the initial bundle and the table's markup and styles are not.

/** A row's value as calc formats it for the reports too: an ROI reads "4.2x", as on its card. */
function show(f: Format, row: BenchmarkRow, value: number | null): string {
  return formatBenchmarkValue(row.metric, value, { locale: f.locale });
}

function versus(row: BenchmarkRow, words: BenchmarksWords): [Tone, string] {
  if (row.value === null || row.peer_average === null) return ['neutral', words.noData];
  // Within half a displayed step reads as level: whole numbers, or an ROI multiplier's one
  // decimal (0.05x, 5 points of roi_pct).
  const d = row.value - row.peer_average;
  return Math.abs(d) < (row.metric === 'roi_pct' ? 5 : 0.5)
    ? ['neutral', words.level]
    : d > 0
      ? ['success', words.above]
      : ['warning', words.below];
}

/** The benchmark table of one `<success-benchmarks>`. */
export class BenchmarksView {
  // The words come from the element, not an import of its module: importing it here would split
  // the element out of the initial chunk into one of its own.
  constructor(
    readonly host: SuccessBenchmarks,
    readonly words: BenchmarksWords,
  ) {}

  /** The table of these benchmarks (at least one row). */
  render(benchmarks: Benchmarks, { customerName, explanations: x }: BenchmarkData): TemplateResult {
    const f = this.host.fmt;
    const name = this.host.customerName || customerName || this.words.thisCustomer;
    return html`<table part="table">
      <caption>${fillText(this.words.caption, { count: f.number(benchmarks.peer_count, 0), segment: this.words[benchmarks.segment] })}</caption>
      <thead>
        <tr>
          <th scope="col">${this.words.metric}</th>
          <th scope="col">${name}</th>
          <th scope="col">${this.words.peerAverage}</th>
          <th scope="col">${this.words.percentile}</th>
          <th scope="col" class="col-vs"><span class="visually-hidden">${this.words.comparedWithPeers}</span></th>
        </tr>
      </thead>
      <tbody>
        ${benchmarks.rows.map(
          (row, i) => html`<tr>
            <th scope="row">${row.label}</th>
            <td class="num">${show(f, row, row.value)}${this.host.explain.render(x, `/rows/${i}/value`, fillText(this.words.explainValue, { metric: row.label }))}</td>
            <td class="num">${show(f, row, row.peer_average)}${this.host.explain.render(x, `/rows/${i}/peer_average`, fillText(this.words.explainPeerAverage, { metric: row.label }))}</td>
            <td class="num">${f.ordinal(row.percentile)}${this.host.explain.render(x, `/rows/${i}/percentile`, fillText(this.words.explainPercentile, { metric: row.label }))}</td>
            <td class="vs col-vs">${statusBadge(...versus(row, this.words))}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
