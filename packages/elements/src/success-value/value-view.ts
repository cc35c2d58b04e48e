import { html, nothing, type TemplateResult } from 'lit';
import { fillText, progressNote, renderNotice } from '../states.js';
import { styleProps } from '../styles/style-props.js';
import type { ValueDelivered } from '../types.js';
import type { SuccessValue, ValueData, ValueWords } from './success-value.js';

export { valueViewStyles } from './value-view.styles.js';

// The bars, totals and value at target of <success-value>: loaded with a dynamic import the first
// time there is value to show, so the element, its fetching and its loading, empty and error
// states are in the initial bundle and this markup and its styles are not.

/** The value view of one `<success-value>`. */
export class ValueView {
  // The words come from the element, not an import of its module: importing it here would split
  // the element out of the initial chunk into one of its own.
  constructor(
    readonly host: SuccessValue,
    readonly words: ValueWords,
  ) {}

  /**
   * Value at target on its own line, never in the total or ROI; absent when it says nothing the
   * total does not (it equals the value delivered) or the data has none (an older server).
   */
  #renderProjected(v: ValueDelivered, currency: string | undefined) {
    const money = v.projected_value as number | undefined;
    const hours = v.projected_hours as number | undefined;
    if (money === undefined || hours === undefined) return nothing;
    if (money === v.total_value && hours === v.time_saved_hours) return nothing;
    const f = this.host.fmt;
    // Only hours at target (no rate): shown as hours, never as a money amount of 0.
    const text =
      money === 0 && hours > 0
        ? fillText(this.words.hours, { hours: f.hours(hours) })
        : f.money(money, currency);
    return html`<dl class="projected" part="projected">
        <div><dt>${this.words.label}</dt><dd class="num">${text}</dd></div>
      </dl>
      <p class="note">${this.words.note}</p>`;
  }

  /** The bars, totals and value at target of a customer with goals. */
  render({ value: v, currency, explanations: x }: ValueData): TemplateResult {
    const f = this.host.fmt;
    const unpriced = v.time_saved_hours > 0 && v.time_saved_value === 0;
    if (v.time_saved_hours === 0 && v.cost_reduction === 0 && v.revenue_impact === 0) {
      return html`${renderNotice(this.words.noValue, 'info')}${this.#renderProjected(v, currency)}`;
    }
    const ex = (at: string, figure: string) => this.host.explain.parts(x, at, figure);
    const total = ex('/total_value', this.words.explainTotal);
    const roi = ex('/roi_multiplier', this.words.explainRoi);
    const max = Math.max(v.time_saved_value, v.cost_reduction, v.revenue_impact, 0);
    // Tenths of a percent are finer than a pixel at any width a bar is drawn.
    const share = (n: number) =>
      max > 0 ? Math.round(Math.max(0, Math.min(100, (n / max) * 100)) * 10) / 10 : 0;
    const rows: { label: string; kind: string; width: number; text: string; at: string }[] = [
      {
        label: this.words.timeSaved,
        at: v.time_saved_value > 0 ? '/time_saved_value' : '/time_saved_hours',
        kind: unpriced ? 'time unpriced' : 'time',
        // Unpriced hours have no money scale to share: a full striped bar marks them as hours.
        width: unpriced ? 100 : share(v.time_saved_value),
        text:
          v.time_saved_value > 0
            ? fillText(this.words.hoursAndMoney, {
                hours: f.hours(v.time_saved_hours),
                money: f.money(v.time_saved_value, currency, true),
              })
            : f.hours(v.time_saved_hours),
      },
      {
        label: this.words.costReduction,
        at: '/cost_reduction',
        kind: 'cost',
        width: share(v.cost_reduction),
        text: f.money(v.cost_reduction, currency, true),
      },
      {
        label: this.words.revenueImpact,
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
      ${unpriced ? html`<p class="note">${this.words.unpricedHours}</p>` : nothing}
      <dl class="totals" part="totals">
        <div><dt>${this.words.totalValue}</dt><dd class="num"><span>${f.money(v.total_value, currency)}</span>${total?.button ?? nothing}</dd></div>
        <div><dt>${this.words.investment}</dt><dd class="num">${f.money(v.investment, currency)}</dd></div>
        <div><dt>${this.words.roi}</dt><dd class="num"><span>${v.roi_multiplier === null ? (v.roi_note ? progressNote(v.roi_note) : '—') : f.multiplier(v.roi_multiplier)}</span>${roi?.button ?? nothing}</dd></div>
      </dl>
      ${total?.panel ?? nothing}${roi?.panel ?? nothing}
      ${this.#renderProjected(v, currency)}`;
  }
}
