import { benchmark } from './benchmark.js';
import { defineMessages, messagesFor } from './catalogue.js';
import { failureText, listText, type Say, sayIn } from './explain-text.js';
import { formatMoney, formatMultiplier, formatNumber } from './format.js';
import { type GoalStatusInput, type GoalStatusOptions, goalStatus } from './goal-status.js';
import { type HealthOutcomesInput, healthOutcomes } from './health-outcomes.js';
import {
  DEFAULT_HEALTH_BAND_MINIMUMS,
  DEFAULT_HEALTH_WEIGHTS,
  type HealthBandMinimums,
  type HealthComponents,
  type HealthWeights,
  healthScore,
} from './health-score.js';
import type { HealthTrigger } from './health-triggers.js';
import { DEFAULT_METRIC_STATUS_THRESHOLDS, metricStatus } from './metric-status.js';
import { type MetricProgressInput, metricProgress } from './progress.js';
import { isFiniteNumber } from './result.js';
import { roi } from './roi.js';
import { accountRollup } from './rollup.js';
import { successScore } from './success-score.js';
import { forecastTargetDate, type TrendOptions, type TrendPoint, trend } from './trend.js';
import { type DriverValue, measuredChange, type ValueDriver } from './value.js';

/**
 * Stable id of every formula calc explains. The wire (`Explanation.formula`) carries these ids,
 * so they never change meaning; a new formula gets a new id.
 */
export type FormulaId =
  | 'metric_progress.baseline_relative'
  | 'metric_progress.ratio'
  | 'metric_status'
  | 'trend.least_squares'
  | 'trend.change_pct'
  | 'forecast.least_squares'
  | 'forecast.latest'
  | 'goal_progress.weighted_mean'
  | 'goal_status'
  | 'goal_status.expected_pct'
  | 'value.time_saved'
  | 'value.stated_amount'
  | 'value.sum'
  | 'value.total'
  | 'roi.multiplier'
  | 'roi.percent'
  | 'roi.net_return'
  | 'success_score'
  | 'goal_counts.achievement_rate'
  | 'goal_counts.count'
  | 'benchmark.value'
  | 'benchmark.peer_average'
  | 'benchmark.percentile'
  | 'health_score'
  | 'health_outcomes'
  | 'health_trigger.score_drop'
  | 'health_trigger.entered_at_risk'
  | 'health_trigger.entered_critical'
  | 'health_trigger.consecutive_decline'
  | 'kpi.nrr'
  | 'kpi.grr'
  | 'kpi.churn_rate'
  | 'kpi.clv'
  | 'kpi.cac_payback'
  | 'kpi.csat'
  | 'kpi.csat_percent'
  | 'kpi.nps'
  | 'kpi.ces'
  | 'kpi.fcr'
  | 'kpi.sla_compliance'
  | 'kpi.aht'
  | 'kpi.ttr'
  | 'rollup.value'
  | 'rollup.roi_weighted'
  | 'rollup.score_weighted';

/** A formula of the registry: its general form in words and the seed rule it implements. */
export interface Formula {
  /** The formula without numbers, one English sentence. */
  readonly words: string;
  /** The seed rule or test case it implements (e.g. "PRD-165 7.2", "TC-165.1"). */
  readonly rule: string;
}

/**
 * The one registry of formula texts (DESIGN.md "Formulas": no formula text is written twice).
 * The API's explanations, the elements' disclosures and the reports' notes all read it.
 *
 * @example
 * FORMULAS['roi.multiplier'].words; // "ROI multiplier = total value / investment."
 */
