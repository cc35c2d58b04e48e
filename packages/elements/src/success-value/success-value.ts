import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderEmpty, renderError, renderSkeleton, STATE_TEXT, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, ValueDelivered } from '../types.js';
import { styles } from './success-value.styles.js';
import type { ValueView } from './value-view.js';

/** What the view renders: the value and what is known around it. @internal */
export interface ValueData {
  readonly value: ValueDelivered;
  /** The amounts' currency, when the data says (provider mode). */
  readonly currency: string | undefined;
  /** How many goals the customer has, when known: 0 shows PRD-069's empty state. */
  readonly goalsTotal: number | undefined;
  /** How each figure was computed, keyed relative to `value` (`/roi_multiplier`). */
  readonly explanations: Explanations | undefined;
}

/** Shown when hours have no hourly rate, so the total visibly leaves them out. */
export const UNPRICED_HOURS_NOTE = 'No hourly rate: hours are reported, not counted in the total.';

/**
 * The element's texts about value at target, as STATE_TEXT holds the shared states' texts: whole
 * phrases with `{name}` places that fillText fills (one string to translate).
 */
export const PROJECTED_MESSAGES = defineMessages('elements.value', {
  /** The label of the value-at-target line, apart from the total and ROI. */
  label: 'Projected at target:',
  /** Hours at target without an hourly rate. */
  hours: '{hours}, not monetised',
  note: 'Value of goals at their targets, including goals not measured yet. Not part of the total value or ROI.',
  heading: 'Value delivered',
  unpricedHours: UNPRICED_HOURS_NOTE,
  noValue: 'No value delivered yet. Add value drivers to goals to quantify it.',
  explainTotal: 'total value',
  explainRoi: 'ROI',
  timeSaved: 'Time saved',
  costReduction: 'Cost reduction',
  revenueImpact: 'Revenue impact',
  hoursAndMoney: '{hours} · {money}',
  totalValue: 'Total value:',
  investment: 'Investment:',
  roi: 'ROI:',
});
/** {@link PROJECTED_MESSAGES} in the locale of the element being rendered. */
export const PROJECTED_TEXT = localized(PROJECTED_MESSAGES);
const T = PROJECTED_TEXT;
/** The element's words in its language, handed to its view. @internal */
export type ValueWords = typeof PROJECTED_TEXT;

const loadView = () => import('./value-view.js');
type ViewModule = typeof import('./value-view.js');

/**
 * @summary PRD-165's "Value delivered": time saved, cost reduction and revenue impact as bars,
 * with the total, the investment and the ROI.
 *
 * @description Hours are shown as hours and money as money; hours without an hourly rate are
 * striped and left out of the total, which the element says in words (value is never counted
 * twice). ROI is the multiplier ("4.2x"); without an investment the API's reason is shown
 * instead. The value at target (`projected_value`: goals not measured yet, linked drivers at
 * their metric's target) is a separate line under the totals, never part of them. Given `.value` (`metrics.value_delivered`) it renders that in `currency`; given
 * `customer-id` inside a `<success-provider>` it fetches the customer's success metrics with
 * their explanations. Each figure with an explanation (`.explanations`, or fetched) has a "How is
 * this computed?" disclosure.
 *
 * @csspart base - The wrapper.
 * @csspart bars - The list of bars.
 * @csspart totals - Total, investment and ROI.
 * @csspart projected - The value at target, apart from the total and ROI (when it differs).
 * @csspart explain-button - A figure's "How is this computed?" button (only with explanations).
 * @csspart explain-panel - The explanation it reveals: the formula with the customer's numbers,
 *   its inputs and the seed rule.
 * @csspart state - Loading, empty and error states.
 *
 * @event {CustomEvent<SuccessDefineGoalsDetail>} success-define-goals - The empty state's "Define
 *   goals" was chosen.
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessValue extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, explainStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    value: { attribute: false },
    explanations: { attribute: false },
    heading: {},
  };

  /** The customer whose value to fetch (inside a provider). */
  declare customerId: string | undefined;

  /** The value as data: `SuccessMetrics.value_delivered`. Set `currency` to its currency. */
  declare value: ValueDelivered | undefined;

  /**
   * How the figures of `value` were computed (the API's `explanations` with `explain: true`),
   * keyed by JSON Pointer relative to `value`: `/roi_multiplier`, `/total_value`. Without them
   * no disclosure is shown.
   */
  declare explanations: Explanations | undefined;

  /** The heading text; empty for none; unset: "Value delivered" in the element's language. */
  declare heading: string | undefined;

  /** The value delivered shown: given as `.value`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly data = new DataController<ValueData>(this, {
    data: () =>
      this.value
        ? {
            value: this.value,
            currency: undefined,
            goalsTotal: undefined,
            explanations: this.explanations,
          }
        : undefined,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) => {
      const { metrics, explanations } = await client.getCustomerSuccessMetrics(
        { customerId, explain: true },
        { signal },
      );
      return {
        value: metrics.value_delivered,
        currency: metrics.currency,
        goalsTotal: metrics.goals.total,
        explanations: scopeExplanations(explanations, '/metrics/value_delivered'),
      };
    },
  });

  /** The disclosures of the view (explain/explain.ts). @internal */
  readonly explain = new ExplainController(this, (v) => this.fmt.number(v));
  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, ValueView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.ValueView(this, T),
    styles: (m) => [m.valueViewStyles],
  });

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  // A caller awaiting `updateComplete` sees the value, not the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading ? html`<h3>${heading}</h3>` : nothing}
      ${this.data.render((d) => this.#renderValue(d), { skeleton: () => renderSkeleton(STATE_TEXT.loading, 4) })}
    </div>`;
  }

  #renderValue(d: ValueData) {
    if (d.goalsTotal === 0) {
      return renderEmpty({
        onAction: () => emit(this, 'success-define-goals', { customerId: this.customerId }),
      });
    }
    return this.#view.render((view) => view.render(d), {
      loading: () => renderSkeleton(STATE_TEXT.loading, 4),
      failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
    });
  }
}
