import { defineMessages, fillText, messagesFor } from './catalogue.js';
import { formatMoney, formatNumber } from './format.js';
import type { GoalStatus } from './goal-status.js';
import type { HealthBand } from './health-score.js';
import type { MetricStatus } from './metric-status.js';
import {
  RECOMMENDATION_ACTIONS,
  type RecommendationCause,
  type RecommendationCode,
} from './recommend.js';
import {
  BAND_TEXT,
  type MilestoneStatusName,
  PERIOD_ALL_TEXT,
  SEGMENT_TEXT,
  STATUS_TEXT,
  type SummaryLine,
} from './status-text.js';
import type { SuccessBand } from './success-score.js';

/** Status words (status-text.ts's English), as the catalogue's `calc.status` domain. */
export const STATUS_MESSAGES = defineMessages('calc.status', STATUS_TEXT);
/** Success score band words, domain `calc.band`. */
export const BAND_MESSAGES = defineMessages('calc.band', BAND_TEXT);
/** Health band words (seed 002), domain `calc.health-band`. */
export const HEALTH_BAND_MESSAGES = defineMessages('calc.health-band', {
  excellent: 'Excellent',
  good: 'Good',
  at_risk: 'At risk',
  critical: 'Critical',
} satisfies Record<HealthBand, string>);
/** Segment words, domain `calc.segment`. */
export const SEGMENT_MESSAGES = defineMessages('calc.segment', SEGMENT_TEXT);
/** The executive summary's lines (PRD-069) and the period `all`, domain `calc.summary`. */
export const SUMMARY_MESSAGES = defineMessages('calc.summary', {
  periodAll: PERIOD_ALL_TEXT,
  onTrackFigure: '{done} of {total}',
  onTrackWords: 'goals on track or exceeded',
  valueWords: 'estimated annual value delivered',
  atRiskWords: { one: 'goal at risk', other: 'goals at risk' },
});
/**
 * Recommended actions by code and the facts behind them (recommend.ts's English), domain
 * `calc.recommendation`.
 */
export const RECOMMENDATION_MESSAGES = defineMessages('calc.recommendation', {
  ...RECOMMENDATION_ACTIONS,
  lagging: '{metric} at {percent} % of target',
  laggingNoPercent: '{metric} is lagging',
  noValue: '{metric} has no current value',
  atRisk: '{goal} is at risk',
  missed: '{goal} passed its target date unachieved',
  metricN: 'Metric {n}',
  theGoal: 'The goal',
  /** Between two causes of one action. */
  separator: '; ',
});

/**
 * One cause as the API sends it (`RecommendationCause`): {@link RecommendationCause}'s fields,
 * each optional on the wire.
 */
export interface RecommendationCauseWords {
  readonly kind: RecommendationCause['kind'] | (string & {});
  readonly metric?: string | null | undefined;
  readonly index?: number | undefined;
  readonly percent?: number | null | undefined;
  readonly goal?: string | null | undefined;
}

/** A recommendation as the API sends it: `code` and `causes` say it in any language. */
export interface RecommendationWords {
  readonly action: string;
  readonly reason: string;
  readonly code?: RecommendationCode | (string & {}) | undefined;
  readonly causes?: readonly RecommendationCauseWords[] | undefined;
}

/**
 * The kit's shared words in one language: the status, band and segment words and the executive
 * summary's lines, the same on the dashboard and in every report format. English matches the
 * main entry's `goalStatusText`, `STATUS_TEXT` and the summary-line functions word for word.
 */
export interface Vocabulary {
  /** The locale these words are in (undefined: English). */
  readonly locale: string | undefined;
  /** A goal status; an achieved goal above 100 % reads "Exceeded". */
  goalStatus(status: GoalStatus, exceeded?: boolean | null): string;
  /** A metric status (see the main entry's `metricStatusText`). */
  metricStatus(status: MetricStatus | null, percent?: number | null): string;
  /** A milestone status. */
  milestoneStatus(status: MilestoneStatusName): string;
  /** Any status by its wire name (`on_track`, `no_data`…); an unknown name as it is. */
  status(name: string): string;
  /** A success score band. */
  band(band: SuccessBand): string;
  /** A health band. */
  healthBand(band: HealthBand): string;
  /** A segment by its wire name; an unknown one as it is. */
  segment(segment: string): string;
  /** A reporting period: `all` in words, a quarter, month or year as it is. */
  period(period: string): string;
  /** "4 of 5" + "goals on track or exceeded". */
  onTrackLine(onTrackOrExceeded: number, total: number): SummaryLine;
  /** "$245,000" + "estimated annual value delivered". */
  valueLine(annualValue: number, currency: string): SummaryLine;
  /** "1" + "goal at risk". */
  atRiskLine(atRisk: number): SummaryLine;
  /**
   * A recommended action and its reason in this language, from its `code` and `causes`; one
   * without them (or with a code this version does not know) as the API worded it.
   */
  recommendation(r: RecommendationWords): { action: string; reason: string };
}

