import { html, nothing, svg, type TemplateResult } from 'lit';
import { bandInfo, fillText, statusBadge } from '../states.js';
import type { Explanations, SuccessScoreData } from '../types.js';
import type { ScoreWords, SuccessScore } from './success-score.js';

export { scoreViewStyles } from './score-view.styles.js';

// The gauge of <success-score>: loaded with a dynamic import the first time there is a score to
// show, so the element, its fetching and its loading, empty and error states are in the initial
// bundle and the gauge's markup and styles are not.

/** The gauge of one `<success-score>`. */
export class ScoreView {
  // The words come from the element, not an import of its module: importing it here would split
  // the element out of the initial chunk into one of its own.
  constructor(
    readonly host: SuccessScore,
    readonly words: ScoreWords,
  ) {}

  // After the gauge, not in it: a meter's children are presentational, a button there is lost.
  #renderExplain(x: Explanations | undefined) {
    const p = this.host.explain.parts(x, '/score', this.host.heading || this.words.heading);
    return p ? html`<div class="explain">${p.button}</div>${p.panel}` : nothing;
  }

  /** The gauge of a score that is there (`score`, not null), with `x` its explanations. */
  render(data: SuccessScoreData, score: number, x: Explanations | undefined): TemplateResult {
    const value = Math.min(100, Math.max(0, score));
    const [tone, band] = bandInfo(data.band);
    const shown = this.host.fmt.number(value, 0);
    // Half ring of length 100 (pathLength), so the dash length is the score itself.
    return html`<div
      class="gauge ${tone}"
      part="meter"
      role="meter"
      aria-label=${this.host.heading || this.words.heading}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(value)}
      aria-valuetext=${fillText(this.words.valueText, { score: shown, band })}
    >
      <svg class="ring" viewBox="0 0 120 66" aria-hidden="true" focusable="false">
        ${svg`<path class="track" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100"/>
        <path class="bar" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100" stroke-dasharray=${`${value} 100`}/>`}
      </svg>
      <div class="figure num">${shown}<small>/100</small></div>
      ${statusBadge(tone, band)}
    </div>${this.#renderExplain(x)}`;
  }
}
