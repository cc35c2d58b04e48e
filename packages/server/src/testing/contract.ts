// Every response of the server's tests is checked against openapi.yaml by an independent
// validator (ajv over the spec, testing/openapi-ajv.ts): status documented for the operation,
// body valid for its media type, required headers present and well-formed. Test-only.
import { contractErrors } from '../../../../testing/openapi-ajv.js';
import { deref, type Json, operation, operations } from '../../../../testing/openapi-spec.js';

export type OperationId =
  | 'listCustomers'
  | 'createCustomer'
  | 'getCustomer'
  | 'updateCustomer'
  | 'getHealthModel'
  | 'updateHealthModel'
  | 'getCustomerHealth'
  | 'recordHealthObservation'
  | 'recordKpiObservation'
  | 'getCustomerKpis'
  | 'getPortfolioKpis'
  | 'listMilestones'
  | 'createMilestone'
  | 'updateMilestone'
  | 'createSuccessGoal'
  | 'getSuccessGoal'
  | 'updateSuccessGoal'
  | 'deleteSuccessGoal'
  | 'recordMeasurement'
  | 'updateMeasurement'
  | 'deleteMeasurement'
  | 'getPortfolioSuccessMetrics'
  | 'listAtRiskGoals'
  | 'getCustomerSuccessMetrics'
  | 'generateSuccessReport'
  | 'getAccountSuccessMetrics'
  | 'createAccountGoal'
  | 'listAlerts'
  | 'acknowledgeAlert'
  | 'dismissAlert'
  | 'createEmbedToken'
  | 'revokeEmbedTokenByValue'
  | 'revokeEmbedToken'
  | 'createShareLink'
  | 'listShareLinks'
  | 'revokeShareLink'
  | 'createImport'
  | 'getImport'
  | 'createWebhook'
  | 'listWebhooks'
  | 'getWebhook'
  | 'updateWebhook'
  | 'deleteWebhook'
  | 'rotateWebhookSecret'
  | 'sendWebhookTest'
  | 'listWebhookDeliveries'
  | 'redeliverWebhookDelivery'
  | 'listGoalTemplates'
  | 'createGoalTemplate'
  | 'getGoalTemplate'
  | 'updateGoalTemplate'
  | 'deleteGoalTemplate';

export const OPERATION_IDS = operations().map((o) => o.operationId) as OperationId[];

interface HeaderSpec {
  required?: boolean;
  schema?: Json;
}

/** Problems with a response of `id`, `[]` when it matches the contract. */
export function responseProblems(
  id: OperationId,
  status: number,
  headers: Headers,
  body: string,
): string[] {
  const op = operation(id);
  const out: string[] = [];
  const spec = op.responses[String(status)];
  if (!spec) return [`${id}: status ${status} is not in openapi.yaml`];
  const requestId = headers.get('x-request-id');
  if (!requestId || !/^[A-Za-z0-9._-]{1,128}$/.test(requestId))
    out.push(`X-Request-Id missing or malformed: ${requestId}`);
  const type = (headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (status >= 400) {
    if (type !== 'application/problem+json') out.push(`error content-type ${type}`);
    let problem: unknown;
    try {
      problem = JSON.parse(body);
    } catch {
      return [...out, 'problem body is not JSON'];
    }
    out.push(
      ...contractErrors({ $ref: '#/components/schemas/Problem' }, problem).map(
        (e) => `Problem${e}`,
      ),
    );
    if ((problem as { request_id?: unknown }).request_id !== requestId)
      out.push('request_id differs from X-Request-Id');
    if ((problem as { status?: unknown }).status !== status)
      out.push('problem status differs from HTTP status');
  }
  const resolved = deref(spec) as {
    headers?: Record<string, HeaderSpec>;
    content?: Record<string, { schema?: Json }>;
  };
  for (const [name, h] of Object.entries(resolved.headers ?? {})) {
    const header = deref(h) as HeaderSpec;
    const value = headers.get(name);
    if (value === null) {
      if (header.required) out.push(`header ${name} missing`);
      continue;
    }
    if (header.schema) {
      const typed = header.schema.type === 'integer' ? Number(value) : value;
      out.push(...contractErrors(header.schema, typed).map((e) => `header ${name}: ${e}`));
    }
  }
  const content = resolved.content;
  if (!content) {
    if (body.length > 0) out.push(`status ${status} must have no body`);
    return out;
  }
  const media = content[type];
  if (!media) return [...out, `content-type ${type} not documented for ${status}`];
  if (type.endsWith('json')) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return [...out, 'body is not JSON'];
    }
    if (media.schema) out.push(...contractErrors(media.schema, data));
  }
  return out;
}
