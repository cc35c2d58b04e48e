// Calls an operation of the app the way a client would (method, path and parameters from
// openapi.yaml) and checks the response against the contract before the test sees it.
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { operation } from '../../../../testing/openapi-spec.js';
import type {
  AccountSuccessMetrics,
  Alert,
  AlertList,
  AtRiskGoalList,
  Customer,
  CustomerHealth,
  CustomerKpis,
  CustomerList,
  CustomerSuccessMetrics,
  EmbedToken,
  GoalTemplate,
  GoalTemplateList,
  HealthModel,
  HealthObservationResult,
  ImportResult,
  KpiObservation,
  MeasurementResult,
  Milestone,
  MilestoneList,
  PortfolioKpis,
  PortfolioSuccessMetrics,
  Problem,
  ShareLinkList,
  ShareLinkWithToken,
  SuccessGoal,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookList,
  WebhookWithSecret,
} from '../contract.js';
import type { Env } from '../http/context.js';
import { type OperationId, responseProblems } from './contract.js';
import { TOKENS } from './harness.js';

export interface Responses {
  listCustomers: CustomerList;
  createCustomer: Customer;
  getCustomer: Customer;
  updateCustomer: Customer;
  getHealthModel: HealthModel;
  updateHealthModel: HealthModel;
  getCustomerHealth: CustomerHealth;
  recordHealthObservation: HealthObservationResult;
  recordKpiObservation: KpiObservation;
  getCustomerKpis: CustomerKpis;
  getPortfolioKpis: PortfolioKpis;
  listMilestones: MilestoneList;
  createMilestone: Milestone;
  updateMilestone: Milestone;
  createSuccessGoal: SuccessGoal;
  getSuccessGoal: SuccessGoal;
  updateSuccessGoal: SuccessGoal;
  deleteSuccessGoal: undefined;
  recordMeasurement: MeasurementResult;
  updateMeasurement: MeasurementResult;
  deleteMeasurement: MeasurementResult;
  getPortfolioSuccessMetrics: PortfolioSuccessMetrics;
  listAtRiskGoals: AtRiskGoalList;
  getCustomerSuccessMetrics: CustomerSuccessMetrics;
  generateSuccessReport: undefined;
  getAccountSuccessMetrics: AccountSuccessMetrics;
  createAccountGoal: SuccessGoal;
  listAlerts: AlertList;
  acknowledgeAlert: Alert;
  dismissAlert: Alert;
  createEmbedToken: EmbedToken;
  revokeEmbedTokenByValue: undefined;
  revokeEmbedToken: undefined;
  createShareLink: ShareLinkWithToken;
  listShareLinks: ShareLinkList;
  revokeShareLink: undefined;
  createImport: ImportResult;
  getImport: ImportResult;
  createWebhook: WebhookWithSecret;
  listWebhooks: WebhookList;
  getWebhook: Webhook;
  updateWebhook: Webhook;
  deleteWebhook: undefined;
  rotateWebhookSecret: WebhookWithSecret;
  sendWebhookTest: WebhookDelivery;
  listWebhookDeliveries: WebhookDeliveryList;
  redeliverWebhookDelivery: WebhookDelivery;
  listGoalTemplates: GoalTemplateList;
  createGoalTemplate: GoalTemplate;
  getGoalTemplate: GoalTemplate;
  updateGoalTemplate: GoalTemplate;
  deleteGoalTemplate: undefined;
}

export interface CallOptions {
  /** A role name of TOKENS, a literal token, or null for no Authorization header. */
  readonly token?: keyof typeof TOKENS | (string & {}) | null;
  readonly query?: Record<string, string | number | boolean>;
  /** A JSON body (serialised), or `raw` for exact bytes. */
  readonly body?: unknown;
  readonly raw?: string | Uint8Array;
  readonly headers?: Record<string, string>;
  /** Skip the contract check (for statuses the test expects to be undocumented, e.g. 405). */
  readonly unchecked?: boolean;
}

export interface CallResult<K extends OperationId> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The 2xx JSON body. */
  readonly json: Responses[K];
  /** The problem document of an error. */
  readonly problem: Problem;
}

/** The path of an operation with its path parameters filled in (percent-encoded). */
export function pathOf(id: OperationId, params: Record<string, string> = {}): string {
  return operation(id).path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

export type Api = <K extends OperationId>(
  id: K,
  params?: Record<string, string>,
  options?: CallOptions,
) => Promise<CallResult<K>>;

export function apiOf(app: Hono<Env>): Api {
  return async (id, params = {}, options = {}) => {
    const op = operation(id);
    const url = new URL(`http://server.test${pathOf(id, params)}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers = new Headers(options.headers);
    const token = options.token === undefined ? 'manager' : options.token;
    if (token !== null)
      headers.set(
        'authorization',
        `Bearer ${token in TOKENS ? TOKENS[token as keyof typeof TOKENS] : token}`,
      );
    let body: string | Uint8Array | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const init: RequestInit = { method: op.method, headers };
    if (body !== undefined) init.body = body as BodyInit;
    const res = await app.request(url.toString(), init);
    const text = await res.text();
    if (!options.unchecked) {
      expect(
        responseProblems(id, res.status, res.headers, text),
        `${id} ${res.status}: ${text.slice(0, 300)}`,
      ).toEqual([]);
    }
    const parsed = (() => {
      try {
        return text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        return undefined;
      }
    })();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: parsed as Responses[typeof id],
      problem: parsed as Problem,
    };
  };
}
