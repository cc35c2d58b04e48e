import type { MilestoneStatusName } from '@cscx/success-calc';
import {
  defineMessages,
  fillText as fill,
  type Message,
  type RecommendationWords,
  vocabulary,
} from '@cscx/success-calc/i18n';
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { currentLocale, localized } from './localize.js';

/** The texts of the shared states, from PRD-069's error table where it gives them. */
export const STATE_MESSAGES = defineMessages('elements.state', {
  loading: 'Loading success metrics…',
  empty: 'No success goals defined.',
  defineGoals: 'Define goals',
  partial: 'Some metrics missing data. Showing available data.',
  noBaseline: 'Baseline not set. Cannot calculate progress.',
  retry: 'Retry',
  stale: 'Showing earlier data. Refreshing…',
  staleError: 'Showing earlier data. The latest refresh failed.',
  // Load failures (describeError). `{name}` marks a value filled in by fillText.
  timeout: 'The server took too long to answer.',
  unreadable: 'The server sent data this page cannot read.',
  failed: 'Something went wrong while loading.',
  unreachable: 'Cannot reach the server.',
  unreachableAt: 'Cannot reach the server at {server}.',
  unreachableCrossOrigin:
    "If it is running, check that it allows this page's origin ({origin}) in CSCX_CORS_ORIGINS.",
  unreachableSameOrigin: 'Check that it is running and that this device is online.',
  tokenFailed: 'Could not get a token from {source}: {reason}',
  tokenProvider: "the page's tokenProvider",
  tokenStatus: 'it answered HTTP {status}.',
  tokenShape: 'its answer is not JSON with a token and an expires_at date.',
  tokenNetwork: 'the request failed ({message}).',
  tokenTimeout: 'it did not answer within {seconds} seconds.',
  tokenThrew: '{message}',
  // The "How is this computed?" disclosure (explain/explain.ts). The explanation texts themselves
  // come from the server, in English for now.
  howComputed: 'How is this computed?',
  howComputedFigure: 'How is {figure} computed?',
  explainInputs: 'Inputs',
  explainRule: 'Rule: {rule}',
  noScore: 'No score',
});

/** {@link STATE_MESSAGES} in the locale of the element being rendered (localize.ts). */
export const STATE_TEXT = localized(STATE_MESSAGES);

/**
 * A message with its `{name}` places filled: the sentence stays whole (one string to
 * translate, its words in the order a language needs) and values are inserted as given. Plural
 * forms follow the rendering element's locale (calc's `fillText`).
 *
 * @example
 * fillText(STATE_TEXT.unreachableAt, { server: 'https://api.example.com' });
 * // 'Cannot reach the server at https://api.example.com.'
 */
export function fillText(
  template: Message,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill(template, values, currentLocale());
}

// calc's progress notes the server passes on in English, by their English text.
const NOTES = new Map<string, 'partial' | 'noBaseline'>([
  [STATE_MESSAGES.en.partial, 'partial'],
  [STATE_MESSAGES.en.noBaseline, 'noBaseline'],
]);

/**
 * A progress note from the API in the rendering locale: the server writes calc's notes
 * ("Baseline not set. Cannot calculate progress.") in English; the ones the kit knows read in
 * the element's language, any other as sent.
 *
 * @example
 * progressNote(goal.progress_note); // 'Basiswert fehlt. …' in a de-DE element
 */
export function progressNote(note: string): string {
  const key = NOTES.get(note);
  return key ? STATE_TEXT[key] : note;
}

/** The look of a status: a colour family, an icon shape, and the words that carry it. */
export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

