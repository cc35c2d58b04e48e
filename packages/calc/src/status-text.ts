import { formatMoney, formatNumber } from './format.js';
import type { GoalStatus } from './goal-status.js';
import type { MetricStatus } from './metric-status.js';
import type { SuccessBand } from './success-score.js';

/**
 * The words of every status, defined once for the elements and the reports (one vocabulary): a
 * goal or metric above its target reads "Exceeded" (PRD-069's "✓ Exceeded"), one at its target
 * "Achieved", in every view and format. Keyed by the wire's status names, plus `exceeded` and
 * `no_data` (a metric whose progress cannot be computed).
 *
 * @example
 * STATUS_TEXT.on_track; // 'On track'
 */
export const STATUS_TEXT = /* @__PURE__ */ Object.freeze({
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  achieved: 'Achieved',
  exceeded: 'Exceeded',
  missed: 'Missed',
  not_met: 'Not met',
  planned: 'Planned',
  no_data: 'No data',
} as const);

/** Success score band words (PRD-069: "85/100 (Strong)"). */
export const BAND_TEXT: Readonly<Record<SuccessBand, string>> = /* @__PURE__ */ Object.freeze({
  strong: 'Strong',
  moderate: 'Moderate',
  weak: 'Weak',
});

/**
 * A customer segment's words by its wire name, for the elements and the reports alike.
 *
 * @example
 * SEGMENT_TEXT.mid_market; // 'Mid-market'
 */
export const SEGMENT_TEXT: Readonly<Record<'enterprise' | 'mid_market' | 'smb', string>> =
  /* @__PURE__ */ Object.freeze({
    enterprise: 'Enterprise',
    mid_market: 'Mid-market',
    smb: 'SMB',
  });

/** The words of the default period `all` (from the contract start). */
export const PERIOD_ALL_TEXT = 'All time';

/**
 * A reporting period in words: `all` reads "All time"; a quarter, month or year (`2026-Q2`,
 * `2026-04`, `2026`) is already readable and stays as it is.
 *
 * @example
 * periodText('all'); // 'All time'
 */
export function periodText(period: string): string {
  return period === 'all' ? PERIOD_ALL_TEXT : period;
}

/** A segment in words, or the wire name itself when it is not one the kit knows. */
export function segmentText(segment: string): string {
  return (SEGMENT_TEXT as Readonly<Record<string, string>>)[segment] ?? segment;
}

/** A milestone's status as the wire names it. */
export type MilestoneStatusName = 'planned' | 'achieved' | 'at_risk' | 'missed';

/**
 * A goal status in words: an achieved goal whose progress is above 100 % (`exceeded`, TC-165.1's
 * 104 %) reads "Exceeded", as in PRD-069's goals table; otherwise the status's own word.
 *
 * @example
 * goalStatusText('achieved', true); // 'Exceeded'
 * goalStatusText('achieved'); // 'Achieved'
 * goalStatusText('at_risk', true); // 'At risk' (only an achieved goal is exceeded)
 */
export function goalStatusText(status: GoalStatus, exceeded?: boolean | null): string {
  return status === 'achieved' && exceeded === true ? STATUS_TEXT.exceeded : STATUS_TEXT[status];
}

/**
 * A metric status in words, the same words as a goal's: `exceeding` (progress at or above its
 * threshold, 100 % by default) reads "Exceeded" above 100 % and "Achieved" at it; `null` (no
 * progress) reads "No data".
 *
 * @example
 * metricStatusText('exceeding', 140); // 'Exceeded'
 * metricStatusText('exceeding', 100); // 'Achieved'
 * metricStatusText('on_track', 92); // 'On track'
 * metricStatusText(null); // 'No data'
 */
export function metricStatusText(status: MetricStatus | null, percent?: number | null): string {
  if (status === null) return STATUS_TEXT.no_data;
  if (status !== 'exceeding') return STATUS_TEXT[status];
  return typeof percent === 'number' && percent <= 100
    ? STATUS_TEXT.achieved
    : STATUS_TEXT.exceeded;
}

/**
 * A milestone status in words.
 *
 * @example
 * milestoneStatusText('planned'); // 'Planned'
 */
export function milestoneStatusText(status: MilestoneStatusName): string {
  return STATUS_TEXT[status];
}

/** Goal counts as the executive summary reads them. */
export interface SummaryCounts {
  readonly total: number;
  readonly achieved: number;
  readonly onTrack: number;
}

/**
 * Goals "on track or exceeded" in PRD-069's executive summary: on track + achieved (an achieved
 * goal is at or above its target, so PRD-069's "✓ Achieved 100 %" counts with "✓ Exceeded").
 *
 * @example
 * goalsOnTrackOrExceeded({ total: 5, achieved: 2, onTrack: 2 }); // 4
 */
export function goalsOnTrackOrExceeded(counts: SummaryCounts): number {
  return counts.achieved + counts.onTrack;
}

/**
 * One line of the executive summary: the figure (shown strong) and the words after it. The
 * dashboard and every report format build their summary from these, so it reads the same.
 */
export interface SummaryLine {
  readonly figure: string;
  readonly words: string;
}

/**
 * PRD-069's executive summary line about goals: "4 of 5 goals on track or exceeded".
 *
 * @example
 * const l = onTrackSummaryLine(4, 5); // { figure: '4 of 5', words: 'goals on track or exceeded' }
 * `${l.figure} ${l.words}`; // '4 of 5 goals on track or exceeded'
 */
export function onTrackSummaryLine(
  onTrackOrExceeded: number,
  total: number,
  options?: { readonly locale?: string | undefined },
): SummaryLine {
  const n = (v: number) => formatNumber(v, { locale: options?.locale, maximumFractionDigits: 0 });
  return { figure: `${n(onTrackOrExceeded)} of ${n(total)}`, words: 'goals on track or exceeded' };
}

/**
 * PRD-069's executive summary line about value: "$245,000 estimated annual value delivered".
 *
 * @example
 * valueSummaryLine(245_000, 'USD'); // { figure: '$245,000', words: 'estimated annual value delivered' }
 */
export function valueSummaryLine(
  annualValue: number,
  currency: string,
  options?: { readonly locale?: string | undefined },
): SummaryLine {
  return {
    figure: formatMoney(annualValue, currency, { locale: options?.locale }),
    words: 'estimated annual value delivered',
  };
}

/**
 * PRD-069's executive summary line about risk: "1 goal at risk", "2 goals at risk".
 *
 * @example
 * atRiskSummaryLine(1); // { figure: '1', words: 'goal at risk' }
 */
export function atRiskSummaryLine(
  atRisk: number,
  options?: { readonly locale?: string | undefined },
): SummaryLine {
  return {
    figure: formatNumber(atRisk, { locale: options?.locale, maximumFractionDigits: 0 }),
    words: atRisk === 1 ? 'goal at risk' : 'goals at risk',
  };
}