export const FORMULAS: Readonly<Record<FormulaId, Formula>> = {
  'metric_progress.baseline_relative': {
    words: 'Progress = (current − baseline) / (target − baseline) × 100.',
    rule: 'TC-165.1',
  },
  'metric_progress.ratio': {
    words: 'Progress = current / target × 100 (target / current when lower is better).',
    rule: 'PRD-069',
  },
  metric_status: {
    words: `Status: exceeding at ${DEFAULT_METRIC_STATUS_THRESHOLDS.exceeding} % or more, on track at ${DEFAULT_METRIC_STATUS_THRESHOLDS.onTrack} %, at risk at ${DEFAULT_METRIC_STATUS_THRESHOLDS.atRisk} %, else not met.`,
    rule: 'PRD-165 6.1',
  },
  'trend.least_squares': {
    words: 'Trend = slope of the least-squares line through the measurements, per day.',
    rule: 'PRD-069',
  },
  'trend.change_pct': {
    words: 'Change = (last − first) / |first| × 100, from the first to the last measurement.',
    rule: 'PRD-069',
  },
  'forecast.least_squares': {
    words: 'Forecast = the day the least-squares line of the measurements reaches the target.',
    rule: 'PRD-069',
  },
  'forecast.latest': {
    words:
      "A goal's forecast = the latest of its metrics' forecasts (none while any metric has none).",
    rule: 'PRD-069',
  },
  'goal_progress.weighted_mean': {
    words: "Goal progress = Σ (metric progress × weight) / Σ weight over the goal's metrics.",
    rule: 'PRD-165 6.1',
  },
  goal_status: {
    words:
      'Status: achieved at 100 % or more; missed after the target date; on track at expected − 10 points or more (75 % without dates); else at risk; not started before the start date or without a measurement.',
    rule: 'PRD-165 6.1',
  },
  'goal_status.expected_pct': {
    words: 'Expected = days elapsed since the start date / days from start to target × 100.',
    rule: 'PRD-165 6.1',
  },
  'value.time_saved': {
    words:
      'Time value = hours per unit × units per month × hourly rate, × 12 for the year (a linked metric gives the hours: baseline − current).',
    rule: 'PRD-165 7.2',
  },
  'value.stated_amount': {
    words: 'Value = the stated monthly amount × 12, or the stated annual amount.',
    rule: 'PRD-165 7.2',
  },
  'value.sum': {
    words: 'Sum over the value drivers of measured goals (unmeasured goals add nothing).',
    rule: 'PRD-165 7.2',
  },
  'value.total': {
    words: 'Total value = time value + cost reduction + revenue impact, annualised.',
    rule: 'PRD-165 7.2',
  },
  'roi.multiplier': { words: 'ROI multiplier = total value / investment.', rule: 'TC-165.2' },
  'roi.percent': { words: 'ROI = total value / investment × 100.', rule: 'PRD-069' },
  'roi.net_return': {
    words: 'Net return = (total value − investment) / investment × 100.',
    rule: 'PRD-069',
  },
  success_score: {
    words:
      'Success score = Σ (goal progress capped to 0..100 × weight) / Σ weight; strong at 80, moderate at 60.',
    rule: 'PRD-069',
  },
  'goal_counts.achievement_rate': {
    words: 'Achievement rate = goals achieved / goals × 100.',
    rule: 'PRD-165 6.1',
  },
  'goal_counts.count': {
    words: 'Count of the goals with the given statuses (status as of the period end).',
    rule: 'PRD-165 6.1',
  },
  'benchmark.value': {
    words: "The customer's own figure over its whole contract (period `all`), as its peers' are.",
    rule: 'PRD-069',
  },
  'benchmark.peer_average': {
    words: 'Peer average = mean over the other customers of the same segment.',
    rule: 'PRD-069',
  },
  'benchmark.percentile': {
    words: 'Percentile = (peers below + half the ties) / peers × 100.',
    rule: 'PRD-069',
  },
  health_score: {
    words: `Health score = (usage × ${DEFAULT_HEALTH_WEIGHTS.usage} + outcomes × ${DEFAULT_HEALTH_WEIGHTS.outcomes} + relationship × ${DEFAULT_HEALTH_WEIGHTS.relationship} + growth × ${DEFAULT_HEALTH_WEIGHTS.growth}) / Σ weights, each component 0..100 (the segment's model may change the weights); excellent at ${DEFAULT_HEALTH_BAND_MINIMUMS.excellent}, good at ${DEFAULT_HEALTH_BAND_MINIMUMS.good}, at risk at ${DEFAULT_HEALTH_BAND_MINIMUMS.at_risk}, else critical.`,
    rule: 'Seed 002 Composite Health Score Model',
  },
  health_outcomes: {
    words:
      'Business outcomes = mean of the known parts: goal achievement (success score), ROI realised (min(ROI multiplier, 1) × 100), milestones completed (achieved / due × 100).',
    rule: 'Seed 002 Business Outcomes Scoring',
  },
  'health_trigger.score_drop': {
    words:
      'Score drop: the score fell by more than the threshold (20 points) from one observation to the next.',
    rule: 'Seed 002 Automated Response Triggers',
  },
  'health_trigger.entered_at_risk': {
    words: 'Orange zone entry: the band became at risk from excellent or good.',
    rule: 'Seed 002 Automated Response Triggers',
  },
  'health_trigger.entered_critical': {
    words: 'Red zone entry: the band became critical from any other band.',
    rule: 'Seed 002 Automated Response Triggers',
  },
  'health_trigger.consecutive_decline': {
    words: 'Consecutive decline: the score fell in each of the last n observations (3 by default).',
    rule: 'Seed 002 Automated Response Triggers',
  },
  'kpi.nrr': {
    words: 'NRR = (starting ARR + expansion − contraction − churned) / starting ARR × 100.',
    rule: 'Seed 003 §3 NRR',
  },
  'kpi.grr': {
    words: 'GRR = (starting ARR − contraction − churned) / starting ARR × 100.',
    rule: 'Seed 003 §3 GRR',
  },
  'kpi.churn_rate': {
    words: 'Churn rate = customers lost during the period / customers at its start × 100.',
    rule: 'Seed 003 §4 Churn',
  },
  'kpi.clv': {
    words: 'CLV = average revenue per customer × gross margin / churn rate (same period).',
    rule: 'Seed 002 Financial Performance Metrics',
  },
  'kpi.cac_payback': {
    words:
      'CAC payback = acquisition cost / (monthly recurring revenue × gross margin %), in months.',
    rule: 'Seed 002 Financial Performance Metrics',
  },
  'kpi.csat': {
    words: 'CSAT = mean answer on the 1-5 scale.',
    rule: 'Seed 003 §1 CSAT',
  },
  'kpi.csat_percent': {
    words: 'CSAT % = satisfied responses (4 or 5) / all responses × 100.',
    rule: 'Seed 003 §1 CSAT',
  },
  'kpi.nps': {
    words: 'NPS = (promoters (9-10) − detractors (0-6)) / responses × 100.',
    rule: 'Seed 004 NPS',
  },
  'kpi.ces': { words: 'CES = mean answer on the 1-7 scale.', rule: 'Seed 003 §8 CES' },
  'kpi.fcr': {
    words: 'FCR = tickets resolved on first contact / all tickets × 100.',
    rule: 'Seed 003 §2 FCR',
  },
  'kpi.sla_compliance': {
    words: 'SLA compliance = tickets meeting their SLA / all tickets × 100.',
    rule: 'Seed 003 §7 SLA',
  },
  'kpi.aht': {
    words: 'AHT = total handle minutes / tickets handled.',
    rule: 'Seed 003 §5 AHT',
  },
  'kpi.ttr': {
    words: 'TTR = total hours to resolution / tickets resolved, per severity.',
    rule: 'Seed 003 §6 TTR',
  },
  'rollup.value': {
    words:
      "A parent's value in one currency = Σ delivered value of it and its children in that currency; never added across currencies.",
    rule: 'Issue 16',
  },
  'rollup.roi_weighted': {
    words:
      "A parent's ROI = Σ value / Σ investment over it and its children with an investment above 0 (their ROIs weighted by investment), per currency.",
    rule: 'Issue 16, TC-165.2',
  },
  'rollup.score_weighted': {
    words:
      "A parent's success score = Σ (score × investment) / Σ investment over it and its children with a score and an investment above 0, per currency.",
    rule: 'Issue 16, PRD-069',
  },
};