const ICONS: Record<Tone, TemplateResult> = {
  // Check mark: achieved, exceeding.
  success: svg`<path d="M3.5 8.5l3 3 6-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Filled dot: on track.
  info: svg`<circle cx="8" cy="8" r="4.5" fill="currentColor"/>`,
  // Warning triangle: at risk.
  warning: svg`<path d="M8 2l6.5 11.5h-13z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="M8 6.5v3.2M8 11.6v.1" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`,
  // Cross: missed, not met, error.
  danger: svg`<path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
  // Hollow circle: not started, planned.
  neutral: svg`<circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="1.6"/>`,
};

/** A status icon; decorative, since the status words always sit next to it. */
export function icon(tone: Tone): TemplateResult {
  return html`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${ICONS[tone]}</svg>`;
}

/** A status badge: icon and text, never colour alone. */
export function statusBadge(tone: Tone, label: string): TemplateResult {
  return html`<span class="status ${tone}" part="status">${icon(tone)}${label}</span>`;
}

/**
 * Loading placeholder. `role="status"` announces the loading once; the blocks are decorative.
 * `lines` shapes it roughly like the content that will replace it, so the page does not jump.
 */
export function renderSkeleton(label: string = STATE_TEXT.loading, lines = 3): TemplateResult {
  return html`<div class="state skeleton" part="state skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${label}</span>
    ${Array.from({ length: lines }, () => html`<div class="bone" aria-hidden="true"></div>`)}
  </div>`;
}

/** PRD-069's "No success goals defined. [Define Goals]", or another empty message. */
export function renderEmpty(options: {
  message?: string;
  actionLabel?: string;
  onAction?: (() => void) | undefined;
}): TemplateResult {
  const { message = STATE_TEXT.empty, actionLabel = STATE_TEXT.defineGoals, onAction } = options;
  return html`<div class="state empty" part="state empty">
    <p>${message}</p>
    ${onAction ? html`<button type="button" class="primary" @click=${onAction}>${actionLabel}</button>` : nothing}
  </div>`;
}

/** The failure with the problem's title and a Retry action. `role="alert"` announces it. */
export function renderError(options: {
  title: string;
  detail?: string | undefined;
  onRetry?: (() => void) | undefined;
}): TemplateResult {
  const { title, detail, onRetry } = options;
  return html`<div class="state error" part="state error" role="alert">
    <p class="error-title">${icon('danger')}<strong>${title}</strong></p>
    ${detail ? html`<p class="muted">${detail}</p>` : nothing}
    ${onRetry ? html`<button type="button" @click=${onRetry}>${STATE_TEXT.retry}</button>` : nothing}
  </div>`;
}

/** A note above data that is shown with a caveat: partial data, no baseline, stale data. */
export function renderNotice(
  message: string,
  tone: Extract<Tone, 'warning' | 'info' | 'danger'> = 'warning',
  onRetry?: () => void,
): TemplateResult {
  return html`<div class="notice ${tone}" part="notice" role="note">
    ${icon(tone)}<span>${message}</span>
    ${onRetry ? html`<button type="button" @click=${onRetry}>${STATE_TEXT.retry}</button>` : nothing}
  </div>`;
}

/** PRD-069's partial-data notice. */
export function renderPartial(message: string = STATE_TEXT.partial): TemplateResult {
  return renderNotice(message, 'warning');
}

/** PRD-069's no-baseline notice. */
export function renderNoBaseline(message: string = STATE_TEXT.noBaseline): TemplateResult {
  return renderNotice(message, 'info');
}

/**
 * The stale banner: earlier data is on screen while a refresh runs (`failed` false) or after it
 * failed (`failed` true, with Retry).
 */
export function renderStale(failed: boolean, onRetry?: () => void): TemplateResult {
  return failed
    ? renderNotice(STATE_TEXT.staleError, 'danger', onRetry)
    : html`<div class="notice info" part="notice" role="status">${icon('info')}<span>${STATE_TEXT.stale}</span></div>`;
}

/** Styles of the state helpers; adopt after `tokenStyles` and `baseStyles`. */
export const stateStyles = css`
  .state {
    padding: calc(var(--s-space) * 4);
    border: 1px dashed var(--s-border);
    border-radius: var(--s-radius);
    background: var(--s-raised);
  }
  .state p {
    margin: 0 0 calc(var(--s-space) * 3);
  }
  .state p:last-child {
    margin-bottom: 0;
  }
  .error-title {
    display: flex;
    align-items: center;
    gap: calc(var(--s-space) * 2);
    color: var(--s-danger);
  }
  .error-title svg,
  .notice svg {
    width: 1em;
    height: 1em;
    flex: none;
  }
  .skeleton {
    border-style: solid;
    display: grid;
    gap: calc(var(--s-space) * 3);
  }
  .bone {
    height: 0.9em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--s-skeleton) 25%, var(--s-raised) 50%, var(--s-skeleton) 75%);
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  /* Uneven lengths read as text; set in CSS, not inline styles, to stay within a strict CSP. */
  .bone:nth-of-type(3n + 2) {
    width: 75%;
  }
  .bone:nth-of-type(3n) {
    width: 55%;
  }
  @keyframes shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }
  .notice {
    display: flex;
    align-items: center;
    gap: calc(var(--s-space) * 2);
    padding: calc(var(--s-space) * 2) calc(var(--s-space) * 3);
    margin-bottom: calc(var(--s-space) * 3);
    border-radius: calc(var(--s-radius) - 2px);
    font-size: var(--s-font-size-sm);
  }
  .notice button {
    margin-inline-start: auto;
  }
  .notice.warning {
    color: var(--s-warning);
    background: var(--s-warning-bg);
  }
  .notice.info {
    color: var(--s-info);
    background: var(--s-info-bg);
  }
  .notice.danger {
    color: var(--s-danger);
    background: var(--s-danger-bg);
  }
