import { defineMessages } from '@cscx/success-calc/i18n';
import { html, nothing } from 'lit';
import { DataController } from '../data-controller.js';
import { LazyPart } from '../lazy-part.js';
import { localized } from '../localize.js';
import { renderError, renderNotice, renderSkeleton, STATE_TEXT, stateStyles } from '../states.js';
import { baseStyles, tokenStyles } from '../styles/tokens.js';
import { SuccessElement } from '../success-element.js';
import type { AchievedMilestone, Milestone } from '../types.js';
import type { MilestonesView } from './milestones-view.js';
import { styles } from './success-milestones.styles.js';

/** The milestone list's own words. */
export const MILESTONES_MESSAGES = defineMessages('elements.milestones', {
  heading: 'Milestones',
  empty: 'No milestones yet.',
});
const T = localized(MILESTONES_MESSAGES);
/** The element's words in its language, handed to its view. @internal */
export type MilestonesWords = typeof T;

const loadView = () => import('./milestones-view.js');
type ViewModule = typeof import('./milestones-view.js');

/** A milestone as either endpoint sends it: the full `Milestone`, or PRD-165's achieved one. */
export type MilestoneItem = Milestone | AchievedMilestone;

/**
 * @summary PRD-165's "Milestones achieved" (and PRD-069's upcoming milestones): date, name,
 * description and status.
 *
 * @description Each milestone on one line with its date (achieved, else target), name and
 * description; full `Milestone`s also show their status as an icon and words. Given
 * `.milestones` it renders them (`metrics.milestones`, `milestones` or
 * `upcoming_milestones`); given `customer-id` inside a `<success-provider>` it fetches the
 * customer's milestones for the period.
 *
 * @csspart base - The wrapper.
 * @csspart list - The list of milestones.
 * @csspart item - Each milestone.
 * @csspart status - The status badges.
 * @csspart state - Loading and error states.
 *
 * @event {CustomEvent<SuccessErrorDetail>} success-error - Loading failed; the error state with
 *   Retry is shown.
 */
export class SuccessMilestones extends SuccessElement {
  static override styles = [tokenStyles, baseStyles, stateStyles, styles];
  static override properties = {
    customerId: { attribute: 'customer-id' },
    milestones: { attribute: false },
    heading: {},
    emptyText: { attribute: 'empty-text' },
  };

  /** The customer whose milestones to fetch (inside a provider). */
  declare customerId: string | undefined;

  /** The milestones as data. */
  declare milestones: readonly MilestoneItem[] | undefined;

  /** The heading text; empty for none; unset: "Milestones" in the element's language. */
  declare heading: string | undefined;

  /** What an empty list says; unset: "No milestones yet." in the element's language. */
  declare emptyText: string | undefined;

  /** The milestones shown: given as `.milestones`, or fetched by `customer-id` through the provider (value, error, loading). */
  readonly data = new DataController<readonly MilestoneItem[]>(this, {
    data: () => this.milestones,
    key: () => this.customerId,
    fetch: async (client, customerId, signal) =>
      (await client.getCustomerSuccessMetrics({ customerId }, { signal })).milestones,
  });

  // Typed, not inferred: the view's type reads this class, and inferring both ways is circular.
  readonly #view: LazyPart<ViewModule, MilestonesView> = new LazyPart(this, {
    load: loadView,
    create: (m) => new m.MilestonesView(this, T),
    styles: (m) => [m.milestonesViewStyles],
  });

  /** Fetches again (provider mode). */
  refresh(): Promise<void> {
    return this.data.refresh();
  }

  // A caller awaiting `updateComplete` sees the list, not the moment before its code arrived.
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#view.updateComplete(() => super.getUpdateComplete());
  }

  protected override render() {
    const heading = this.heading ?? T.heading;
    return html`<div part="base">
      ${heading ? html`<h3 id="heading">${heading}</h3>` : nothing}
      ${this.data.render((items) => this.#renderList(items), {
        skeleton: () => renderSkeleton(STATE_TEXT.loading, 4),
      })}
    </div>`;
  }

  #renderList(items: readonly MilestoneItem[]) {
    if (items.length === 0) return renderNotice(this.emptyText ?? T.empty, 'info');
    return this.#view.render((view) => view.render(items), {
      loading: () => renderSkeleton(STATE_TEXT.loading, 4),
      failed: (retry) => renderError({ title: STATE_TEXT.failed, onRetry: retry }),
    });
  }
}