/**
 * The formulas' words (the registry's English) as catalogue messages, domain `calc.formula`,
 * keyed by {@link FormulaId}: the shipped locales translate each one.
 */
export const FORMULA_MESSAGES = defineMessages(
  'calc.formula',
  Object.fromEntries(Object.entries(FORMULAS).map(([id, f]) => [id, f.words])) as Record<
    FormulaId,
    string
  >,
);

/**
 * A formula's words in `locale` (English {@link FORMULAS} words when unset or not registered).
 *
 * @example
 * formulaWords('goal_counts.achievement_rate'); // 'Achievement rate = goals achieved / goals × 100.'
 * formulaWords('goal_counts.achievement_rate', 'de-DE'); // German once de-DE is registered
 */
export function formulaWords(id: FormulaId, locale?: string): string {
  const words = messagesFor(FORMULA_MESSAGES, locale)[id];
  return typeof words === 'string' ? words : FORMULAS[id].words;
}

export * from './explain-text.js';

/** One input of a derivation: its name, its value and, where known, where it comes from. */
export interface DerivationInput {
  readonly name: string;
  readonly value: number | string | null;
  /** JSON Pointer (RFC 6901) of the input in the response it was derived for. */
  readonly pointer?: string;
}

/** How one figure was computed: the formula, in words with the numbers, its inputs, its rule. */
export interface Derivation {
  readonly formula: FormulaId;
  /** One English sentence with the numbers filled in; a reason when not computable. */
  readonly text: string;
  readonly inputs: readonly DerivationInput[];
  readonly rule: string;
  /** The figure itself (as the API shows it), `null` when not computable. */
  readonly result: number | string | null;
}

/** Where each named input comes from: JSON Pointers, by input name. */
export type Pointers = Readonly<Record<string, string | undefined>>;

/** The inputs of a derivation as name-value pairs, before {@link derivation} cleans them. */
export type Raw = readonly (readonly [string, number | string | null | undefined])[];

/** Builds a {@link Derivation}: inputs cleaned (non-finite and undefined become null), pointers attached, the formula's rule filled in. */
export function derivation(
  formula: FormulaId,
  text: string,
  result: number | string | null,
  raw: Raw,
  pointers: Pointers | undefined,
): Derivation {
  const inputs: DerivationInput[] = [];
  for (const [name, v] of raw) {
    const value = v === undefined || (typeof v === 'number' && !isFiniteNumber(v)) ? null : v;
    const pointer = pointers?.[name];
    inputs.push(pointer === undefined ? { name, value } : { name, value, pointer });
  }
  return { formula, text, inputs, rule: FORMULAS[formula].rule, result };
}

const n = (v: number | null | undefined, locale?: string): string =>
  formatNumber(v, { maximumFractionDigits: 2, locale }).replace('-', '−');
const pct = (v: number | null | undefined, locale?: string): string => `${n(v, locale)} %`;
const money = (v: number, currency: string, locale?: string): string =>
  formatMoney(v, currency, { locale }).replace('-', '−');

/** At most this many terms are written out; the rest are counted, so a text stays one sentence. */
const MAX_TERMS = 12;

function joinTerms(parts: readonly string[], sep: string, say: Say): string {
  return parts.length <= MAX_TERMS
    ? parts.join(sep)
    : `${parts.slice(0, MAX_TERMS - 2).join(sep)}${sep}${say('more', { count: parts.length - MAX_TERMS + 2 })}`;
}

/**
 * Metric progress with its derivation (baseline-relative by default, PRD-165 TC-165.1).
 *
 * @example
 * explainMetricProgress({ baseline: 24, target: 12, current: 11.5 }).text;
 * // "(11.5 − 24) / (12 − 24) × 100 = 104.17 %"
 */
export function explainMetricProgress(
  input: MetricProgressInput,
  pointers?: Pointers,
  method?: 'baseline' | 'ratio',
  locale?: string,
): Derivation {
  const r = metricProgress(input, { method });
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  const { baseline, target, current } = input;
  const raw: Raw = [
    ['baseline', baseline],
    ['target', target],
    ['current', current],
  ];
  if (method === 'ratio') {
    const lower = r.ok && r.direction === 'lower_is_better';
    const text = r.ok
      ? say('progressRatio', {
          numerator: f(lower ? target : current),
          denominator: f(lower ? current : target),
          percent: pct(r.percent, locale),
        })
      : failureText(r.message, locale);
    return derivation('metric_progress.ratio', text, r.ok ? r.percent : null, raw, pointers);
  }
  const text = r.ok
    ? `(${f(current)} − ${f(baseline)}) / (${f(target)} − ${f(baseline)}) × 100 = ${pct(r.percent, locale)}`
    : failureText(r.message, locale);
  return derivation(
    'metric_progress.baseline_relative',
    text,
    r.ok ? r.percent : null,
    raw,
    pointers,
  );
}

/**
 * A metric's status from its progress, with its derivation.
 *
 * @example
 * explainMetricStatus(104.17).text; // "104.17 % ≥ 100 %: exceeding"
 */
export function explainMetricStatus(
  percent: number | null,
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const s = metricStatus(percent);
  const d = DEFAULT_METRIC_STATUS_THRESHOLDS;
  const say = sayIn(locale);
  // The thresholds are whole numbers, written as they are in every language.
  const values = {
    percent: pct(percent ?? 0, locale),
    exceeding: String(d.exceeding),
    onTrack: String(d.onTrack),
    atRisk: String(d.atRisk),
  };
  const text =
    s === null
      ? say('noStatus')
      : say(
          s === 'exceeding'
            ? 'metricExceeding'
            : s === 'on_track'
              ? 'metricOnTrack'
              : s === 'at_risk'
                ? 'metricAtRisk'
                : 'metricNotMet',
          values,
        );
  return derivation('metric_status', text, s, [['progress', percent]], pointers);
}

