import { type DateInput, epochMsOrNaN, MS_PER_DAY } from './dates.js';
import { expectedOnDays, goalDays, statusOnDays } from './goal-kernels.js';

/**
 * A goal's status (PRD-165 section 6.1: SuccessGoal.status).
 *
 * @example
 * const { status } = goalStatus({ percent: 104.17 }, { asOf: '2026-03-01' });
 * const s: GoalStatus = status; // 'achieved'
 */
export type GoalStatus = 'not_started' | 'on_track' | 'at_risk' | 'achieved' | 'missed';

/**
 * What {@link goalStatus} judges: the goal's progress and its timeline.
 *
 * @example
 * const g: GoalStatusInput = { percent: 65, startDate: '2026-01-01', targetDate: '2026-06-30' };
 */
export interface GoalStatusInput {
  /** Goal progress in percent; `null` (or non-finite) when it cannot be computed. */
  readonly percent: number | null | undefined;
  readonly startDate?: DateInput | null | undefined;
  readonly targetDate?: DateInput | null | undefined;
  /** `false` when no metric has a measurement yet. */
  readonly hasMeasurement?: boolean | undefined;
}

/**
 * Options of {@link goalStatus}.
 *
 * @example
 * const options: GoalStatusOptions = { asOf: new Date(), tolerance: 5 };
 */
export interface GoalStatusOptions {
  /** The day to judge on ("today"); status depends on it, so the caller always passes it. */
  readonly asOf: DateInput;
  /** Points below the expected percent still counted on track. Default 10. */
  readonly tolerance?: number | undefined;
  /** Percent counted on track when the goal has no usable dates. Default 75. */
  readonly onTrackThreshold?: number | undefined;
}

/**
 * A goal's status on a given day.
 *
 * @example
 * const r: GoalStatusResult = { status: 'achieved', exceeded: true, expectedPercent: null };
 */
export interface GoalStatusResult {
  readonly status: GoalStatus;
  /** True when the goal is achieved with progress above 100 %. */
  readonly exceeded: boolean;
  /** Elapsed share of start..target in percent (0-100), or `null` without both dates. */
  readonly expectedPercent: number | null;
}

/**
 * A goal's status on the day `asOf` (DESIGN.md "Formulas": Goal status), first rule wins:
 *
 * 1. `not_started`: percent null or non-finite, `hasMeasurement === false`, or asOf before
 *    the start date.
 * 2. `achieved`: percent >= 100; `exceeded` when percent > 100 (TC-165.1: 104.17 %).
 * 3. `missed`: asOf after the target date (the target date's whole day is still in time).
 * 4. With both dates: expectedPercent = (asOf - start) / (end of target day - start) x 100,
 *    clamped to 0..100; `on_track` when percent >= expectedPercent - tolerance (10), else
 *    `at_risk`.
 * 5. Without both dates: `on_track` when percent >= onTrackThreshold (75), else `at_risk`.
 *
 * Dates are whole UTC days (timestamps count from their day's start); invalid dates count as
 * absent, and a start date after the target date is treated as no dates at all (the range is
 * inconsistent, so neither "before start" nor "missed" can be trusted). An invalid `asOf`
 * disables every date rule. `expectedPercent` is reported whenever it can be computed, whatever
 * the status. Never throws; always returns a status.
 *
 * @example
 * goalStatus({ percent: 104.17 }, { asOf: '2026-03-01' });
 * // { status: 'achieved', exceeded: true, expectedPercent: null }
 * goalStatus(
 *   { percent: 35, startDate: '2026-01-01', targetDate: '2026-01-10' },
 *   { asOf: '2026-01-06' },
 * );
 * // { status: 'at_risk', exceeded: false, expectedPercent: 50 } (35 < 50 - 10)
 */
/** Scratch for `goalDays`: goalStatus runs to completion, so one is enough. */
const DAYS = /* @__PURE__ */ new Float64Array(2);

export function goalStatus(input: GoalStatusInput, options: GoalStatusOptions): GoalStatusResult {
  const percent = input?.percent;
  // Days as plain doubles, NaN when absent or invalid (asOf keeps its time of day).
  const asOf = epochMsOrNaN(options?.asOf) / MS_PER_DAY;
  goalDays(input?.startDate, input?.targetDate, DAYS);
  const start = DAYS[0]!;
  const end = DAYS[1]!;
  const expected = expectedOnDays(asOf, start, end);
  const status = statusOnDays(percent, input?.hasMeasurement !== false, asOf, start, end, options);
  return {
    status,
    exceeded: status !== 'not_started' && (percent as number) > 100,
    expectedPercent: Number.isNaN(expected) ? null : expected,
  };
}
