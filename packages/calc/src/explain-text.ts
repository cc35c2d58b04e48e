import { defineMessages, fillText, type Message, messagesFor } from './catalogue.js';

/**
 * The sentences of calc's derivations (explain.ts, explain-kpi.ts) as catalogue messages,
 * domain `calc.explain`: `{name}` places for the numbers (formatted in the asked locale before
 * they are filled in), plural forms where a count decides the words. English is the source and
 * reads word for word as the derivations always have; the shipped locales
 * (`@cscx/success-calc/locales/*`) translate every key.
 *
 * @example
 * import { registerTranslation } from '@cscx/success-calc/i18n';
 * import { explainDeDE } from '@cscx/success-calc/locales/explain-de-DE';
 * import { explainAchievementRate } from '@cscx/success-calc/explain';
 * registerTranslation(explainDeDE);
 * explainAchievementRate(0, 0, undefined, 'de-DE').text; // 'Keine Ziele: keine Zielerreichungsquote.'
 */
export const EXPLAIN_MESSAGES = defineMessages('calc.explain', {
  // Lists and long sums.
  more: '… ({count} more)',
  listAnd: '{list} and {last}',
  listSeparator: ', ',
  or: ' or ',
  leftOut: '({count} without progress left out)',
  // Status, band and direction words inside a sentence (lower case in English).
  status_not_started: 'not started',
  status_on_track: 'on track',
  status_at_risk: 'at risk',
  status_achieved: 'achieved',
  status_exceeded: 'exceeded',
  status_exceeding: 'exceeding',
  status_missed: 'missed',
  status_not_met: 'not met',
  band_strong: 'strong',
  band_moderate: 'moderate',
  band_weak: 'weak',
  health_excellent: 'excellent',
  health_good: 'good',
  health_at_risk: 'at risk',
  health_critical: 'critical',
  direction_improving: 'improving',
  direction_declining: 'declining',
  direction_flat: 'flat',
  // Metric progress and status.
  progressRatio: '{numerator} / {denominator} × 100 = {percent}',
  noStatus: 'No status: progress is not computable.',
  metricExceeding: '{percent} ≥ {exceeding} %: exceeding',
  metricOnTrack: '{onTrack} % ≤ {percent} < {exceeding} %: on track',
  metricAtRisk: '{atRisk} % ≤ {percent} < {onTrack} %: at risk',
  metricNotMet: '{percent} < {atRisk} %: not met',
  // Trend and forecast.
  changeNone: 'No change: it needs two measurements and a first value other than 0.',
  trendLine:
    'Least-squares line through {count} measurements over {days} days: slope {slope} per day ({direction}).',
  forecastNone:
    'No forecast: the least-squares line of {count} measurements does not head to the target {target}.',
  forecastOn:
    'The least-squares line of {count} measurements reaches the target {target} on {date}.',
  forecastNoMetrics: 'No forecast: the goal has no metrics.',
  forecastMissing: 'No forecast: {missing} of {count} metrics have none.',
  forecastLatest: 'Latest of {dates} = {latest}',
  // Goal progress, success score, goal status.
  noProgress: 'No progress: no metric of the goal has progress yet.',
  successScore: '{formula} of 100: {band}',
  expectedNone: 'No expected progress: the goal needs a start date before its target date.',
  expected: 'Days elapsed from {start} to {target}: {percent} of the span.',
  notStarted: 'Not started: before the start date, or no measurement or progress yet.',
  goalAchieved: '{percent} ≥ 100 %: achieved',
  goalMissed: '{percent} < 100 % after the target date {date}: missed',
  noDatesOnTrack: '{percent} ≥ {threshold} % (no dates): on track',
  noDatesAtRisk: '{percent} < {threshold} % (no dates): at risk',
  expectedOnTrack: '{percent} ≥ expected {expected} − {tolerance} points: on track',
  expectedAtRisk: '{percent} < expected {expected} − {tolerance} points: at risk',
  // Value drivers and sums.
  measuredChange: '{change} measured change',
  noImprovement: '{change}: no improvement, counted as 0',
  noMeasuredChange: 'No measured change: the driver is not linked to a measured metric.',
  notComputable: 'Not computable.',
  linked: '{from} → {to} measured gives {change} per unit; ',
  hoursTimesUnits: '{hours} h × {units} per month',
  hoursPerMonth: '{hours} h per month',
  timeValue: '{monthly} × {rate}/h = {perMonth}/month, × 12 = {annual} a year',
  timeHours: '{monthly} × 12 = {hours} h a year',
  noRate: '(no hourly rate: no money counted)',
  statedAmount: 'stated amount {amount} a year',
  moneyNoHours: '{hours} h: a money amount saves no hours',
  monthlyAmount: '{perMonth}/month × 12 = {annual} a year',
  annualAmount: '{annual} a year as stated',
  noDrivers: 'No value drivers: {total}',
  // ROI, counts, benchmarks.
  roiMultiplier: '{value} / {investment} = {multiplier} (shown {shown})',
  noGoals: 'No goals: no achievement rate.',
  countAll: '{count} goals in all',
  countOf: {
    one: '{count} of {total} goals is {statuses}',
    other: '{count} of {total} goals are {statuses}',
  },
  peerAverage: 'Mean of {count} peers of the segment = {average}',
  noPercentile: 'No percentile: the customer has no value to compare.',
  percentile: '({below} + {ties} / 2) / {peers} × 100 = {percent}',
  peersBelow: { one: '{count} peer below', other: '{count} peers below' },
  ties: { one: '{count} tie', other: '{count} ties' },
  peers: '{count} peers',
  benchmarkValueNone: '{label}: not computable for this customer, so no percentile.',
  benchmarkValue: '{label} over the whole contract = {value}',
  // Health.
  healthScore: '({terms}) / {total} = {score} of 100: {band} ({band} from {minimum})',
  healthScoreCritical: '({terms}) / {total} = {score} of 100: {band} ({band} below {minimum})',
  outcomesGoals: 'goal achievement {value}',
  outcomesRoi: 'ROI realised {value} ({multiplier}x)',
  outcomesRoiCapped: 'ROI realised {value} ({multiplier}x, capped at 1x)',
  outcomesMilestones: 'milestones completed {value} ({achieved} of {due} due)',
  outcomesMean: 'Mean of {parts} = {score}',
  scoreOn: '{score} on {date}',
  scoreDrop: 'The score fell {drop} points, from {from} to {to} (more than {threshold}).',
  bandEntered: 'The band became {band}: {fromBand} at {from}, {band} at {to}.',
  consecutiveDecline:
    'The score fell {count} times in a row, from {from} to {to} ({drop} points in all).',
  // Rollup.
  rollupNoRoi: 'No account in this currency has an investment above 0: no ROI.',
  rollupNoScore:
    'No account in this currency has both a score and an investment above 0: no score.',
  // KPIs (explain-kpi.ts).
  kpiMissing: 'Not recorded for this period.',
  kpiRating: '; {rating} ({thresholds}, {direction})',
  kpiTarget: 'target {value}',
  kpiMinimum: 'minimum {value}',
  kpiBestInClass: 'best in class {value}',
  lowerIsBetter: 'lower is better',
  higherIsBetter: 'higher is better',
  rating_best_in_class: 'best in class',
  rating_on_target: 'on target',
  rating_acceptable: 'acceptable',
  rating_below_minimum: 'below minimum',
  kpiChurn: '{lost} lost / {atStart} at the start × 100 = {percent}',
  kpiClv: '{revenue} × {margin} / {churn} = {value} (a lifetime of {periods} periods)',
  kpiCacPayback: '{cac} / ({revenue} × {margin}) = {months} months',
  kpiNps: '({promoters} promoters − {detractors} detractors) / {count} responses × 100 = {score}',
  kpiMeanAnswers: 'Mean of {count} answers on {scale} = {average}',
  kpiCsatPercent: '{counts} satisfied (4 or 5) = {satisfied} / {count} × 100 = {percent}',
  kpiTickets: '{part} / {total} tickets × 100 = {percent}',
  kpiAht: '{minutes} min / {tickets} tickets = {average} min',
  kpiTtr: '{hours} h / {tickets} tickets resolved = {average} h',
});