/**
 * The least-squares trend of a metric's measurements: its slope per day and its direction.
 *
 * @example
 * explainTrend([{ at: '2026-01-01', value: 24 }, { at: '2026-01-11', value: 14 }], { direction: 'lower_is_better' }, 'slope').text;
 * // "Least-squares line through 2 measurements over 10 days: slope −1 per day (improving)."
 */
export function explainTrend(
  points: readonly TrendPoint[],
  options: TrendOptions,
  figure: 'slope' | 'direction' | 'change_pct',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  if (figure === 'change_pct') {
    const first = points[0];
    const last = points.at(-1);
    const ends = first && last ? trend([first, last], options) : null;
    const ok = ends?.ok && ends.changePercent !== undefined ? ends : null;
    const text = ok
      ? `(${f(ok.last)} − ${f(ok.first)}) / |${f(ok.first)}| × 100 = ${pct(ok.changePercent, locale)}`
      : say('changeNone');
    return derivation(
      'trend.change_pct',
      text,
      ok?.changePercent ?? null,
      [
        ['first', first?.value],
        ['last', last?.value],
      ],
      pointers,
    );
  }
  const t = trend(points, options);
  const text = t.ok
    ? say('trendLine', {
        count: t.count,
        days: f(t.spanDays),
        slope: f(t.slopePerDay),
        direction: say(`direction_${t.direction}`),
      })
    : failureText(t.message, locale);
  const result = t.ok ? (figure === 'slope' ? t.slopePerDay : t.direction) : null;
  return derivation(
    'trend.least_squares',
    text,
    result,
    [
      ['measurements', t.ok ? t.count : points.length],
      ['direction', options.direction],
    ],
    pointers,
  );
}

/**
 * The forecast date a metric reaches its target, with its derivation.
 *
 * @example
 * explainForecast([{ at: '2026-01-01', value: 24 }, { at: '2026-01-11', value: 14 }], 12, 'lower_is_better').result;
 * // "2026-01-13"
 */
export function explainForecast(
  points: readonly TrendPoint[],
  target: number,
  direction: TrendOptions['direction'],
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const date = forecastTargetDate(points, { target, direction });
  const say = sayIn(locale);
  const values = { count: points.length, target: n(target, locale) };
  const text = date === null ? say('forecastNone', values) : say('forecastOn', { ...values, date });
  return derivation(
    'forecast.least_squares',
    text,
    date,
    [
      ['measurements', points.length],
      ['target', target],
    ],
    pointers,
  );
}

function improvement(
  m: {
    readonly baseline?: number | null | undefined;
    readonly current?: number | null | undefined;
  },
  lower: boolean,
  change: number,
  say: Say,
  locale: string | undefined,
): string {
  const raw = lower ? (m.baseline ?? 0) - (m.current ?? 0) : (m.current ?? 0) - (m.baseline ?? 0);
  return raw > 0
    ? say('measuredChange', { change: n(change, locale) })
    : say('noImprovement', { change: n(raw, locale) });
}

/** One term of a weighted mean: a value, its weight, and where each comes from. */
export interface WeightedTerm {
  readonly value: number | null;
  readonly weight: number;
  readonly pointer?: string | undefined;
}

function weighted(
  terms: readonly WeightedTerm[],
  cap: boolean,
  say: Say,
  locale: string | undefined,
): {
  /** "(a × w + …) / Σw = mean %", and how many were left out. */
  text: string;
  /** The same with the mean as a plain number (a score "of 100"). */
  plain: string;
  raw: Raw;
  pointers: Record<string, string | undefined>;
  mean: number | null;
} {
  const used = terms.filter((t) => isFiniteNumber(t.value));
  const raw: [string, number | null][] = [];
  const pointers: Record<string, string | undefined> = {};
  let sum = 0;
  let weights = 0;
  const parts: string[] = [];
  used.forEach((t, i) => {
    const v = cap ? Math.min(100, Math.max(0, t.value as number)) : (t.value as number);
    sum += v * t.weight;
    weights += t.weight;
    parts.push(`${n(v, locale)} × ${n(t.weight, locale)}`);
    raw.push([`progress[${i}]`, t.value], [`weight[${i}]`, t.weight]);
    pointers[`progress[${i}]`] = t.pointer;
  });
  const mean = weights > 0 ? sum / weights : null;
  const left =
    terms.length > used.length ? ` ${say('leftOut', { count: terms.length - used.length })}` : '';
  const expr = `(${joinTerms(parts, ' + ', say)}) / ${n(weights, locale)} = `;
  const text = mean === null ? '' : `${expr}${pct(mean, locale)}${left}`;
  const plain = mean === null ? '' : `${expr}${n(mean, locale)}${left}`;
  return { text, plain, raw, pointers, mean };
}

/**
 * Goal progress, the weighted mean of its metrics' progress, with its derivation.
 *
 * @example
 * explainGoalProgress([{ value: 104.17, weight: 1 }, { value: 50, weight: 1 }]).text;
 * // "(104.17 × 1 + 50 × 1) / 2 = 77.09 %"
 */
export function explainGoalProgress(terms: readonly WeightedTerm[], locale?: string): Derivation {
  const say = sayIn(locale);
  const w = weighted(terms, false, say, locale);
  const text = w.mean === null ? say('noProgress') : w.text;
  return derivation('goal_progress.weighted_mean', text, w.mean, w.raw, w.pointers);
}

/**
 * PRD-069's success score from each goal's metric-capped progress and weight, with its band.
 *
 * @example
 * explainSuccessScore([{ value: 100, weight: 1 }, { value: 80, weight: 1 }], 'score').text;
 * // "(100 × 1 + 80 × 1) / 2 = 90 of 100: strong"
 */
export function explainSuccessScore(
  terms: readonly WeightedTerm[],
  figure: 'score' | 'band',
  locale?: string,
): Derivation {
  const s = successScore(terms.map((t) => ({ percent: t.value, weight: t.weight })));
  const say = sayIn(locale);
  const w = weighted(terms, true, say, locale);
  const text = s.ok
    ? say('successScore', { formula: w.plain, band: say(`band_${s.band}`) })
    : failureText(s.message, locale);
  const result = s.ok ? (figure === 'score' ? s.score : s.band) : null;
  return derivation('success_score', text, result, w.raw, w.pointers);
}

