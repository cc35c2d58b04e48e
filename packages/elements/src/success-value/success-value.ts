import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { emit } from '../events.js';
import { ExplainController, explainStyles, scopeExplanations } from '../explain/explain.js';
import { localized } from '../localize.js';
import {
  fillText,
  progressNote,
  renderEmpty,
  renderNotice,
  renderSkeleton,
  STATE_TEXT,
  stateStyles,
} from '../states.js';
import { styleProps } from '../styles/style-props.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { Explanations, ValueDelivered } from '../types.js';
import { styles } from './success-value.styles.js';

interface ValueData {
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

  readonly #explain = new ExplainController(this, (v) => this.fmt.number(v));

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading ? html`<h3>${heading}</h3>` : nothing}
      ${this.data.render((d) => this.#renderValue(d), { skeleton: () => renderSkeleton(STATE_TEXT.loading, 4) })}
    </div>`;
  }

  /**
   * Value at target on its own line, never in the total or ROI; absent when it says nothing the
   * total does not (it equals the value delivered) or the data has none (an older server).
   */
  #renderProjected(v: ValueDelivered, currency: string | undefined) {
    const money = v.projected_value as number | undefined;
    const hours = v.projected_hours as number | undefined;
    if (money === undefined || hours === undefined) return nothing;
    if (money === v.total_value && hours === v.time_saved_hours) return nothing;
    const f = this.fmt;
    // Only hours at target (no rate): shown as hours, never as a money amount of 0.
    const text =
      money === 0 && hours > 0
        ? fillText(PROJECTED_TEXT.hours, { hours: f.hours(hours) })
        : f.money(money, currency);
    return html`<dl class="projected" part="projected">
        <div><dt>${PROJECTED_TEXT.label}</dt><dd class="num">${text}</dd></div>
      </dl>
      <p class="note">${PROJECTED_TEXT.note}</p>`;
  }

  #renderValue({ value: v, currency, goalsTotal, explanations: x }: ValueData) {
    if (goalsTotal === 0) {
      return renderEmpty({
        onAction: () => emit(this, 'success-define-goals', { customerId: this.customerId }),
      });
    }
    const f = this.fmt;
    const unpriced = v.time_saved_hours > 0 && v.time_saved_value === 0;
    if (v.time_saved_hours === 0 && v.cost_reduction === 0 && v.revenue_impact === 0) {
      return html`${renderNotice(T.noValue, 'info')}${this.#renderProjected(v, currency)}`;
    }
    const ex = (at: string, figure: string) => this.#explain.parts(x, at, figure);
    const total = ex('/total_value', T.explainTotal);
    const roi = ex('/roi_multiplier', T.explainRoi);
    const max = Math.max(v.time_saved_value, v.cost_reduction, v.revenue_impact, 0);
    // Tenths of a percent are finer than a pixel at any width a bar is drawn.
    const share = (n: number) =>
      max > 0 ? Math.round(Math.max(0, Math.min(100, (n / max) * 100)) * 10) / 10 : 0;
    const rows: { label: string; kind: string; width: number; text: string; at: string }[] = [
      {
        label: T.timeSaved,
        at: v.time_saved_value > 0 ? '/time_saved_value' : '/time_saved_hours',
        kind: unpriced ? 'time unpriced' : 'time',
        // Unpriced hours have no money scale to share: a full striped bar marks them as hours.
        width: unpriced ? 100 : share(v.time_saved_value),
        text:
          v.time_saved_value > 0
            ? fillText(T.hoursAndMoney, {
                hours: f.hours(v.time_saved_hours),
                money: f.money(v.time_saved_value, currency, true),
              })
            : f.hours(v.time_saved_hours),
      },
      {
        label: T.costReduction,
        at: '/cost_reduction',
        kind: 'cost',
        width: share(v.cost_reduction),
        text: f.money(v.cost_reduction, currency, true),
      },
      {
        label: T.revenueImpact,
        at: '/revenue_impact',
        kind: 'revenue',
        width: share(v.revenue_impact),
        text: f.money(v.revenue_impact, currency, true),
      },
    ];
    return html`<dl part="bars">
        ${rows.map(
          (r) => html`<div class="row">
            <dt>${r.label}</dt>
            <dd>
              <div class="track" aria-hidden="true"><div class="fill ${r.kind}" style=${styleProps({ width: `${r.width}%` })}></div></div>
              <span class="amount num"><span>${r.text}</span>${ex(r.at, r.label)?.button ?? nothing}</span>
              ${ex(r.at, r.label)?.panel ?? nothing}
            </dd>
          </div>`,
        )}
      </dl>
      ${unpriced ? html`<p class="note">${T.unpricedHours}</p>` : nothing}
      <dl class="totals" part="totals">
        <div><dt>${T.totalValue}</dt><dd class="num"><span>${f.money(v.total_value, currency)}</span>${total?.button ?? nothing}</dd></div>
        <div><dt>${T.investment}</dt><dd class="num">${f.money(v.investment, currency)}</dd></div>
        <div><dt>${T.roi}</dt><dd class="num"><span>${v.roi_multiplier === null ? (v.roi_note ? progressNote(v.roi_note) : '—') : f.multiplier(v.roi_multiplier)}</span>${roi?.button ?? nothing}</dd></div>
      </dl>
      ${total?.panel ?? nothing}${roi?.panel ?? nothing}
      ${this.#renderProjected(v, currency)}`;
  }
}