/**
 * calc's failure messages that are fixed sentences (`CalcFailure.message` of progress, ROI,
 * trend, benchmarks, the success score, value and health outcomes), domain `calc.failure`: a
 * derivation that cannot compute its figure says why in the asked locale ({@link failureText}).
 * The English is the failure's message word for word (a test reads it in calc's sources); a
 * message with values in it (a field's name, a count) stays as calc wrote it.
 */
export const FAILURE_MESSAGES = defineMessages('calc.failure', {
  baseline_missing: 'Baseline not set. Cannot calculate progress.',
  target_equals_baseline: 'Target equals baseline. Set a target different from the baseline.',
  direction_conflict_above:
    'Direction conflicts: the target is above the baseline. Fix the direction or the target.',
  direction_conflict_below:
    'Direction conflicts: the target is below the baseline. Fix the direction or the target.',
  direction_unknown: 'Direction not set. Set whether higher or lower is better.',
  current_missing: 'No measurement yet. Record a current value to calculate progress.',
  no_investment: "No investment recorded. Set the customer's investment to calculate ROI.",
  not_enough_points_one_date:
    'A trend needs at least 2 measurements on different dates; all share one date. Record more.',
  no_peers: 'No peer values to compare with. Add peers of the same segment.',
  no_goals: 'No success goals defined.',
  no_progress: 'No goal has progress yet. Record baselines and current values.',
  invalid_weights: 'All weights are 0. Give one a weight above 0.',
  no_baseline: 'Baseline not set. Cannot measure the change the value comes from.',
  no_measurement: 'No measurement yet. The value counts once the metric is measured.',
  no_improvement:
    'No improvement on the baseline yet: a change away from the target counts as 0, not as negative value.',
  goal_not_measured:
    'No measurement yet. Value counts as delivered once a metric of the goal is measured; until then it is projected.',
  no_inputs:
    'No business outcomes known: no goal with progress, no ROI and no milestone due. Give outcomes.',
});