`;

type GoalStatusName = 'not_started' | 'on_track' | 'at_risk' | 'achieved' | 'missed';
type MetricStatusName = 'exceeding' | 'on_track' | 'at_risk' | 'not_met';
type BandName = 'strong' | 'moderate' | 'weak';

// The words come from calc's one vocabulary (STATUS_TEXT), shared with the reports; only the
// tones are the elements' own.
const GOAL: Record<GoalStatusName, Tone> = {
  achieved: 'success',
  on_track: 'info',
  at_risk: 'warning',
  missed: 'danger',
  not_started: 'neutral',
};
const METRIC: Record<MetricStatusName, Tone> = {
  exceeding: 'success',
  on_track: 'info',
  at_risk: 'warning',
  not_met: 'danger',
};
const MILESTONE: Record<MilestoneStatusName, Tone> = {
  achieved: 'success',
  planned: 'neutral',
  at_risk: 'warning',
  missed: 'danger',
};
const BAND: Record<BandName, Tone> = {
  strong: 'success',
  moderate: 'warning',
  weak: 'danger',
};

/** Tone and words of a goal status; an achieved goal above 100 % reads "Exceeded" (PRD-069). */
export function goalStatusInfo(status: GoalStatusName, exceeded = false): [Tone, string] {
  return [GOAL[status], vocabulary(currentLocale()).goalStatus(status, exceeded)];
}
/**
 * Tone and words of a metric status; above 100 % (`percent`) it reads "Exceeded", at 100 %
 * "Achieved", as a goal does; null (no progress) reads "No data".
 */
export function metricStatusInfo(
  status: MetricStatusName | null,
  percent?: number | null,
): [Tone, string] {
  return [
    status ? METRIC[status] : 'neutral',
    vocabulary(currentLocale()).metricStatus(status, percent),
  ];
}
export function milestoneStatusInfo(status: MilestoneStatusName): [Tone, string] {
  return [MILESTONE[status], vocabulary(currentLocale()).milestoneStatus(status)];
}
/**
 * A recommended action and its reason in the rendering locale, from the API's `code` and
 * `causes` (calc's vocabulary, as in the reports); the API's English words when it sent none.
 */
export function recommendationText(r: RecommendationWords): { action: string; reason: string } {
  return vocabulary(currentLocale()).recommendation(r);
}
/** Tone and words of a success-score band; null reads "No score". */
export function bandInfo(band: BandName | null): [Tone, string] {
  return band
    ? [BAND[band], vocabulary(currentLocale()).band(band)]
    : ['neutral', STATE_TEXT.noScore];
}
