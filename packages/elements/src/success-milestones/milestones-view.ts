import { html, nothing, type TemplateResult } from 'lit';
import { milestoneStatusInfo, statusBadge } from '../states.js';
import type { MilestoneItem, MilestonesWords, SuccessMilestones } from './success-milestones.js';

export { milestonesViewStyles } from './milestones-view.styles.js';

// The list of <success-milestones>: loaded with a dynamic import the first time there are
// milestones to show, so the element, its fetching and its loading, empty and error states are
// in the initial bundle and the list's markup and styles are not.

/** The milestone list of one `<success-milestones>`. */
export class MilestonesView {
  // The words come from the element, not an import of its module: importing it here would split
  // the element out of the initial chunk into one of its own.
  constructor(
    readonly host: SuccessMilestones,
    readonly words: MilestonesWords,
  ) {}

  /** The list of these milestones (at least one). */
  render(items: readonly MilestoneItem[]): TemplateResult {
    const f = this.host.fmt;
    return html`<ol part="list" aria-labelledby=${(this.host.heading ?? this.words.heading) ? 'heading' : nothing}>
      ${items.map((m) => {
        const date = m.achieved_date ?? ('target_date' in m ? m.target_date : null);
        const status = 'status' in m ? milestoneStatusInfo(m.status) : undefined;
        return html`<li part="item">
          <time datetime=${date ?? nothing}>${f.date(date, 'short')}</time>
          <span>
            <span class="name">${m.name}</span>
            ${m.description ? html`<span class="description">${m.description}</span>` : nothing}
          </span>
          ${status ? statusBadge(...status) : nothing}
        </li>`;
      })}
    </ol>`;
  }
}