let failureKeys: Map<string, keyof (typeof FAILURE_MESSAGES)['en']> | undefined;

/**
 * A calc failure's message in `locale`: one of {@link FAILURE_MESSAGES} translated, any other
 * message (one with values in it, or from a newer calc) as it is.
 *
 * @example
 * failureText("No investment recorded. Set the customer's investment to calculate ROI.", 'de-DE');
 * // German once de-DE's derivation texts are registered
 */
export function failureText(message: string, locale: string | undefined): string {
  failureKeys ??= new Map(
    Object.entries(FAILURE_MESSAGES.en).map(([k, m]) => [
      m,
      k as keyof (typeof FAILURE_MESSAGES)['en'],
    ]),
  );
  const key = failureKeys.get(message);
  if (key === undefined) return message;
  const words = messagesFor(FAILURE_MESSAGES, locale)[key];
  return typeof words === 'string' ? words : message;
}

/** A key of {@link EXPLAIN_MESSAGES}. */
export type ExplainKey = keyof (typeof EXPLAIN_MESSAGES)['en'];

/** `say(key, values)`: one derivation sentence of {@link EXPLAIN_MESSAGES} in `locale`, filled in. */
export type Say = (key: ExplainKey, values?: Readonly<Record<string, string | number>>) => string;

/**
 * The sentence builder of one derivation in `locale` (English when unset or not registered).
 *
 * @example
 * sayIn('de-DE')('noGoals'); // 'Keine Ziele: keine Zielerreichungsquote.' once de-DE is registered
 */
export function sayIn(locale: string | undefined): Say {
  const M = messagesFor(EXPLAIN_MESSAGES, locale) as Readonly<Record<ExplainKey, Message>>;
  return (key, values = {}) => fillText(M[key], values, locale);
}

/**
 * A list of phrases in `locale`'s words: "a", "a and b", "a, b and c".
 *
 * @example
 * listText(sayIn(undefined), ['x', 'y', 'z']); // 'x, y and z'
 */
export function listText(say: Say, parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return say('listAnd', {
    list: parts.slice(0, -1).join(say('listSeparator')),
    last: parts.at(-1) ?? '',
  });
}