/**
 * A goal's status, or its expected progress, with the rule that decided it.
 *
 * @example
 * explainGoalStatus({ percent: 104.17, startDate: '2026-01-01', targetDate: '2026-06-30' }, { asOf: '2026-04-01' }, 'status').text;
 * // "104.17 % ≥ 100 %: achieved"
 */
export function explainGoalStatus(
  input: GoalStatusInput,
  options: GoalStatusOptions,
  figure: 'status' | 'expected_pct',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const s = goalStatus(input, options);
  const say = sayIn(locale);
  const e = s.expectedPercent;
  const raw: Raw = [
    ['progress', input.percent],
    ['start_date', typeof input.startDate === 'string' ? input.startDate : null],
    ['target_date', typeof input.targetDate === 'string' ? input.targetDate : null],
  ];
  if (figure === 'expected_pct') {
    const text =
      e === null
        ? say('expectedNone')
        : say('expected', {
            start: String(input.startDate),
            target: String(input.targetDate),
            percent: pct(e, locale),
          });
    return derivation('goal_status.expected_pct', text, e, raw, pointers);
  }
  const p = pct(input.percent, locale);
  const tolerance = options.tolerance ?? 10;
  const onTrack = s.status === 'on_track';
  const text =
    s.status === 'not_started'
      ? say('notStarted')
      : s.status === 'achieved'
        ? say('goalAchieved', { percent: p })
        : s.status === 'missed'
          ? say('goalMissed', { percent: p, date: String(input.targetDate) })
          : e === null
            ? say(onTrack ? 'noDatesOnTrack' : 'noDatesAtRisk', {
                percent: p,
                threshold: n(options.onTrackThreshold ?? 75, locale),
              })
            : say(onTrack ? 'expectedOnTrack' : 'expectedAtRisk', {
                percent: p,
                expected: pct(e, locale),
                tolerance: n(tolerance, locale),
              });
  return derivation('goal_status', text, s.status, raw, pointers);
}

/**
 * A value driver's annual value (or hours) with its derivation (PRD-165 7.2), from calc's
 * {@link DriverValue} of that driver.
 *
 * @example
 * explainDriver({ type: 'time_saved', hoursPerUnit: 12.5, unitsPerMonth: 150, hourlyRate: 50 },
 *   { type: 'time_saved', annualHours: 22500, annualValue: 1125000, projectedHours: 22500, projectedValue: 1125000 },
 *   'USD', 'value').text;
 * // "12.5 h × 150 per month × $50/h = $93,750/month, × 12 = $1,125,000 a year"
 */
export function explainDriver(
  driver: ValueDriver,
  value: DriverValue,
  currency: string,
  figure: 'value' | 'hours' | 'projected_value' | 'projected_hours' | 'measured_change',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  const cash = (v: number) => money(v, currency, locale);
  if (figure === 'measured_change') {
    const m = driver.metric;
    const c = value.measuredChange ?? null;
    const lower =
      m?.direction === 'lower_is_better' ||
      (m?.direction == null && m != null && isFiniteNumber(m.baseline) && m.target < m.baseline);
    const text =
      c === null || !m
        ? value.message !== undefined
          ? failureText(value.message, locale)
          : say('noMeasuredChange')
        : `${lower ? `${f(m.baseline)} − ${f(m.current)}` : `${f(m.current)} − ${f(m.baseline)}`} = ${improvement(m, lower, c, say, locale)}`;
    return derivation(
      'value.time_saved',
      text,
      c,
      [
        ['baseline', m?.baseline],
        ['current', m?.current],
      ],
      pointers,
    );
  }
  const projected = figure === 'projected_value' || figure === 'projected_hours';
  const hoursFigure = figure === 'hours' || figure === 'projected_hours';
  const result = projected
    ? hoursFigure
      ? value.projectedHours
      : value.projectedValue
    : hoursFigure
      ? value.annualHours
      : value.annualValue;
  const m = driver.metric;
  const atTarget = projected && m ? measuredChange({ ...m, current: m.target }) : null;
  const change = projected
    ? atTarget?.ok
      ? atTarget.change
      : null
    : (value.measuredChange ?? null);
  const all: Raw = [
    ['hours_per_unit', m ? change : driver.hoursPerUnit],
    ['units_per_month', driver.unitsPerMonth],
    ['hours_per_month', driver.hoursPerMonth],
    ['hourly_rate', driver.hourlyRate],
    ['monthly_amount', driver.monthlyAmount],
    ['annual_amount', driver.annualAmount],
    ['baseline', m?.baseline],
    ['current', projected ? m?.target : m?.current],
  ];
  const raw = all.filter(([, v]) => v != null);
  const time = driver.type === 'time_saved' || driver.hourlyRate != null;
  const formula: FormulaId = time ? 'value.time_saved' : 'value.stated_amount';
  const blocked = !projected && value.message !== undefined && result === 0;
  if (blocked || (m && change === null)) {
    const why =
      value.message !== undefined ? failureText(value.message, locale) : say('notComputable');
    return derivation(formula, why, result, raw, pointers);
  }
  const linked =
    m && change !== null
      ? say('linked', {
          from: f(m.baseline),
          to: f(projected ? m.target : m.current),
          change: f(change),
        })
      : '';
  const hoursPerUnit = m ? change : driver.hoursPerUnit;
  const monthlyHours =
    hoursPerUnit != null && driver.unitsPerMonth != null
      ? say('hoursTimesUnits', { hours: f(hoursPerUnit), units: f(driver.unitsPerMonth) })
      : driver.hoursPerMonth != null || (m && driver.unitsPerMonth == null)
        ? say('hoursPerMonth', { hours: f(m ? change : driver.hoursPerMonth) })
        : null;
  const hours = projected ? value.projectedHours : value.annualHours;
  let body: string;
  if (time && monthlyHours !== null) {
    body =
      driver.hourlyRate != null && !hoursFigure
        ? say('timeValue', {
            monthly: monthlyHours,
            rate: cash(driver.hourlyRate),
            perMonth: cash(result / 12),
            annual: cash(result),
          })
        : `${say('timeHours', { monthly: monthlyHours, hours: f(hours) })}${hoursFigure ? '' : driver.hourlyRate == null ? ` ${say('noRate')}` : ''}`;
    if (!hoursFigure && driver.hourlyRate == null && result !== 0)
      body += `; ${say('statedAmount', { amount: cash(result) })}`;
  } else if (hoursFigure) {
    body = say('moneyNoHours', { hours: f(result) });
  } else if (driver.monthlyAmount != null || (m && driver.unitsPerMonth != null)) {
    body = say('monthlyAmount', { perMonth: cash(result / 12), annual: cash(result) });
  } else body = say('annualAmount', { annual: cash(result) });
  return derivation(formula, `${linked}${body}`, result, raw, pointers);
}

