// The error a script catches for each problem type, over real HTTP: its class, status, problem,
// request id and Retry-After, and that the base classes still catch every one of them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { responseExample } from '../../../testing/openapi-spec.js';
import { clientWith } from './client.js';
import {
  AuthenticationError,
  ConflictError,
  createSuccessClient,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  PreconditionFailedError,
  RateLimitError,
  ServerError,
  ServiceUnavailableError,
  SuccessApiError,
  SuccessError,
} from './index.js';
import { type FaultServer, json, startFaultServer } from './testing/fault-server.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.use((_req, res) => json(res, 500, { title: 'no handler', status: 500 })));

const TOKEN = 'tok_errors_7c1d9e2f';
const client = () => createSuccessClient({ baseUrl: server.url, token: TOKEN, retries: 0 });

async function failure(status: number, headers: Record<string, string> = {}): Promise<unknown> {
  server.use((_req, res) =>
    json(
      res,
      status,
      { type: `/problems/p${status}`, title: `T${status}`, status, detail: `D${status}` },
      headers,
    ),
  );
  return client()
    .getCustomer({ customerId: 'cus_acme' })
    .catch((e: unknown) => e);
}

describe('one error class per problem type', () => {
  const table = [
    [400, InvalidRequestError],
    [422, InvalidRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [412, PreconditionFailedError],
    [428, PreconditionFailedError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServiceUnavailableError],
    [504, ServerError],
  ] as const;

  it.each(table)(
    'answers %i with %O, a SuccessApiError and a SuccessError',
    async (status, Kind) => {
      const e = await failure(status);
      expect(e).toBeInstanceOf(Kind);
      expect(e).toBeInstanceOf(SuccessApiError);
      expect(e).toBeInstanceOf(SuccessError);
      expect(e).toBeInstanceOf(Error);
      const err = e as SuccessApiError;
      expect(err.status).toBe(status);
      expect(err.problem).toMatchObject({ type: `/problems/p${status}`, title: `T${status}` });
      expect(err.requestId).toBe('req_test');
      expect(err.message).toBe(`getCustomer failed with ${status} T${status}: D${status}`);
      // Code written before the subclasses tells API errors apart by name (the elements do).
      expect(err.name).toBe('SuccessApiError');
      // And no other problem type's class, but the ones it extends.
      for (const [, Other] of table)
        expect(err instanceof Other).toBe(Other === Kind || Kind.prototype instanceof Other);
    },
  );

  it('makes a 503 a ServerError too, and other statuses plain SuccessApiErrors', async () => {
    expect(await failure(503)).toBeInstanceOf(ServerError);
    for (const status of [405, 408, 413, 415]) {
      const e = await failure(status);
      expect(e).toBeInstanceOf(SuccessApiError);
      expect(Object.getPrototypeOf(e)).toBe(SuccessApiError.prototype);
    }
  });

  it('reads Retry-After as delta-seconds and as an HTTP date into retryAfter', async () => {
    const limited = (await failure(429, { 'retry-after': '7' })) as RateLimitError;
    expect(limited.retryAfter).toBe(7);
    // The old name still answers.
    expect(limited.retryAfterSeconds).toBe(7);
    server.use((_req, res) =>
      json(
        res,
        503,
        { title: 'Service unavailable', status: 503 },
        { 'retry-after': 'Mon, 23 Nov 2026 10:00:30 GMT' },
      ),
    );
    const busy = (await clientWith(
      { baseUrl: server.url, token: TOKEN, retries: 0 },
      { now: () => Date.parse('2026-11-23T10:00:00Z') },
    )
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e)) as ServiceUnavailableError;
    expect(busy).toBeInstanceOf(ServiceUnavailableError);
    expect(busy.retryAfter).toBe(30);
    expect((await failure(404)) as NotFoundError).toMatchObject({ retryAfter: undefined });
  });

  it('takes the request id from the problem when the header is missing', async () => {
    server.use((_req, res) => {
      const body = JSON.stringify({ title: 'Not found', status: 404, request_id: 'req_body' });
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      res.end(body);
    });
    const e = (await client()
      .getCustomer({ customerId: 'x' })
      .catch((err: unknown) => err)) as NotFoundError;
    expect(e.requestId).toBe('req_body');
  });

  it('serialises status, problem, request id and retryAfter for logs', async () => {
    const e = (await failure(429, { 'retry-after': '3' })) as RateLimitError;
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      name: 'SuccessApiError',
      message: 'getCustomer failed with 429 T429: D429',
      request: {
        operationId: 'getCustomer',
        method: 'GET',
        url: `${server.url}/api/customers/cus_acme`,
        attempts: 1,
      },
      status: 429,
      problem: { type: '/problems/p429', title: 'T429', status: 429, detail: 'D429' },
      requestId: 'req_test',
      retryAfter: 3,
    });
  });

  it('exposes the invalid fields of an InvalidRequestError as JSON Pointers', async () => {
    const errors = [{ field: '/metrics/0/unit', message: 'is required', code: 'required' }];
    server.use((_req, res) =>
      json(res, 422, { title: 'Validation failed', status: 422, detail: '1 field', errors }),
    );
    const e = await createSuccessClient({ baseUrl: server.url, token: TOKEN })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(InvalidRequestError);
    expect((e as InvalidRequestError).fieldErrors).toEqual(errors);
    expect(server.requests).toHaveLength(1);
  });

  it('still resolves when the server answers after all', async () => {
    server.use((_req, res) => json(res, 200, responseExample('getCustomer')));
    await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toBeDefined();
  });
});
