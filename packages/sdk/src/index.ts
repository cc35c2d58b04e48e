/**
 * @cscx/success-sdk: a typed client for the CSCX Success API (openapi.yaml).
 *
 * @example
 * import { createSuccessClient, SuccessApiError } from '@cscx/success-sdk';
 *
 * const client = createSuccessClient({ baseUrl: 'http://127.0.0.1:8787', token: process.env.CSCX_TOKEN });
 * for await (const customer of client.listCustomers.all({ segment: 'enterprise' })) {
 *   const { metrics } = await client.getCustomerSuccessMetrics({ customerId: customer.id });
 *   console.log(customer.name, metrics.value_delivered.roi_multiplier);
 * }
 *
 * @packageDocumentation
 */
export { createSuccessClient, type SuccessClient } from './client.js';
export {
  type FieldError,
  NetworkError,
  type ProblemDetails,
  type RequestSummary,
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
export type { CallOptions, ClientOptions, Middleware, TokenContext } from './transport.js';