/** One named part of a sum, with where it comes from. */
export interface SumTerm {
  readonly name: string;
  readonly value: number;
  readonly pointer?: string | undefined;
}

/**
 * A sum of parts (value delivered, or the total of its kinds), with its derivation.
 *
 * @example
 * explainSum('value.total', [{ name: 'time', value: 0 }, { name: 'cost', value: 185000 }, { name: 'revenue', value: 100000 }], 'USD').text;
 * // "$0 + $185,000 + $100,000 = $285,000"
 */
export function explainSum(
  formula: 'value.sum' | 'value.total',
  terms: readonly SumTerm[],
  currency: string | null,
  locale?: string,
): Derivation {
  let total = 0;
  for (const t of terms) total += t.value;
  const f = (v: number): string =>
    currency === null ? `${n(v, locale)} h` : money(v, currency, locale);
  const say = sayIn(locale);
  const text =
    terms.length === 0
      ? say('noDrivers', { total: f(0) })
      : `${joinTerms(
          terms.map((t) => f(t.value)),
          ' + ',
          say,
        )} = ${f(total)}`;
  const pointers: Record<string, string | undefined> = {};
  for (const t of terms) pointers[t.name] = t.pointer;
  return derivation(
    formula,
    text,
    total,
    terms.map((t) => [t.name, t.value] as const),
    pointers,
  );
}

/**
 * ROI as a multiplier, a percent or the net return, with its derivation (TC-165.2).
 *
 * @example
 * explainRoi(285000, 68000, 'USD', 'multiplier').text;
 * // "$285,000 / $68,000 = 4.19 (shown 4.2x)"
 */
export function explainRoi(
  value: number,
  investment: number | null,
  currency: string,
  figure: 'multiplier' | 'percent' | 'net_return',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const r = roi({ value, investment });
  const raw: Raw = [
    ['total_value', value],
    ['investment', investment],
  ];
  const id: FormulaId =
    figure === 'multiplier'
      ? 'roi.multiplier'
      : figure === 'percent'
        ? 'roi.percent'
        : 'roi.net_return';
  if (!r.ok) return derivation(id, failureText(r.message, locale), null, raw, pointers);
  const v = money(value, currency, locale);
  const i = money(investment ?? 0, currency, locale);
  const text =
    figure === 'multiplier'
      ? sayIn(locale)('roiMultiplier', {
          value: v,
          investment: i,
          multiplier: n(r.multiplier, locale),
          shown: formatMultiplier(r.multiplier, { locale }),
        })
      : figure === 'percent'
        ? `${v} / ${i} × 100 = ${pct(r.percent, locale)}`
        : `(${v} − ${i}) / ${i} × 100 = ${pct(r.netReturnPercent, locale)}`;
  const result =
    figure === 'multiplier' ? r.multiplier : figure === 'percent' ? r.percent : r.netReturnPercent;
  return derivation(id, text, result, raw, pointers);
}

/**
 * The share of goals achieved, with its derivation.
 *
 * @example
 * explainAchievementRate(2, 3).text; // "2 / 3 × 100 = 66.67 %"
 */
export function explainAchievementRate(
  achieved: number,
  goals: number,
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const rate = goals > 0 ? (achieved / goals) * 100 : null;
  const text =
    rate === null
      ? sayIn(locale)('noGoals')
      : `${n(achieved, locale)} / ${n(goals, locale)} × 100 = ${pct(rate, locale)}`;
  return derivation(
    'goal_counts.achievement_rate',
    text,
    rate,
    [
      ['achieved', achieved],
      ['goals', goals],
    ],
    pointers,
  );
}

/**
 * A benchmark's peer average or percentile rank, with its derivation.
 *
 * @example
 * explainBenchmark(80, [60, 70, 80, 90], 'percentile').text;
 * // "(2 peers below + 1 tie / 2) / 4 peers × 100 = 62.5 %"
 */
export function explainBenchmark(
  value: number | null,
  peers: readonly number[],
  figure: 'peer_average' | 'percentile',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const b = benchmark(value ?? 0, peers);
  const say = sayIn(locale);
  const raw: Raw = [
    ['value', value],
    ['peer_count', peers.length],
  ];
  if (figure === 'peer_average') {
    const text = b.ok
      ? say('peerAverage', { count: b.peerCount, average: n(b.peerAverage, locale) })
      : failureText(b.message, locale);
    return derivation('benchmark.peer_average', text, b.ok ? b.peerAverage : null, raw, pointers);
  }
  if (!b.ok || value === null) {
    const text = b.ok ? say('noPercentile') : failureText(b.message, locale);
    return derivation('benchmark.percentile', text, null, raw, pointers);
  }
  let below = 0;
  let ties = 0;
  for (const p of peers) {
    if (p < value) below++;
    else if (p === value) ties++;
  }
  const text = say('percentile', {
    below: say('peersBelow', { count: below }),
    ties: say('ties', { count: ties }),
    peers: say('peers', { count: b.peerCount }),
    percent: pct(b.percentile, locale),
  });
  return derivation('benchmark.percentile', text, b.percentile, raw, pointers);
}

