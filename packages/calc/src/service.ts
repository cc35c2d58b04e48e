import {
  type CalcFailure,
  checkNumber,
  fail,
  invalidNumber,
  isFiniteNumber,
  must,
  tooLarge,
} from './result.js';

/** Success of a KPI that is a percent on the 0-100 scale (or above 100 for NRR). */
export interface PercentSuccess {
  readonly ok: true;
  readonly percent: number;
}

/** Why {@link countShare} (and the count KPIs built on it) could not compute a percent. */
export type CountShareFailureReason =
  | 'invalid_number'
  | 'negative_input'
  | 'not_integer'
  | 'out_of_range'
  | 'no_data';
/** Result of {@link countShare}. */
export type CountShareResult = PercentSuccess | CalcFailure<CountShareFailureReason>;

/** Why a survey KPI ({@link csat}, {@link nps}, {@link ces}) could not be computed. */
export type SurveyFailureReason =
  | 'invalid_number'
  | 'no_data'
  | 'invalid_response'
  | 'out_of_range';

/** Options of {@link csat}: the survey scale (1..scale) and the lowest "satisfied" answer. */
export interface CsatOptions {
  readonly scale?: number;
  readonly satisfiedAtLeast?: number;
}
/** Failure reasons of {@link csat}. */
export type CsatFailureReason = SurveyFailureReason;
/** Success of {@link csat}: `percent` satisfied, `average` answer on the survey's scale. */
export interface CsatSuccess {
  readonly ok: true;
  readonly percent: number;
  readonly average: number;
  readonly count: number;
}
/** Result of {@link csat}. */
export type CsatResult = CsatSuccess | CalcFailure<CsatFailureReason>;

/** Failure reasons of {@link nps}. */
export type NpsFailureReason = Exclude<SurveyFailureReason, 'out_of_range'>;
/** Success of {@link nps}: `score` in -100..100 and the count of each group. */
export interface NpsSuccess {
  readonly ok: true;
  readonly score: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly count: number;
}
/** Result of {@link nps}. */
export type NpsResult = NpsSuccess | CalcFailure<NpsFailureReason>;

/** Options of {@link ces}: the survey scale (1..scale, 7 by default). */
export interface CesOptions {
  readonly scale?: number;
}
/** Failure reasons of {@link ces}. */
export type CesFailureReason = SurveyFailureReason;
/** Success of {@link ces}: the average answer on the survey's scale. */
export interface CesSuccess {
  readonly ok: true;
  readonly average: number;
  readonly count: number;
}
/** Result of {@link ces}. */
export type CesResult = CesSuccess | CalcFailure<CesFailureReason>;

/** Tickets resolved on first contact and all tickets of the period (whole numbers). */
export interface FcrInput {
  readonly firstContactResolved: number;
  readonly total: number;
}
/** Failure reasons of {@link fcr}. */
export type FcrFailureReason = CountShareFailureReason;
/** Result of {@link fcr}. */
export type FcrResult = CountShareResult;

/** Tickets that met their SLA and all tickets of the period (whole numbers). */
export interface SlaComplianceInput {
  readonly met: number;
  readonly total: number;
}
/** Failure reasons of {@link slaCompliance}. */
export type SlaComplianceFailureReason = CountShareFailureReason;
/** Result of {@link slaCompliance}. */
export type SlaComplianceResult = CountShareResult;

/** Failure reasons of {@link averageHandleTime}. */
export type AverageHandleTimeFailureReason =
  | 'invalid_number'
  | 'negative_input'
  | 'not_integer'
  | 'no_data'
  | 'out_of_range';
/** Success of {@link averageHandleTime}: mean `minutes` per ticket over `count` tickets. */
export interface AverageHandleTimeSuccess {
  readonly ok: true;
  readonly minutes: number;
  readonly count: number;
}
/** Result of {@link averageHandleTime}. */
export type AverageHandleTimeResult =
  | AverageHandleTimeSuccess
  | CalcFailure<AverageHandleTimeFailureReason>;

const noData = (what: string): CalcFailure<'no_data'> =>
  fail('no_data', `No ${what} yet: record at least one.`);

/** A count must be a finite, non-negative whole number. */
function checkCount(
  x: unknown,
  label: string,
): CalcFailure<'invalid_number' | 'negative_input' | 'not_integer'> | undefined {
  return (
    checkNumber(x, label, true) ??
    (Number.isInteger(x) ? undefined : must('not_integer', label, 'a whole number', x))
  );
}

/**
 * Percent of a whole that a part is, for counts: `part / total x 100`. The basis of churn rate,
 * FCR and SLA compliance (seed 003 §2, §4, §7). Both must be whole numbers >= 0, the part at
 * most the total (else `out_of_range`), the total above 0 (else `no_data`). The labels name the
 * counts in failure messages.
 *
 * @example
 * countShare(45, 60, 'firstContactResolved', 'total'); // { ok: true, percent: 75 }
 */
