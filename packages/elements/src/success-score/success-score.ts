import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing, svg } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { localized } from '../localize.js';
import {
  bandInfo,
  fillText,
  progressNote,
  renderEmpty,
  renderNotice,
  STATE_MESSAGES,
  STATE_TEXT,
  stateStyles,
  statusBadge,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, SuccessScoreData } from '../types.js';
import { styles } from './success-score.styles.js';

/** The score gauge's own words. */
export const SCORE_MESSAGES = defineMessages('elements.score', {
  heading: 'Success score',
  valueText: '{score} of 100, {band}',
});
const T = localized(SCORE_MESSAGES);

/**
 * @summary PRD-069's overall success score as a gauge: "85/100 (Strong)".
 *
 * @description The score (0-100, the weighted goal progress) and its band, drawn as a half-ring
 * with the number and the band in words; exposed to assistive technology as a `meter`. Given
 * `.score` it renders that; given `customer-id` inside a `<success-provider>` it fetches the
 * customer's success metrics with their explanations. With an explanation of the score
 * (`.explanations`, or fetched) a "How is this computed?" disclosure follows the gauge.
 *
 * @csspart base - The wrapper around heading and gauge.
 * @csspart meter - The gauge (role `meter`).
 * @csspart status - The band badge (icon and text).
 * @csspart state - Loading, empty and error states.
 * @csspart explain-button - The score's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 *
 * @cssprop [--success-score-size=10rem] - Width of the gauge; 7rem when `compact` unless set.
 *
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessScore extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    score: { attribute: false },
    explanations: { attribute: false },
    compact: { type: Boolean, reflect: true },
    heading: {},
  };

  /** The customer to fetch the score of (inside a provider). */
  declare customerId: string | undefined;

  /** The score as data: `metrics.success_score` or `AccountSuccessMetrics.success_score`. */
  declare score: SuccessScoreData | undefined;

  /**
   * How the score was computed (the API's `explanations` with `explain: true`), keyed by JSON
   * Pointer relative to `score`: `/score`. Without it no disclosure is shown.
   */
  declare explanations: Explanations | undefined;

  #fetched: Explanations | undefined;
  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** Smaller, without the heading: for a card. */
  declare compact: boolean;

  /** The heading text; empty for none; unset: "Success score" in the element's language. */
  declare heading: string | undefined;

  constructor() {
    super();
    this.compact = false;
  }

  /** The score shown: given as `.score`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly data = new DataController<SuccessScoreData>(this, {
    data: () => this.score,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) => {
      const m = await client.getCustomerSuccessMetrics({ customerId, explain: true }, { signal });
      this.#fetched = scopeExplanations(m.explanations, '/metrics/success_score');
      return m.metrics.success_score;
    },
  });

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading && !this.compact ? html`<h3>${heading}</h3>` : nothing}
      ${this.data.render((score) => this.#renderScore(score), { skeleton: () => this.#skeleton() })}
    </div>`;
  }

  #skeleton() {
    return html`<div class="state skeleton" part="state skeleton" role="status">
      <span class="visually-hidden">${STATE_TEXT.loading}</span>
      <div class="bone" aria-hidden="true"></div>
    </div>`;
  }

  // After the gauge, not in it: a meter's children are presentational, a button there is lost.
  #renderExplain() {
    const x = this.score ? this.explanations : this.#fetched;
    const p = this.#explain.parts(x, '/score', this.heading || T.heading);
    return p ? html`<div class="explain">${p.button}</div>${p.panel}` : nothing;
  }

  #renderScore(data: SuccessScoreData) {
    if (data.score === null) {
      // The server's note is English: compared as sent, shown in the element's language.
      const note = data.note ?? STATE_MESSAGES.en.empty;
      return note === STATE_MESSAGES.en.empty
        ? renderEmpty({
            onAction: () => emit(this, 'success-define-goals', { customerId: this.customerId }),
          })
        : renderNotice(progressNote(note), 'info');
    }
    const value = Math.min(100, Math.max(0, data.score));
    const [tone, band] = bandInfo(data.band);
    const shown = this.fmt.number(value, 0);
    // Half ring of length 100 (pathLength), so the dash length is the score itself.
    return html`<div
      class="gauge ${tone}"
      part="meter"
      role="meter"
      aria-label=${this.heading || T.heading}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(value)}
      aria-valuetext=${fillText(T.valueText, { score: shown, band })}
    >
      <svg class="ring" viewBox="0 0 120 66" aria-hidden="true" focusable="false">
        ${svg`<path class="track" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100"/>
        <path class="bar" d="M10 60a50 50 0 0 1 100 0" fill="none" stroke-width="10" stroke-linecap="round" pathLength="100" stroke-dasharray=${`${value} 100`}/>`}
      </svg>
      <div class="figure num">${shown}<small>/100</small></div>
      ${statusBadge(tone, band)}
    </div>${this.#renderExplain()}`;
  }
}
