import { OPERATIONS, type OperationId, type SuccessClientMethods } from './generated/operations.js';
import { paginate } from './paginate.js';
import {
  type CallOptions,
  type ClientOptions,
  type RequestSpec,
  Transport,
  type TransportDeps,
} from './transport.js';

/** The typed client: one method per operationId of openapi.yaml. */
export type SuccessClient = SuccessClientMethods;

type Input = Record<string, unknown> | undefined;

function buildSpec(id: OperationId, input: Input): RequestSpec {
  const op = OPERATIONS[id];
  const args = input ?? {};
  let path: string = op.path;
  for (const name of op.pathParams) {
    const value = args[name];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`${id}: ${name} is required`);
    }
    path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
  }
  const query: Record<string, unknown> = {};
  for (const name of op.queryParams) if (args[name] !== undefined) query[name] = args[name];
  const headers: Record<string, string | undefined> = {};
  for (const [key, header] of Object.entries(op.headerParams)) {
    const value = args[key];
    if (value === undefined || value === null) continue;
    // A bare version number becomes the strong ETag the server sent (`"7"`).
    headers[header] = key === 'ifMatch' && typeof value === 'number' ? `"${value}"` : String(value);
  }
  return {
    operationId: id,
    method: op.method,
    path,
    query,
    headers,
    body: args.body,
    response: op.response,
    responseSchema: op.responseSchema,
    responseGuard: op.responseGuard,
    requestSchema: op.requestSchema,
    contentType: op.bodyTypes.length > 0 ? String(args.contentType ?? op.bodyTypes[0]) : undefined,
    idempotencyKey: 'idempotencyKey' in op.headerParams,
  };
}

/**
 * Creates a client for the CSCX Success API. Every method takes one input object (path and
 * query parameters by name, `body`, and `ifMatch` / `idempotencyKey` where the operation has
 * them) and resolves to the response data, or rejects with a typed error: a `SuccessApiError` (one subclass per problem
 * type: `InvalidRequestError`, `NotFoundError`, `PreconditionFailedError`, `RateLimitError`,
 * `ServerError`, ...), `NetworkError`, `TimeoutError` or `ValidationError`, none of which
 * carries the token.
 *
 * @example
 * import { createSuccessClient } from '@cscx/success-sdk';
 *
 * const client = createSuccessClient({ baseUrl: 'http://127.0.0.1:8787', token: 'demo-csm-token' });
 * const { metrics } = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' });
 * console.log(metrics.value_delivered.roi_multiplier);
 */
export function createSuccessClient(options: ClientOptions): SuccessClient {
  return clientWith(options, {});
}

/** The client over a transport with injected surroundings (tests: a sleep that does not wait). */
export function clientWith(options: ClientOptions, deps: TransportDeps): SuccessClient {
  const transport = new Transport(options, deps);
  const client: Record<string, unknown> = {};
  for (const id of Object.keys(OPERATIONS) as OperationId[]) {
    const call = (input?: Input, callOptions?: CallOptions) =>
      transport.send(buildSpec(id, input), callOptions);
    const itemsKey = OPERATIONS[id].itemsKey as string | undefined;
    if (itemsKey) {
      Object.assign(call, {
        all: (input?: Input, callOptions?: CallOptions) =>
          paginate(
            (cursor) =>
              call(cursor === undefined ? input : { ...input, cursor }, callOptions) as Promise<
                Record<string, unknown>
              >,
            itemsKey,
          ),
      });
    }
    client[id] = call;
  }
  return client as unknown as SuccessClient;
}
