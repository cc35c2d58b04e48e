// What the client retries and how long it waits, over real HTTP with an injected sleep that
// records each delay instead of waiting it: 5xx and network failures for idempotent requests
// (GET, PUT, DELETE, and a POST with an Idempotency-Key), never for a POST without one; capped
// exponential backoff with jitter, or the server's Retry-After.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../../testing/openapi-spec.js';
import { clientWith } from './client.js';
import { NetworkError, ServerError, SuccessApiError } from './errors.js';
import type { ClientOptions } from './index.js';
import { MAX_RETRIES } from './retry.js';
import { type FaultServer, json, startFaultServer } from './testing/fault-server.js';
import { type RequestSpec, Transport } from './transport.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.use((_req, res) => json(res, 500, { title: 'no handler', status: 500 })));

let slept: number[];
beforeEach(() => {
  slept = [];
});
const deps = {
  sleep: async (ms: number) => void slept.push(ms),
  // The middle of every jitter range, so each delay is half its ceiling.
  random: () => 0.5,
};
const options = (extra: Partial<ClientOptions> = {}): ClientOptions => ({
  baseUrl: server.url,
  token: 'tok_retry_5a6b7c8d',
  retries: { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
  ...extra,
});
const client = (extra: Partial<ClientOptions> = {}) => clientWith(options(extra), deps);

const fail = (status: number) => ({ title: `HTTP ${status}`, status });
/** Fails `times` times with `status`, then answers `ok`. */
const flaky = (status: number, times: number, ok: (res: Parameters<typeof json>[0]) => void) =>
  server.use((_req, res, attempt) =>
    attempt <= times ? json(res, status, fail(status)) : ok(res),
  );

describe('retrying server errors', () => {
  it.each([500, 502, 503, 504])(
    'retries a GET answered %i with exponential backoff and jitter, then succeeds',
    async (status) => {
      flaky(status, 3, (res) => json(res, 200, responseExample('getCustomer')));
      await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toBeDefined();
      expect(server.requests).toHaveLength(4);
      // Ceilings 100, 200, 400 ms; full jitter at 0.5 draws half of each.
      expect(slept).toEqual([50, 100, 200]);
    },
  );

  it('caps each delay at maxDelayMs and stops after the configured retries with the last error', async () => {
    server.use((_req, res) => json(res, 503, fail(503)));
    const err = (await client({ retries: { retries: 5, baseDelayMs: 100, maxDelayMs: 300 } })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e)) as ServerError;
    expect(err).toBeInstanceOf(ServerError);
    expect(err.request.attempts).toBe(6);
    expect(slept).toEqual([50, 100, 150, 150, 150]);
  });

  it('bounds the attempts even when told to retry without end', async () => {
    server.use((_req, res) => json(res, 500, fail(500)));
    const err = (await client({ retries: Number.POSITIVE_INFINITY })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e)) as ServerError;
    expect(err.request.attempts).toBe(MAX_RETRIES + 1);
    expect(server.requests).toHaveLength(MAX_RETRIES + 1);
  });

  it('retries PUT and DELETE, which are idempotent', async () => {
    flaky(500, 1, (res) => json(res, 200, responseExample('updateSuccessGoal')));
    await client().updateSuccessGoal({
      goalId: 'goal_1',
      ifMatch: 3,
      body: requestExample('updateSuccessGoal') as never,
    });
    flaky(502, 1, (res) => {
      res.writeHead(204);
      res.end();
    });
    await client().deleteSuccessGoal({ goalId: 'goal_1', ifMatch: 3 });
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    expect(slept).toEqual([50, 50]);
  });

  it('retries a POST with its Idempotency-Key, the same key every time', async () => {
    flaky(500, 2, (res) => json(res, 201, responseExample('createSuccessGoal')));
    await client().createSuccessGoal({ body: requestExample('createSuccessGoal') as never });
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('never retries a POST without an Idempotency-Key: on 5xx, 429 or a dropped connection', async () => {
    // An operation that does not take the header: the client sends none and may not resend.
    const spec: RequestSpec = {
      operationId: 'postWithoutKey',
      method: 'POST',
      path: '/api/things',
      body: { a: 1 },
      response: 'json',
    };
    const transport = new Transport(options(), deps);
    for (const status of [500, 502, 503, 504, 429]) {
      server.use((_req, res) => json(res, status, fail(status), { 'retry-after': '1' }));
      const err = await transport.send(spec).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SuccessApiError);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined();
    }
    server.use((_req, res) => void res.socket?.destroy());
    expect(await transport.send(spec).catch((e: unknown) => e)).toBeInstanceOf(NetworkError);
    expect(server.requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('never retries 501 or a 4xx other than 408 and 429', async () => {
    for (const status of [400, 401, 403, 404, 409, 412, 422, 428, 501]) {
      server.use((_req, res) => json(res, status, fail(status)));
      await client()
        .getCustomer({ customerId: 'x' })
        .catch(() => undefined);
      expect(server.requests).toHaveLength(1);
    }
    expect(slept).toEqual([]);
  });

  it('waits what Retry-After says on a 503, in seconds or as an HTTP date, instead of the backoff', async () => {
    server.use((_req, res, attempt) =>
      attempt === 1
        ? json(res, 503, fail(503), { 'retry-after': '2' })
        : attempt === 2
          ? json(res, 503, fail(503), { 'retry-after': 'Mon, 23 Nov 2026 10:00:04 GMT' })
          : json(res, 200, responseExample('getCustomer')),
    );
    await clientWith(options({ retries: { retries: 2, baseDelayMs: 100, maxDelayMs: 10_000 } }), {
      ...deps,
      now: () => Date.parse('2026-11-23T10:00:00Z'),
    }).getCustomer({ customerId: 'cus_acme' });
    expect(slept).toEqual([2_000, 4_000]);
  });

  it('retries a GET whose connection drops, with the same backoff', async () => {
    server.use((_req, res, attempt) =>
      attempt <= 2 ? void res.socket?.destroy() : json(res, 200, responseExample('getCustomer')),
    );
    await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toBeDefined();
    expect(slept).toEqual([50, 100]);
  });
});