/**
 * A goal's forecast date: the latest of its metrics' forecasts, none while any has none.
 *
 * @example
 * explainGoalForecast([{ value: '2026-05-01' }, { value: '2026-06-10' }]).result; // "2026-06-10"
 */
export function explainGoalForecast(
  forecasts: readonly { readonly value: string | null; readonly pointer?: string | undefined }[],
  locale?: string,
): Derivation {
  const say = sayIn(locale);
  const dates = forecasts.map((f) => f.value);
  const known = dates.filter((d): d is string => d !== null);
  const all = dates.length > 0 && known.length === dates.length;
  const latest = all ? ([...known].sort().at(-1) ?? null) : null;
  const text =
    latest === null
      ? dates.length === 0
        ? say('forecastNoMetrics')
        : say('forecastMissing', { missing: dates.length - known.length, count: dates.length })
      : say('forecastLatest', { dates: joinTerms(known, ', ', say), latest });
  const pointers: Record<string, string | undefined> = {};
  forecasts.forEach((f, i) => {
    pointers[`forecast[${i}]`] = f.pointer;
  });
  return derivation(
    'forecast.latest',
    text,
    latest,
    dates.map((d, i) => [`forecast[${i}]`, d] as const),
    pointers,
  );
}

/**
 * How many goals have the given statuses (none given: all goals), with its derivation.
 *
 * @example
 * explainCount(['achieved', 'at_risk', 'achieved'], ['achieved']).text;
 * // "2 of 3 goals are achieved"
 */
export function explainCount(
  statuses: readonly string[],
  counted: readonly string[],
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const all = counted.length === 0;
  const count = all ? statuses.length : statuses.filter((s) => counted.includes(s)).length;
  const say = sayIn(locale);
  const names = counted.map((c) => statusWord(say, c)).join(say('or'));
  const text = all
    ? say('countAll', { count })
    : say('countOf', { count, total: statuses.length, statuses: names });
  return derivation('goal_counts.count', text, count, [['goals', statuses.length]], pointers);
}

/** A status by its wire name in a sentence's words; an unknown name with spaces for `_`. */
function statusWord(say: Say, status: string): string {
  return Object.hasOwn(STATUS_KEYS, status)
    ? say(`status_${status as keyof typeof STATUS_KEYS}`)
    : status.replace('_', ' ');
}

const STATUS_KEYS = {
  not_started: 1,
  on_track: 1,
  at_risk: 1,
  achieved: 1,
  exceeded: 1,
  exceeding: 1,
  missed: 1,
  not_met: 1,
} as const;

/**
 * A benchmark row's own value: the customer's figure over its whole contract.
 *
 * @example
 * explainBenchmarkValue('Success Score', 91).text; // "Success Score over the whole contract = 91"
 */
export function explainBenchmarkValue(
  label: string,
  value: number | null,
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const say = sayIn(locale);
  const text =
    value === null
      ? say('benchmarkValueNone', { label })
      : say('benchmarkValue', { label, value: n(value, locale) });
  return derivation('benchmark.value', text, value, [[label, value]], pointers);
}

const HEALTH_PARTS = ['usage', 'outcomes', 'relationship', 'growth'] as const;

/**
 * The health score of one observation, or its band, with its derivation (seed 002).
 *
 * @example
 * explainHealthScore({ usage: 80, outcomes: 90, relationship: 70, growth: 60 }, undefined, undefined, 'score').text;
 * // "(80 × 40 + 90 × 25 + 70 × 20 + 60 × 15) / 100 = 77.5 of 100: good (good from 70)"
 */
export function explainHealthScore(
  components: HealthComponents,
  weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS,
  bands: HealthBandMinimums = DEFAULT_HEALTH_BAND_MINIMUMS,
  figure: 'score' | 'band' = 'score',
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const r = healthScore(components, weights, bands);
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  const raw: Raw = HEALTH_PARTS.flatMap((k) => [
    [k, components?.[k]] as const,
    [`${k} weight`, weights?.[k]] as const,
  ]);
  let text: string;
  if (r.ok) {
    const total = HEALTH_PARTS.reduce((a, k) => a + weights[k], 0);
    const terms = HEALTH_PARTS.map((k) => `${f(components[k])} × ${f(weights[k])}`).join(' + ');
    const critical = r.band === 'critical';
    text = say(critical ? 'healthScoreCritical' : 'healthScore', {
      terms,
      total: f(total),
      score: f(r.score),
      band: say(`health_${r.band}`),
      minimum: f(critical ? bands.at_risk : bands[r.band]),
    });
  } else text = failureText(r.message, locale);
  const result = r.ok ? (figure === 'score' ? r.score : r.band) : null;
  return derivation('health_score', text, result, raw, pointers);
}

/**
 * The derived business outcomes component, with the parts it is the mean of.
 *
 * @example
 * explainHealthOutcomes({ goalAchievement: 80, roiMultiplier: 4.19, milestonesAchieved: 3, milestonesDue: 4 }).text;
 * // "Mean of goal achievement 80, ROI realised 100 (4.19x, capped at 1x) and milestones completed 75 (3 of 4 due) = 85"
 */
export function explainHealthOutcomes(
  input: HealthOutcomesInput,
  pointers?: Pointers,
  locale?: string,
): Derivation {
  const r = healthOutcomes(input);
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  const raw: Raw = [
    ['goal achievement', input?.goalAchievement],
    ['ROI multiplier', input?.roiMultiplier],
    ['milestones achieved', input?.milestonesAchieved],
    ['milestones due', input?.milestonesDue],
  ];
  if (!r.ok)
    return derivation('health_outcomes', failureText(r.message, locale), null, raw, pointers);
  const parts: string[] = [];
  if (r.parts.goal_achievement !== null)
    parts.push(say('outcomesGoals', { value: f(r.parts.goal_achievement) }));
  if (r.parts.roi_realised !== null)
    parts.push(
      say((input.roiMultiplier ?? 0) > 1 ? 'outcomesRoiCapped' : 'outcomesRoi', {
        value: f(r.parts.roi_realised),
        multiplier: f(input.roiMultiplier),
      }),
    );
  if (r.parts.milestones_completed !== null)
    parts.push(
      say('outcomesMilestones', {
        value: f(r.parts.milestones_completed),
        achieved: f(input.milestonesAchieved),
        due: f(input.milestonesDue),
      }),
    );
  const text = say('outcomesMean', { parts: listText(say, parts), score: f(r.score) });
  return derivation('health_outcomes', text, r.score, raw, pointers);
}

