/**
 * @cscx/success-sdk: a typed client for the CSCX Success API (openapi.yaml).
 *
 * @example
 * import { createSuccessClient, NotFoundError } from '@cscx/success-sdk';
 *
 * const client = createSuccessClient({ baseUrl: 'http://127.0.0.1:8787', token: process.env.CSCX_TOKEN });
 * for await (const customer of client.listCustomers.all({ segment: 'enterprise' })) {
 *   const { metrics } = await client.getCustomerSuccessMetrics({ customerId: customer.id });
 *   console.log(customer.name, metrics.value_delivered.roi_multiplier);
 * }
 * try {
 *   await client.getSuccessGoal({ goalId: 'goal_gone' });
 * } catch (e) {
 *   if (!(e instanceof NotFoundError)) throw e; // a RateLimitError, ServerError, ... was retried already
 * }
 *
 * @packageDocumentation
 */
export { createSuccessClient, type SuccessClient } from './client.js';
export {
  AuthenticationError,
  ConflictError,
  type FieldError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  type ProblemDetails,
  RateLimitError,
  type RequestSummary,
  type ResponseMeta,
  ServerError,
  ServiceUnavailableError,
  SuccessApiError,
  SuccessError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type { components, operations, paths } from './generated/openapi.js';
export type * from './generated/operations.js';
export { OPERATIONS } from './generated/operations.js';
export * as schemas from './generated/schemas.js';
export type { PaginatedMethod } from './paginate.js';
export type { RetryOptions } from './retry.js';
export type { CallOptions, ClientOptions, Middleware, RawBody, TokenContext } from './transport.js';