/**
 * The shared words in `locale`, from the registered translations (English where none is).
 *
 * @example
 * import { registerTranslation, vocabulary } from '@cscx/success-calc/i18n';
 * import { deDE } from '@cscx/success-calc/locales/de-DE';
 * registerTranslation(deDE);
 * vocabulary('de-DE').goalStatus('at_risk'); // 'Gefährdet'
 * vocabulary().onTrackLine(4, 5); // { figure: '4 of 5', words: 'goals on track or exceeded' }
 */
export function vocabulary(locale?: string): Vocabulary {
  // Not memoised itself: messagesFor is, and a translation registered later must show.
  const S = messagesFor(STATUS_MESSAGES, locale);
  const B = messagesFor(BAND_MESSAGES, locale);
  const H = messagesFor(HEALTH_BAND_MESSAGES, locale);
  const G = messagesFor(SEGMENT_MESSAGES, locale) as Readonly<Record<string, string>>;
  const M = messagesFor(SUMMARY_MESSAGES, locale);
  const statuses = S as Readonly<Record<string, string>>;
  const n = (v: number) => formatNumber(v, { locale, maximumFractionDigits: 0 });
  return {
    locale,
    goalStatus: (status, exceeded) =>
      status === 'achieved' && exceeded === true ? S.exceeded : S[status],
    metricStatus: (status, percent) => {
      if (status === null) return S.no_data;
      if (status !== 'exceeding') return S[status];
      return typeof percent === 'number' && percent <= 100 ? S.achieved : S.exceeded;
    },
    milestoneStatus: (status) => S[status],
    status: (name) => statuses[name] ?? name,
    band: (band) => B[band],
    healthBand: (band) => H[band],
    segment: (segment) => G[segment] ?? segment,
    period: (period) => (period === 'all' ? M.periodAll : period),
    onTrackLine: (done, total) => ({
      figure: fillText(M.onTrackFigure, { done: n(done), total: n(total) }, locale),
      words: fillText(M.onTrackWords, {}, locale),
    }),
    valueLine: (annualValue, currency) => ({
      figure: formatMoney(annualValue, currency, { locale }),
      words: fillText(M.valueWords, {}, locale),
    }),
    atRiskLine: (atRisk) => ({
      figure: n(atRisk),
      words: fillText(M.atRiskWords, { count: atRisk }, locale),
    }),
    recommendation: (r) => recommendationWords(r, locale),
  };
}

/** {@link Vocabulary.recommendation}. */
function recommendationWords(
  r: RecommendationWords,
  locale: string | undefined,
): { action: string; reason: string } {
  const R = messagesFor(RECOMMENDATION_MESSAGES, locale) as Readonly<Record<string, string>>;
  const code = r.code;
  const action =
    typeof code === 'string' && Object.hasOwn(RECOMMENDATION_ACTIONS, code) ? R[code] : undefined;
  if (action === undefined || !Array.isArray(r.causes) || r.causes.length === 0) {
    return { action: r.action, reason: r.reason };
  }
  const fill = (m: string | undefined, values: Record<string, string>) =>
    fillText(m ?? '', values, locale);
  const metric = (c: RecommendationCauseWords) =>
    c.metric ?? fill(R.metricN, { n: String((c.index ?? 0) + 1) });
  const goal = (c: RecommendationCauseWords) => c.goal ?? fill(R.theGoal, {});
  const parts: string[] = [];
  for (const c of r.causes) {
    if (c.kind === 'missed') parts.push(fill(R.missed, { goal: goal(c) }));
    else if (c.kind === 'at_risk') parts.push(fill(R.atRisk, { goal: goal(c) }));
    else if (c.kind === 'no_value') parts.push(fill(R.noValue, { metric: metric(c) }));
    else if (c.kind === 'lagging') {
      parts.push(
        typeof c.percent === 'number'
          ? // A whole number, as the English reason writes it ("-1250 %", no grouping).
            fill(R.lagging, { metric: metric(c), percent: String(c.percent) })
          : fill(R.laggingNoPercent, { metric: metric(c) }),
      );
    }
    // A fact this version cannot word: the reason as the API wrote it, the action translated.
    else return { action, reason: r.reason };
  }
  const reason = parts.join(R.separator ?? '; ');
  return { action, reason };
}