/**
 * One fired health trigger with its cause: the dates and scores it compares. `result` is the
 * drop in points for a score drop or a consecutive decline, the band entered for a zone entry.
 *
 * @example
 * explainHealthTrigger({ type: 'score_drop', at: '2026-02-28', drop: 27, threshold: 20,
 *   from: { at: '2026-01-31', score: 92, band: 'excellent' }, to: { at: '2026-02-28', score: 65, band: 'at_risk' } }).text;
 * // "The score fell 27 points, from 92 on 2026-01-31 to 65 on 2026-02-28 (more than 20)."
 */
export function explainHealthTrigger(t: HealthTrigger, locale?: string): Derivation {
  const say = sayIn(locale);
  const f = (v: number | null | undefined) => n(v, locale);
  const from = say('scoreOn', { score: f(t.from.score), date: t.from.at });
  const to = say('scoreOn', { score: f(t.to.score), date: t.to.at });
  const band = (b: HealthTrigger['to']['band']) => say(`health_${b}`);
  const raw: Raw = [
    ['from date', t.from.at],
    ['from score', t.from.score],
    ['to date', t.to.at],
    ['to score', t.to.score],
  ];
  switch (t.type) {
    case 'score_drop':
      return derivation(
        'health_trigger.score_drop',
        say('scoreDrop', { drop: f(t.drop), from, to, threshold: f(t.threshold) }),
        t.drop,
        [...raw, ['threshold', t.threshold]],
        undefined,
      );
    case 'entered_at_risk':
    case 'entered_critical':
      return derivation(
        t.type === 'entered_at_risk'
          ? 'health_trigger.entered_at_risk'
          : 'health_trigger.entered_critical',
        say('bandEntered', { band: band(t.to.band), fromBand: band(t.from.band), from, to }),
        t.to.band,
        raw,
        undefined,
      );
    case 'consecutive_decline':
      return derivation(
        'health_trigger.consecutive_decline',
        say('consecutiveDecline', { count: t.declines, from, to, drop: f(t.drop) }),
        t.drop,
        [...raw, ['declines', t.declines]],
        undefined,
      );
  }
}

/** One account of a rollup explanation: its figures in the currency being explained. */
export interface RollupTerm {
  readonly name: string;
  /** Delivered value. */
  readonly value: number;
  readonly investment: number | null;
  readonly score: number | null;
  /** Where the account's figures are in the response, by input (`value`, `investment`, `score`). */
  readonly pointers?: Pointers | undefined;
}

/**
 * One currency's rollup figure (issue 16) with its derivation: `value` (the sum), `roi` or
 * `score` (weighted by investment), computed by `accountRollup` so the result is the rollup's.
 *
 * @example
 * explainRollup('roi', [
 *   { name: 'Parent', value: 300_000, investment: 100_000, score: 90 },
 *   { name: 'Child', value: 0, investment: 50_000, score: 60 },
 * ], 'USD').text;
 * // "($300,000 + $0) / ($100,000 + $50,000) = 2"
 */
export function explainRollup(
  figure: 'value' | 'roi' | 'score',
  terms: readonly RollupTerm[],
  currency: string,
  locale?: string,
): Derivation {
  const r = accountRollup(
    terms.map((t) => ({
      id: t.name,
      currency,
      investment: t.investment,
      totalValue: t.value,
      score: t.score,
      goals: [],
    })),
  ).byCurrency[0];
  const m = (v: number) => money(v, currency, locale);
  const say = sayIn(locale);
  const weighs = (t: RollupTerm) => t.investment !== null && t.investment > 0;
  const raw: (readonly [string, number | null])[] = [];
  const pointers: Record<string, string | undefined> = {};
  const add = (t: RollupTerm, key: 'value' | 'investment' | 'score') => {
    const name = `${t.name} ${key}`;
    raw.push([name, t[key]]);
    pointers[name] = t.pointers?.[key];
  };
  if (figure === 'value') {
    for (const t of terms) add(t, 'value');
    const text = `${joinTerms(
      terms.map((t) => m(t.value)),
      ' + ',
      say,
    )} = ${m(r?.totalValue ?? 0)}`;
    return derivation('rollup.value', text, r?.totalValue ?? 0, raw, pointers);
  }
  if (figure === 'roi') {
    const counted = terms.filter(weighs);
    for (const t of counted) {
      add(t, 'value');
      add(t, 'investment');
    }
    const result = r?.roiMultiplier ?? null;
    const text =
      result === null
        ? say('rollupNoRoi')
        : `(${joinTerms(
            counted.map((t) => m(t.value)),
            ' + ',
            say,
          )}) / (${joinTerms(
            counted.map((t) => m(t.investment ?? 0)),
            ' + ',
            say,
          )}) = ${n(result, locale)}`;
    return derivation('rollup.roi_weighted', text, result, raw, pointers);
  }
  const counted = terms.filter((t) => weighs(t) && t.score !== null);
  for (const t of counted) {
    add(t, 'score');
    add(t, 'investment');
  }
  const result = r?.successScore ?? null;
  const text =
    result === null
      ? say('rollupNoScore')
      : `(${joinTerms(
          counted.map((t) => `${n(t.score, locale)} × ${m(t.investment ?? 0)}`),
          ' + ',
          say,
        )}) / (${joinTerms(
          counted.map((t) => m(t.investment ?? 0)),
          ' + ',
          say,
        )}) = ${n(result, locale)}`;
  return derivation('rollup.score_weighted', text, result, raw, pointers);
}
