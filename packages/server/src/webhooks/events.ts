import { isoTimestamp } from '../clock.js';
import type {
  AlertType,
  WebhookEventType,
  WebhookGoalEventData,
  WebhookHealthEventData,
  WebhookMeasurementEventData,
  WebhookMilestoneEventData,
  WebhookTestEventData,
} from '../contract.js';
import type { DerivedGoal } from '../derive/goal.js';
import type { AlertRecord } from '../repo/alerts.js';

/** Every event type a subscription may ask for (openapi.yaml WebhookEventType). */
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
  'goal.achieved',
  'goal.at_risk',
  'goal.missed',
  'milestone.achieved',
  'measurement.recorded',
  'health.score_drop',
  'health.entered_at_risk',
  'health.entered_critical',
  'health.consecutive_decline',
];

/** The ping of sendWebhookTest: sent to one subscription whatever its event types. */
export const TEST_EVENT = 'webhook.test';

/** An event about to be queued: its type, its customer (the ordering key) and its data. */
export interface WebhookEvent {
  readonly type: WebhookEventType | typeof TEST_EVENT;
  readonly customer_id: string | null;
  /** When it happened (epoch ms): the payload's `timestamp`. */
  readonly at: number;
  readonly data:
    | WebhookGoalEventData
    | WebhookMilestoneEventData
    | WebhookMeasurementEventData
    | WebhookHealthEventData
    | WebhookTestEventData;
}

/** The body every attempt of a message sends (Standard Webhooks' `{ type, timestamp, data }`). */
export function payloadOf(e: WebhookEvent): string {
  return JSON.stringify({ type: e.type, timestamp: isoTimestamp(e.at), data: e.data });
}

const BY_ALERT: Readonly<Record<AlertType, WebhookEventType>> = {
  goal_achieved: 'goal.achieved',
  goal_at_risk: 'goal.at_risk',
  milestone_achieved: 'milestone.achieved',
  health_score_drop: 'health.score_drop',
  health_entered_at_risk: 'health.entered_at_risk',
  health_entered_critical: 'health.entered_critical',
  health_consecutive_decline: 'health.consecutive_decline',
};

/**
 * The events of a goal's status change: its alert's (achieved, at risk), or `goal.missed`, which
 * raises no alert, when the goal has just turned missed.
 */
export function goalEvents(
  before: string | null,
  goal: DerivedGoal,
  alerts: readonly AlertRecord[],
  at: number,
): WebhookEvent[] {
  const g = goal.record;
  const base = {
    customer_id: g.customer_id,
    goal_id: g.id,
    goal_name: g.name,
    status: goal.status,
    achievement_pct: goal.percent,
  };
  const out: WebhookEvent[] = alerts.map((a) => ({
    type: BY_ALERT[a.type],
    customer_id: g.customer_id,
    at,
    data: { ...base, alert_id: a.id, title: a.title, cause: a.cause },
  }));
  if (goal.status === 'missed' && before !== null && before !== 'missed') {
    out.push({
      type: 'goal.missed',
      customer_id: g.customer_id,
      at,
      data: {
        ...base,
        alert_id: null,
        title: `Goal missed: ${g.name.slice(0, 280)}`,
        cause: `The target date ${g.target_date} passed at progress ${goal.percent === null ? 'unknown' : `${Math.round(goal.percent * 100) / 100}%`}.`,
      },
    });
  }
  return out;
}

/** The event of a milestone_achieved alert. */
export function milestoneEvent(a: AlertRecord): WebhookEvent {
  return {
    type: 'milestone.achieved',
    customer_id: a.customer_id,
    at: a.created_at,
    data: {
      customer_id: a.customer_id,
      goal_id: a.goal_id,
      milestone_id: a.milestone_id ?? '',
      alert_id: a.id,
      title: a.title,
      cause: a.cause,
    },
  };
}

/** The event of a health trigger's alert. */
export function healthEvent(a: AlertRecord): WebhookEvent {
  return {
    type: BY_ALERT[a.type],
    customer_id: a.customer_id,
    at: a.created_at,
    data: { customer_id: a.customer_id, alert_id: a.id, title: a.title, cause: a.cause },
  };
}

/** A recorded measurement's event. Notes stay out: they are internal text. */
export function measurementEvent(
  goal: DerivedGoal,
  m: { metricId: string; id: string | null; at: number; value: number },
  at: number,
): WebhookEvent {
  return {
    type: 'measurement.recorded',
    customer_id: goal.record.customer_id,
    at,
    data: {
      customer_id: goal.record.customer_id,
      goal_id: goal.record.id,
      metric_id: m.metricId,
      measurement_id: m.id,
      measured_at: isoTimestamp(m.at),
      value: m.value,
      goal_status: goal.status,
      achievement_pct: goal.percent,
    },
  };
}