export function countShare(
  part: number,
  total: number,
  partLabel = 'Part',
  totalLabel = 'Total',
): CountShareResult {
  return (
    checkCount(part, partLabel) ??
    checkCount(total, totalLabel) ??
    (total === 0
      ? must('no_data', totalLabel, 'above 0 to calculate a rate', 0)
      : part > total
        ? must('out_of_range', partLabel, `at most ${totalLabel} (${total})`, part)
        : { ok: true, percent: (part / total) * 100 })
  );
}

/** Scale option: a whole number 2..100 (bounded so sums of answers stay exact). */
function checkScale(scale: unknown): CalcFailure<'invalid_number' | 'out_of_range'> | undefined {
  return !isFiniteNumber(scale)
    ? invalidNumber('Scale', scale)
    : scale < 2 || scale > 100 || !Number.isInteger(scale)
      ? must('out_of_range', 'Scale', 'a whole number from 2 to 100', scale)
      : undefined;
}

/** Every answer is a whole number in lo..hi; names the first bad index. */
function checkAnswers(
  xs: unknown,
  lo: number,
  hi: number,
  kpi: string,
): CalcFailure<'invalid_number' | 'no_data' | 'invalid_response'> | undefined {
  if (!Array.isArray(xs) || xs.length === 0) return noData(`${kpi} responses`);
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    const label = `${kpi} response at index ${i}`;
    if (!isFiniteNumber(x)) return invalidNumber(label, x);
    if (x < lo || x > hi || !Number.isInteger(x)) {
      return must('invalid_response', label, `a whole number from ${lo} to ${hi}`, x);
    }
  }
  return undefined;
}

/** Sum of the answers (already checked) and how many of them are at least `min`. */
function tally(xs: readonly number[], min: number): [sum: number, atLeast: number] {
  let sum = 0;
  let atLeast = 0;
  for (const x of xs) {
    sum += x;
    if (x >= min) atLeast++;
  }
  return [sum, atLeast];
}

/**
 * Customer satisfaction: share of satisfied responses and the average answer.
 *
 * Formula (seed 003 §1): `satisfied responses / total responses x 100`, satisfied meaning an
 * answer >= `satisfiedAtLeast` (4 on the default 1-5 scale, so 4.5/5 ~ 90 %).
 *
 * @example
 * csat([5, 4, 3, 5]); // { ok: true, percent: 75, average: 4.25, count: 4 }
 */
export function csat(responses: readonly number[], options?: CsatOptions): CsatResult {
  const scale = options?.scale ?? 5;
  const min = options?.satisfiedAtLeast ?? 4;
  const bad = checkScale(scale);
  if (bad) return bad;
  if (!isFiniteNumber(min)) return invalidNumber('satisfiedAtLeast', min);
  if (min < 1 || min > scale)
    return must('out_of_range', 'satisfiedAtLeast', `from 1 to ${scale}`, min);
  const badAnswer = checkAnswers(responses, 1, scale, 'CSAT');
  if (badAnswer) return badAnswer;
  const count = responses.length;
  const [sum, satisfied] = tally(responses, min);
  return { ok: true, percent: (satisfied / count) * 100, average: sum / count, count };
}

/**
 * Net promoter score from 0..10 answers: promoters answer 9-10, passives 7-8, detractors 0-6.
 *
 * Formula: `(promoters - detractors) / responses x 100`, in -100..100 (seed 004 targets > 50).
 *
 * @example
 * nps([10, 9, 8, 6]); // { ok: true, score: 25, promoters: 2, passives: 1, detractors: 1, count: 4 }
 */
export function nps(scores: readonly number[]): NpsResult {
  const bad = checkAnswers(scores, 0, 10, 'NPS');
  if (bad) return bad;
  const count = scores.length;
  const promoters = tally(scores, 9)[1];
  const detractors = count - tally(scores, 7)[1];
  return {
    ok: true,
    score: ((promoters - detractors) / count) * 100,
    promoters,
    passives: count - promoters - detractors,
    detractors,
    count,
  };
}

/**
 * Customer effort score: the average answer to "How easy was it to get your issue resolved?".
 *
 * Formula (seed 003 §8): mean of answers on a 1..scale scale (default 1-7, target >= 6.0).
 *
 * @example
 * ces([7, 6, 5]); // { ok: true, average: 6, count: 3 }
 */
export function ces(scores: readonly number[], options?: CesOptions): CesResult {
  const scale = options?.scale ?? 7;
  const bad = checkScale(scale) ?? checkAnswers(scores, 1, scale, 'CES');
  if (bad) return bad;
  return { ok: true, average: tally(scores, 0)[0] / scores.length, count: scores.length };
}

