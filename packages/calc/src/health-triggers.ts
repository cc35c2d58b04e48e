import { type DateInput, epochDaysToIsoDate, toEpochDays } from './dates.js';
import {
  type HealthBand,
  type HealthBandMinimums,
  healthBand,
  validHealthBands,
} from './health-score.js';
import { type CalcFailure, fail, isFiniteNumber, must } from './result.js';

/** One health score measurement. */
export interface HealthPoint {
  readonly at: DateInput;
  /** Health score, 0..100. */
  readonly score: number;
}

/** A measurement as a trigger reports it: ISO date (UTC), score and its band. */
export interface HealthTriggerPoint {
  readonly at: string;
  readonly score: number;
  readonly band: HealthBand;
}

/** Kinds of automated response triggers (seed 002 "Automated Response Triggers"). */
export type HealthTriggerType =
  | 'score_drop'
  | 'entered_at_risk'
  | 'entered_critical'
  | 'consecutive_decline';

interface TriggerBase {
  /** ISO date of the point where the trigger fires (= `to.at`). */
  readonly at: string;
  readonly from: HealthTriggerPoint;
  readonly to: HealthTriggerPoint;
}

/** The score fell by more than `threshold` points from one point to the next. */
export interface ScoreDropTrigger extends TriggerBase {
  readonly type: 'score_drop';
  /** from.score - to.score. */
  readonly drop: number;
  readonly threshold: number;
}

/** The band became at risk from excellent or good (seed 002 "Orange Zone Entry"). */
export interface EnteredAtRiskTrigger extends TriggerBase {
  readonly type: 'entered_at_risk';
  readonly band: 'at_risk';
}

/** The band became critical from any other band (seed 002 "Red Zone Entry"). */
export interface EnteredCriticalTrigger extends TriggerBase {
  readonly type: 'entered_critical';
  readonly band: 'critical';
}

/** The score declined `declines` periods in a row; `from` is where the run started. */
export interface ConsecutiveDeclineTrigger extends TriggerBase {
  readonly type: 'consecutive_decline';
  readonly declines: number;
  /** from.score - to.score over the whole run. */
  readonly drop: number;
}

/** A fired trigger; `type` tells which. */
export type HealthTrigger =
  | ScoreDropTrigger
  | EnteredAtRiskTrigger
  | EnteredCriticalTrigger
  | ConsecutiveDeclineTrigger;

/** Options of {@link healthTriggers}. */
export interface HealthTriggersOptions {
  /** A drop of more than this many points fires `score_drop`; default 20, >= 0. */
  readonly dropPoints?: number | undefined;
  /** Declines in a row that fire `consecutive_decline`; default 3, an integer >= 1. */
  readonly consecutiveDeclines?: number | undefined;
  /** Band minimums of the customer's health model; default seed 002's 90 / 70 / 50. */
  readonly bands?: HealthBandMinimums | undefined;
}

/** Triggers in date order, and how many points were ignored as invalid. */
export interface HealthTriggersSuccess {
  readonly ok: true;
  readonly triggers: readonly HealthTrigger[];
  /** Points with a bad date, or a score that is not a number in 0..100. */
  readonly ignored: number;
}

/** Why {@link healthTriggers} cannot run. */
export type HealthTriggersFailureReason = 'invalid_points' | 'invalid_option';

/** Result of {@link healthTriggers}. */
export type HealthTriggersResult = HealthTriggersSuccess | CalcFailure<HealthTriggersFailureReason>;

/** A valid point and its time, for sorting. */
interface Timed {
  readonly t: number;
  readonly p: HealthTriggerPoint;
}

function byTime(a: Timed, b: Timed): number {
  return a.t - b.t;
}

/**
 * Automated response triggers over a customer's health score history (seed 002 "Automated
 * Response Triggers"; DESIGN.md "Formulas: Health score"). Points are sorted by date first;
 * invalid points are ignored and counted. Between each point and the next:
 *
 * - `score_drop`: previous - current > `dropPoints` (default 20);
 * - `entered_at_risk`: band becomes at_risk from excellent or good;
 * - `entered_critical`: band becomes critical from any other band;
 * - `consecutive_decline`: the score fell (strictly) in each of the last `consecutiveDeclines`
 *   (default 3) periods; fires once per run, at the point the run reaches that length. A flat
 *   period ends the run.
 *
 * Triggers that compare the same points share those (read-only) point objects.
 *
 * @example
 * const r = healthTriggers([
 *   { at: '2026-01-31', score: 92 },
 *   { at: '2026-02-28', score: 65 },
 * ]);
 * // r.ok && r.triggers.map((t) => t.type) is ['score_drop', 'entered_at_risk']; drop 27
 */
export function healthTriggers(
  points: readonly HealthPoint[],
  options?: HealthTriggersOptions,
): HealthTriggersResult {
  if (!Array.isArray(points)) return fail('invalid_points', 'Health points must be a list.');
  const dropPoints = options?.dropPoints ?? 20;
  const needed = options?.consecutiveDeclines ?? 3;
  if (!isFiniteNumber(dropPoints) || dropPoints < 0) {
    return must('invalid_option', 'dropPoints', '0 or more', dropPoints);
  }
  if (!Number.isInteger(needed) || needed < 1) {
    return must('invalid_option', 'consecutiveDeclines', 'a whole number, 1 or more', needed);
  }
  const bands = options?.bands;
  if (bands !== undefined && !validHealthBands(bands)) {
    return fail(
      'invalid_option',
      'Band minimums must be numbers with 100 >= excellent > good > at risk > 0.',
    );
  }
  const timed: Timed[] = [];
  for (const p of points) {
    const score: unknown = p?.score;
    const t = toEpochDays(p?.at);
    // A timestamp belongs to the day it falls in (epochDaysToIsoDate floors).
    const at = t === null ? null : epochDaysToIsoDate(t);
    if (t !== null && at !== null && isFiniteNumber(score) && score >= 0 && score <= 100) {
      timed.push({ t, p: { at, score, band: healthBand(score, bands) } });
    }
  }
  timed.sort(byTime);
  // Triggers share these point objects (plain, read-only data).
  const sorted = timed.map((e) => e.p);
  const triggers: HealthTrigger[] = [];
  let run = 0;
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1];
    const to = sorted[i];
    if (from === undefined || to === undefined) break;
    const drop = from.score - to.score;
    const at = to.at;
    if (drop > dropPoints) {
      triggers.push({ type: 'score_drop', at, from, to, drop, threshold: dropPoints });
    }
    if (to.band === 'critical' && from.band !== 'critical') {
      triggers.push({ type: 'entered_critical', at, from, to, band: 'critical' });
    } else if (to.band === 'at_risk' && (from.band === 'excellent' || from.band === 'good')) {
      triggers.push({ type: 'entered_at_risk', at, from, to, band: 'at_risk' });
    }
    run = drop > 0 ? run + 1 : 0;
    const start = sorted[i - needed];
    if (run === needed && start !== undefined) {
      triggers.push({
        type: 'consecutive_decline',
        at,
        from: start,
        to,
        declines: needed,
        drop: start.score - to.score,
      });
    }
  }
  return { ok: true, triggers, ignored: points.length - sorted.length };
}
