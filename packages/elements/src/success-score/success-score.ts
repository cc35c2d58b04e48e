import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import {
  progressNote,
  renderEmpty,
  renderError,
  renderNotice,
  STATE_MESSAGES,
  STATE_TEXT,
  stateStyles,
} from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, SuccessScoreData } from '../types.js';
import type { ScoreView } from './score-view.js';
import { styles } from './success-score.styles.js';

/** The score gauge's own words. */
export const SCORE_MESSAGES = defineMessages('elements.score', {
  heading: 'Success score',
  valueText: '{score} of 100, {band}',
});
const T = localized(SCORE_MESSAGES);
/** The element's words in its language, handed to its view. @internal */
export type ScoreWords = typeof T;

const loadView = () => import('./score-view.js');
type ViewModule = typeof import('./score-view.js');

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
  /** The disclosure of the gauge (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));
  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, ScoreView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.ScoreView(this, T),
    styles: (m) => [m.scoreViewStyles],
  });

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

  // A caller awaiting `updateComplete` sees the gauge, not the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
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
    const score = data.score;
    const x = this.score ? this.explanations : this.#fetched;
    return this.#view.render((view) => view.render(data, score, x), {
      loading: () => this.#skeleton(),
      failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
    });
  }
}