/**
 * First contact resolution rate in percent.
 *
 * Formula (seed 003 §2): `tickets resolved on first contact / total tickets x 100`.
 *
 * @example
 * fcr({ firstContactResolved: 45, total: 60 }); // { ok: true, percent: 75 }
 */
export function fcr(input: FcrInput): FcrResult {
  return countShare(input?.firstContactResolved, input?.total, 'firstContactResolved', 'total');
}

/**
 * SLA compliance rate in percent.
 *
 * Formula (seed 003 §7): `tickets meeting SLA / total tickets x 100`.
 *
 * @example
 * slaCompliance({ met: 98, total: 100 }); // { ok: true, percent: 98 }
 */
export function slaCompliance(input: SlaComplianceInput): SlaComplianceResult {
  return countShare(input?.met, input?.total, 'met', 'total');
}

/**
 * Aggregated handle time of a period: the sum of the minutes and how many tickets it covers
 * (how helpdesks export it), as {@link averageHandleTime} accepts it besides a list.
 */
export interface HandleTimeTotal {
  readonly totalMinutes: number;
  readonly tickets: number;
}

/** Aggregated resolution times of one severity: the sum of the hours and the tickets resolved. */
export interface ResolutionTimeTotal {
  readonly totalHours: number;
  readonly tickets: number;
}
/** Failure reasons of {@link timeToResolution}. */
export type TimeToResolutionFailureReason = AverageHandleTimeFailureReason;
/** Success of {@link timeToResolution}: mean `hours` per resolved ticket over `count` tickets. */
export interface TimeToResolutionSuccess {
  readonly ok: true;
  readonly hours: number;
  readonly count: number;
}
/** Result of {@link timeToResolution}. */
export type TimeToResolutionResult =
  | TimeToResolutionSuccess
  | CalcFailure<TimeToResolutionFailureReason>;

/** Mean of an aggregate: `total / count`, both checked (count a whole number above 0). */
function meanOfTotal(
  total: unknown,
  count: unknown,
  totalLabel: string,
  what: string,
): { ok: true; mean: number; count: number } | CalcFailure<AverageHandleTimeFailureReason> {
  const bad = checkNumber(total, totalLabel, true) ?? checkCount(count, 'tickets');
  if (bad) return bad;
  if (count === 0) return noData(what);
  const mean = (total as number) / (count as number);
  return isFiniteNumber(mean)
    ? { ok: true, mean, count: count as number }
    : tooLarge('out_of_range');
}

/**
 * Average handle time in minutes per ticket.
 *
 * Formula (seed 003 §5): `total handle time / number of tickets handled`. Takes each ticket's
 * minutes, or the period's total minutes and ticket count ({@link HandleTimeTotal}).
 *
 * @example
 * averageHandleTime([6, 8, 10]); // { ok: true, minutes: 8, count: 3 }
 * averageHandleTime({ totalMinutes: 960, tickets: 120 }); // { ok: true, minutes: 8, count: 120 }
 */
export function averageHandleTime(
  minutes: readonly number[] | HandleTimeTotal,
): AverageHandleTimeResult {
  if (!Array.isArray(minutes)) {
    const t = minutes as HandleTimeTotal | null | undefined;
    if (t === null || typeof t !== 'object') return noData('handle times');
    const r = meanOfTotal(t.totalMinutes, t.tickets, 'totalMinutes', 'handle times');
    return r.ok ? { ok: true, minutes: r.mean, count: r.count } : r;
  }
  if (minutes.length === 0) return noData('handle times');
  for (let i = 0; i < minutes.length; i++) {
    const bad = checkNumber(minutes[i], `Handle time at index ${i}`, true);
    if (bad) return bad;
  }
  const avg = tally(minutes, 0)[0] / minutes.length;
  return isFiniteNumber(avg)
    ? { ok: true, minutes: avg, count: minutes.length }
    : tooLarge('out_of_range');
}

/**
 * Time to resolution of one severity in hours: the mean over the tickets resolved.
 *
 * Formula (seed 003 §6): `total hours to resolution / tickets resolved`, rated per severity
 * (`ttr_critical` .. `ttr_low` in `KPI_THRESHOLDS`).
 *
 * @example
 * timeToResolution({ totalHours: 30, tickets: 10 }); // { ok: true, hours: 3, count: 10 }
 */
export function timeToResolution(input: ResolutionTimeTotal): TimeToResolutionResult {
  if (input === null || typeof input !== 'object') return noData('resolved tickets');
  const r = meanOfTotal(input.totalHours, input.tickets, 'totalHours', 'resolved tickets');
  return r.ok ? { ok: true, hours: r.mean, count: r.count } : r;
}
