import type {
  Alert,
  CustomerSuccessSummary,
  Measurement,
  Milestone,
  ReportFormat,
  SuccessGoal,
} from './types.js';

/** `success-goal-select`: a goal was chosen (a goals-table row, an at-risk goal). */
export interface SuccessGoalSelectDetail {
  readonly goalId: string;
  /** The goal as the element has it, when it has it. */
  readonly goal: SuccessGoal | undefined;
}

/** `success-define-goals`: the user asked to define goals (the empty state's action). */
export interface SuccessDefineGoalsDetail {
  /** The customer concerned, when the element knows it. */
  readonly customerId: string | undefined;
}

/**
 * `success-generate-report`: the user asked for a report. Cancel it to handle the request
 * yourself; otherwise the element asks the API for the file and downloads it.
 */
export interface SuccessGenerateReportDetail {
  readonly customerId: string;
  readonly format: ReportFormat;
  readonly locale: string;
}

/** `success-goal-saved`: a goal editor stored a goal. */
export interface SuccessGoalSavedDetail {
  readonly goal: SuccessGoal;
}

/** `success-goal-deleted`: a goal editor deleted a goal (after the user confirmed it). */
export interface SuccessGoalDeletedDetail {
  readonly goalId: string;
  /** The goal as the editor last had it, before it was deleted. */
  readonly goal: SuccessGoal;
}

/** `success-measurement-recorded`: a goal editor stored a measurement; `goal` is the goal after it. */
export interface SuccessMeasurementRecordedDetail {
  readonly goal: SuccessGoal;
  readonly metricId: string;
  readonly measurement: Measurement;
}

/** `success-milestone-saved`: a goal editor created or updated a milestone. */
export interface SuccessMilestoneSavedDetail {
  readonly milestone: Milestone;
  /** True when the milestone was just created. */
  readonly created: boolean;
}

/** `success-cancel`: the user left a goal editor (after confirming, when there were changes). */
export interface SuccessCancelDetail {
  readonly goalId: string | undefined;
}

/**
 * `success-customer-select`: a portfolio row was chosen. Cancel it to keep the selection
 * unchanged (the host decides what opening a customer means).
 */
export interface SuccessCustomerSelectDetail {
  readonly customerId: string;
  readonly customer: CustomerSuccessSummary;
}

/** `success-alert-acknowledged`, `success-alert-dismissed`: an alerts list changed an alert. */
export interface SuccessAlertChangeDetail {
  /** The alert as the API answered: its new state and version. */
  readonly alert: Alert;
}

/** `success-chart-render`: the chart has been drawn (or redrawn after a resize or theme change). */
export interface SuccessChartRenderDetail {
  /** Time to build the spec and draw it, vega already loaded, in ms. */
  readonly durationMs: number;
  readonly width: number;
  readonly height: number;
  readonly series: number;
}

/** `success-error`: loading failed; the element also shows the error state with Retry. */
export interface SuccessErrorDetail {
  readonly error: unknown;
  /** What the user sees: the problem's title, or a plain description of the failure. */
  readonly title: string;
  /** The HTTP status when the API answered. */
  readonly status: number | undefined;
}

/** Every event the elements dispatch, by name, with its detail type. */
export interface SuccessEventDetails {
  'success-goal-select': SuccessGoalSelectDetail;
  'success-define-goals': SuccessDefineGoalsDetail;
  'success-generate-report': SuccessGenerateReportDetail;
  'success-goal-saved': SuccessGoalSavedDetail;
  'success-goal-deleted': SuccessGoalDeletedDetail;
  'success-measurement-recorded': SuccessMeasurementRecordedDetail;
  'success-milestone-saved': SuccessMilestoneSavedDetail;
  'success-cancel': SuccessCancelDetail;
  'success-customer-select': SuccessCustomerSelectDetail;
  'success-chart-render': SuccessChartRenderDetail;
  'success-error': SuccessErrorDetail;
  'success-alert-acknowledged': SuccessAlertChangeDetail;
  'success-alert-dismissed': SuccessAlertChangeDetail;
}

export type SuccessEventName = keyof SuccessEventDetails;

/** The event names as constants, for hosts that prefer them to string literals. */
export const SuccessEvents = {
  goalSelect: 'success-goal-select',
  defineGoals: 'success-define-goals',
  generateReport: 'success-generate-report',
  goalSaved: 'success-goal-saved',
  goalDeleted: 'success-goal-deleted',
  measurementRecorded: 'success-measurement-recorded',
  milestoneSaved: 'success-milestone-saved',
  cancel: 'success-cancel',
  customerSelect: 'success-customer-select',
  chartRender: 'success-chart-render',
  error: 'success-error',
  alertAcknowledged: 'success-alert-acknowledged',
  alertDismissed: 'success-alert-dismissed',
} as const satisfies Record<string, SuccessEventName>;

/** The events as an event map: `addEventListener` overloads for hosts that listen to them. */
export type SuccessEventMap = {
  [K in SuccessEventName]: CustomEvent<SuccessEventDetails[K]>;
};

// Typed on elements, and on document and window too: the events are composed and bubble, so
// hosts often listen high up.
declare global {
  interface HTMLElementEventMap extends SuccessEventMap {}
  interface DocumentEventMap extends SuccessEventMap {}
  interface WindowEventMap extends SuccessEventMap {}
}

/**
 * Dispatches a `success-*` event from `target`: bubbling and composed (so it leaves shadow
 * roots), cancelable when `cancelable` is set. Returns false when a listener cancelled it, which
 * is the host's way to take over the default action.
 *
 * @example
 * if (emit(this, 'success-generate-report', { customerId, format: 'pdf', locale }, true)) {
 *   await this.download();
 * }
 */
export function emit<K extends SuccessEventName>(
  target: EventTarget,
  type: K,
  detail: SuccessEventDetails[K],
  cancelable = false,
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }),
  );
}
