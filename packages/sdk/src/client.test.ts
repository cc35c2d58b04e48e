// The client against a real HTTP server on 127.0.0.1: success paths, pagination, problem+json,
// and the faults a real network produces. Every call must end with data or a typed error
// within its deadline; a POST is never applied twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestExample, responseExample } from '../../../testing/openapi-spec.js';
import { clientWith } from './client.js';
import {
  NetworkError,
  ServerError,
  SuccessApiError,
  SuccessError,
  TimeoutError,
  ValidationError,
} from './errors.js';
import { createSuccessClient, type Middleware } from './index.js';
import { type FaultServer, json, startFaultServer } from './testing/fault-server.js';

const TOKEN = 'tok_live_4f3c2a1b9e8d7c6b';
let server: FaultServer;

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() =>
  server.use((_req, res) => json(res, 500, { title: 'no handler installed', status: 500 })),
);

/** Fast retries so fault tests stay quick; the schedule itself is pinned in retry.test.ts. */
const client = (extra: Partial<Parameters<typeof createSuccessClient>[0]> = {}) =>
  createSuccessClient({
    baseUrl: server.url,
    token: TOKEN,
    retries: { retries: 2, baseDelayMs: 5, maxDelayMs: 50 },
    ...extra,
  });

const problem = (status: number, title: string, extra: object = {}) => ({
  type: 'about:blank',
  title,
  status,
  ...extra,
});

describe('success paths', () => {
  it('sends the bearer token and path parameters and returns the validated body', async () => {
    const body = responseExample('getCustomerSuccessMetrics');
    server.use((_req, res) => json(res, 200, body));
    const data = await client().getCustomerSuccessMetrics({
      customerId: 'cus acme/1',
      period: '2026-Q2',
    });
    expect(data).toEqual(body);
    const [req] = server.requests;
    expect(req?.method).toBe('GET');
    expect(req?.url).toBe('/api/reports/success-metrics/cus%20acme%2F1?period=2026-Q2');
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req?.headers.accept).toContain('application/json');
  });

  it("sends the client's locale as Accept-Language, a call's locale or acceptLanguage over it", async () => {
    const body = responseExample('getCustomerSuccessMetrics');
    server.use((_req, res) => json(res, 200, body));
    await client().getCustomerSuccessMetrics({ customerId: 'cus_acme' });
    const german = client({ locale: 'de-DE' });
    await german.getCustomerSuccessMetrics({ customerId: 'cus_acme', explain: true });
    await german.getCustomerSuccessMetrics({ customerId: 'cus_acme' }, { locale: 'ja-JP' });
    await german.getCustomerSuccessMetrics({ customerId: 'cus_acme', acceptLanguage: 'fr;q=0.9' });
    // Not a language tag: not sent (a header never carries what the caller did not mean).
    await client({ locale: 'de-DE\r\nx-evil: 1' }).getCustomerSuccessMetrics({
      customerId: 'cus_acme',
    });
    // Without a locale the platform's default goes (Node's fetch sends `*`: the server's en-US).
    const platform = server.requests[0]?.headers['accept-language'];
    expect(server.requests.map((r) => r.headers['accept-language'])).toEqual([
      platform,
      'de-DE',
      'ja-JP',
      'fr;q=0.9',
      platform,
    ]);
    expect(platform).not.toMatch(/de/);
  });

  it('sends query parameters by their contract names and skips the ones not given', async () => {
    server.use((_req, res) => json(res, 200, responseExample('listCustomers')));
    await client().listCustomers({ segment: 'enterprise', limit: 2 });
    expect(server.requests[0]?.url).toBe('/api/customers?segment=enterprise&limit=2');
  });

  it('iterates every item across pages with .all()', async () => {
    const page = responseExample<{ items: { id: string }[]; next_cursor: string | null }>(
      'listCustomers',
    );
    const item = page.items[0]!;
    server.use((req, res) => {
      const cursor = new URL(req.url, server.url).searchParams.get('cursor');
      const n = cursor ? Number(cursor) : 0;
      json(res, 200, {
        items: [
          { ...item, id: `cus_${n}a` },
          { ...item, id: `cus_${n}b` },
        ],
        next_cursor: n < 2 ? String(n + 1) : null,
      });
    });
    const ids: string[] = [];
    for await (const c of client().listCustomers.all({ segment: 'smb' })) ids.push(c.id);
    expect(ids).toEqual(['cus_0a', 'cus_0b', 'cus_1a', 'cus_1b', 'cus_2a', 'cus_2b']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/customers?segment=smb',
      '/api/customers?segment=smb&cursor=1',
      '/api/customers?segment=smb&cursor=2',
    ]);
  });

  it('sends the body as JSON with an Idempotency-Key on POST', async () => {
    server.use((_req, res) => json(res, 201, responseExample('createSuccessGoal')));
    const body = requestExample('createSuccessGoal');
    await client().createSuccessGoal({ body: body as never });
    const [req] = server.requests;
    expect(JSON.parse(req!.body)).toEqual(body);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a caller-given Idempotency-Key', async () => {
    server.use((_req, res) => json(res, 201, responseExample('recordMeasurement')));
    await client().recordMeasurement({
      goalId: 'goal_1',
      idempotencyKey: 'measure-2026-06-30',
      body: requestExample('recordMeasurement') as never,
    });
    expect(server.requests[0]?.headers['idempotency-key']).toBe('measure-2026-06-30');
  });

  it('sends a numeric version as a quoted If-Match ETag', async () => {
    server.use((_req, res) => json(res, 200, responseExample('updateSuccessGoal')));
    await client().updateSuccessGoal({
      goalId: 'goal_1',
      ifMatch: 7,
      body: requestExample('updateSuccessGoal') as never,
    });
    expect(server.requests[0]?.headers['if-match']).toBe('"7"');
  });

  it('resolves a report to a File named by Content-Disposition', async () => {
    server.use((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="acme-success-report.pdf"',
      });
      res.end(Buffer.from('%PDF-1.7\n'));
    });
    const file = await client().generateSuccessReport({
      customerId: 'cus_acme',
      body: { format: 'pdf' } as never,
    });
    expect(file).toBeInstanceOf(File);
    expect(file.name).toBe('acme-success-report.pdf');
    expect(file.type).toBe('application/pdf');
    expect(await file.text()).toBe('%PDF-1.7\n');
  });

  it('resolves a 204 delete to undefined', async () => {
    server.use((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    await expect(client().deleteSuccessGoal({ goalId: 'goal_1' })).resolves.toBeUndefined();
  });

  it('asks getToken (which wins over token) before every attempt so a refreshed token is used on retry', async () => {
    let n = 0;
    server.use((_req, res, attempt) =>
      attempt === 1
        ? json(res, 503, problem(503, 'Service Unavailable'))
        : json(res, 200, responseExample('getCustomer')),
    );
    await client({ getToken: async () => `short-lived-${++n}` }).getCustomer({
      customerId: 'cus_acme',
    });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer short-lived-1',
      'Bearer short-lived-2',
    ]);
  });

  it('asks getToken again with the refused token after a 401 and repeats the call once with the new one, a POST too', async () => {
    server.use((req, res, attempt) =>
      req.headers.authorization === 'Bearer expired-1'
        ? json(res, 401, problem(401, 'Unauthorized'))
        : attempt === 2
          ? json(res, 503, problem(503, 'Service Unavailable'))
          : json(res, 201, responseExample('createEmbedToken')),
    );
    const asked: unknown[] = [];
    let fresh = 'expired-1';
    const minted = await client({
      getToken: (context) => {
        asked.push(context);
        if (context.rejected) fresh = 'fresh-2';
        return fresh;
      },
      retries: 1,
    }).createEmbedToken({ body: { customer_id: 'cus_acme' } });
    expect(minted.customer_id).toBe('cus_acme');
    // Told once, right after the 401; the retry of the 503 asks as usual, and the refresh did
    // not use up the one retry.
    expect(asked).toEqual([{}, { rejected: 'expired-1' }, {}]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer expired-1',
      'Bearer fresh-2',
      'Bearer fresh-2',
    ]);
    // The same request again: the same Idempotency-Key, so a server that did apply it replays.
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
  });

  it('answers the 401 when getToken gives the refused token again, or when the new one is refused too', async () => {
    server.use((_req, res) => json(res, 401, problem(401, 'Unauthorized')));
    const same = await client({ getToken: () => 'stuck' })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e);
    expect((same as SuccessApiError).status).toBe(401);
    expect(server.requests).toHaveLength(1);
    let n = 0;
    const twice = await client({ getToken: () => `t${++n}` })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e);
    expect((twice as SuccessApiError).status).toBe(401);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer stuck',
      'Bearer t1',
      'Bearer t2',
    ]);
    // A fixed `token` has nothing to refresh: one request, its 401.
    await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(4);
  });

  it('runs middleware around each attempt, outermost first', async () => {
    server.use((_req, res) => json(res, 200, responseExample('getCustomer')));
    const order: string[] = [];
    const tag =
      (name: string): Middleware =>
      async (request, next) => {
        order.push(`${name}>`);
        const headers = new Headers(request.headers);
        headers.append('x-trace', name);
        const response = await next(new Request(request, { headers }));
        order.push(`<${name}`);
        return response;
      };
    await client({ middleware: [tag('a'), tag('b')] }).getCustomer({ customerId: 'cus_acme' });
    expect(order).toEqual(['a>', 'b>', '<b', '<a']);
    expect(server.requests[0]?.headers['x-trace']).toBe('a, b');
  });
});

describe('errors from the server', () => {
  it('throws SuccessApiError with the problem details and request id on 401, without retrying', async () => {
    server.use((_req, res) =>
      json(
        res,
        401,
        problem(401, 'Unauthorized', {
          detail: 'The token is missing, malformed, revoked or expired.',
        }),
      ),
    );
    const err = await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SuccessApiError);
    const e = err as SuccessApiError;
    expect(e.status).toBe(401);
    expect(e.problem.title).toBe('Unauthorized');
    expect(e.requestId).toBe('req_test');
    expect(e.message).toBe(
      'getCustomer failed with 401 Unauthorized: The token is missing, malformed, revoked or expired.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('throws 404 for an unknown goal', async () => {
    server.use((_req, res) => json(res, 404, problem(404, 'Not Found')));
    await expect(client().getSuccessGoal({ goalId: 'goal_missing' })).rejects.toMatchObject({
      name: 'SuccessApiError',
      status: 404,
    });
  });

  it('throws 412 on a stale If-Match and does not retry it', async () => {
    server.use((_req, res) =>
      json(
        res,
        412,
        problem(412, 'Precondition Failed', { detail: 'The goal is at version 8; you sent 7.' }),
      ),
    );
    const err = await client()
      .updateSuccessGoal({
        goalId: 'g',
        ifMatch: 7,
        body: requestExample('updateSuccessGoal') as never,
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 412,
      problem: { detail: 'The goal is at version 8; you sent 7.' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('exposes the invalid fields of a 422 problem', async () => {
    const errors = [
      { field: '/metrics/0/target_value', message: 'must be a number', code: 'type' },
    ];
    server.use((_req, res) => json(res, 422, problem(422, 'Validation failed', { errors })));
    const err = (await client()
      .createSuccessGoal({ body: requestExample('createSuccessGoal') as never })
      .catch((e: unknown) => e)) as SuccessApiError;
    expect(err.fieldErrors).toEqual(errors);
    expect(server.requests).toHaveLength(1);
  });

  it('describes an error status without a problem body from its status line', async () => {
    server.use((_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<h1>upstream down</h1>');
    });
    const err = (await client({ retries: 0 })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e)) as SuccessApiError;
    expect(err.problem).toEqual({ title: 'Bad Gateway', status: 502 });
  });

  it('retries a 500 on GET, which cannot be applied twice, and gives up with ServerError', async () => {
    server.use((_req, res) => json(res, 500, problem(500, 'Internal Server Error')));
    const err = await client()
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect(err).toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(3);
  });
});

describe('faults', () => {
  it('retries 503 with backoff and succeeds', async () => {
    server.use((_req, res, attempt) =>
      attempt < 3
        ? json(res, 503, problem(503, 'Service Unavailable'))
        : json(res, 200, responseExample('getCustomer')),
    );
    await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toMatchObject({
      id: expect.any(String),
    });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    server.use((_req, res) => json(res, 503, problem(503, 'Service Unavailable')));
    const err = (await client()
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e)) as SuccessApiError;
    expect(err.status).toBe(503);
    expect(err.request.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After on 429', async () => {
    server.use((_req, res, attempt) =>
      attempt === 1
        ? json(res, 429, problem(429, 'Too Many Requests'), { 'retry-after': '1' })
        : json(res, 200, responseExample('getCustomer')),
    );
    const slept: number[] = [];
    await clientWith(
      {
        baseUrl: server.url,
        token: TOKEN,
        retries: { retries: 1, baseDelayMs: 1, maxDelayMs: 5_000 },
      },
      { sleep: async (ms) => void slept.push(ms) },
    ).getCustomer({ customerId: 'cus_acme' });
    // The backoff alone would be below 1 ms: a second means the header was honoured.
    expect(slept).toEqual([1_000]);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a Retry-After longer than the deadline at once instead of sleeping into a timeout', async () => {
    server.use((_req, res) =>
      json(res, 429, problem(429, 'Too Many Requests'), { 'retry-after': '120' }),
    );
    const t0 = Date.now();
    const err = (await client({ timeoutMs: 2_000, retries: { retries: 2, maxDelayMs: 200_000 } })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e)) as SuccessApiError;
    expect(err.status).toBe(429);
    expect(err.retryAfterSeconds).toBe(120);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it('retries a dropped connection on GET and succeeds', async () => {
    server.use((_req, res, attempt) => {
      if (attempt === 1) return void res.socket?.destroy();
      json(res, 200, responseExample('getCustomer'));
    });
    await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it('throws NetworkError when the connection keeps dropping', async () => {
    server.use((_req, res) => void res.socket?.destroy());
    const err = await client()
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).request.attempts).toBe(3);
  });

  it('retries a POST with the same Idempotency-Key so the server can apply it once', async () => {
    const applied = new Map<string, unknown>();
    const created = responseExample('createSuccessGoal');
    server.use((req, res) => {
      const key = String(req.headers['idempotency-key']);
      const first = !applied.has(key);
      if (first) applied.set(key, created);
      // The first attempt is applied but its answer is lost on the way back.
      if (first) return void res.socket?.destroy();
      json(res, 201, applied.get(key));
    });
    await expect(
      client().createSuccessGoal({ body: requestExample('createSuccessGoal') as never }),
    ).resolves.toEqual(created);
    expect(server.requests).toHaveLength(2);
    expect(new Set(server.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(applied.size).toBe(1);
  });

  it('times out a slow response within the deadline with TimeoutError', async () => {
    server.use(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 3_000));
      if (!res.destroyed) json(res, 200, responseExample('getCustomer'));
    });
    const t0 = Date.now();
    const err = await client({ timeoutMs: 300 })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).timeoutMs).toBe(300);
    expect(Date.now() - t0).toBeLessThan(1_500);
  });

  it('keeps the deadline even when an injected fetch ignores the abort signal', async () => {
    const stuck: typeof fetch = () => new Promise<Response>(() => {});
    const err = await client({ fetch: stuck, timeoutMs: 200 })
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
  });

  it('times out a body that stalls half-way', async () => {
    server.use((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"id":"cus_acme",');
    });
    const err = await client({ timeoutMs: 300 })
      .getCustomer({ customerId: 'x' }, { timeoutMs: 250 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).timeoutMs).toBe(250);
  });

  it('treats a truncated body (connection cut mid-body) as a network failure and retries', async () => {
    server.use((_req, res, attempt) => {
      if (attempt === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"id":"cus_acme",');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      json(res, 200, responseExample('getCustomer'));
    });
    await expect(client().getCustomer({ customerId: 'cus_acme' })).resolves.toBeDefined();
    expect(server.requests).toHaveLength(2);
  });

  it('throws ValidationError for malformed JSON', async () => {
    server.use((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "cus_acme", ');
    });
    const err = await client()
      .getCustomer({ customerId: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).direction).toBe('response');
    expect((err as ValidationError).issues[0]?.message).toMatch(/not valid JSON/);
  });

  it('throws ValidationError naming the path of a body the contract does not allow', async () => {
    const body = responseExample<{ metrics: { value_delivered: Record<string, unknown> } }>(
      'getCustomerSuccessMetrics',
    );
    body.metrics.value_delivered.roi_multiplier = 'lots';
    server.use((_req, res) => json(res, 200, body));
    const err = (await client()
      .getCustomerSuccessMetrics({ customerId: 'cus_acme' })
      .catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues.map((i) => i.field)).toContain('/metrics/value_delivered/roi_multiplier');
    expect(err.message).toContain('/metrics/value_delivered/roi_multiplier');
  });

  it('throws ValidationError naming the item of a page that breaks the contract', async () => {
    // Pages take the generated guard's fast path; a failing guard must still end in valibot's
    // error with its path, not in a half-typed page.
    const body = responseExample<{ customers: Record<string, unknown>[] }>(
      'getPortfolioSuccessMetrics',
    );
    body.customers[0]!.segment = 'galactic';
    server.use((_req, res) => json(res, 200, body));
    const err = (await client()
      .getPortfolioSuccessMetrics({})
      .catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues.map((i) => i.field)).toEqual(['/customers/0/segment']);
  });

  it('returns a page with a field it does not know without that field, as valibot does', async () => {
    const body = responseExample<{ items: Record<string, unknown>[] }>('listCustomers');
    const expected = structuredClone(body);
    body.items[0]!.loyalty_tier = 'gold';
    server.use((_req, res) => json(res, 200, body));
    await expect(client().listCustomers()).resolves.toStrictEqual(expected);
  });

  it('returns the body unchecked when validation is turned off', async () => {
    server.use((_req, res) => json(res, 200, { anything: true }));
    await expect(client({ validate: false }).getCustomer({ customerId: 'x' })).resolves.toEqual({
      anything: true,
    });
  });

  it('refuses to send a request body the contract does not allow, naming the field', async () => {
    const body = { ...requestExample('recordMeasurement'), value: 'eleven' };
    const err = (await client()
      .recordMeasurement({ goalId: 'g', body: body as never })
      .catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.direction).toBe('request');
    expect(err.issues.map((i) => i.field)).toContain('/value');
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with the caller’s abort reason when the signal aborts', async () => {
    server.use(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 2_000));
      if (!res.destroyed) json(res, 200, {});
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user navigated away')), 50);
    await expect(
      client().getCustomer({ customerId: 'x' }, { signal: controller.signal }),
    ).rejects.toThrow('user navigated away');
  });
});

describe('credentials never leak', () => {
  it('keeps the token out of messages and serialised errors of every kind', async () => {
    const errors: unknown[] = [];
    for (const handler of [
      (_req: unknown, res: import('node:http').ServerResponse) =>
        json(res, 401, problem(401, 'Unauthorized')),
      (_req: unknown, res: import('node:http').ServerResponse) => void res.socket?.destroy(),
      (_req: unknown, res: import('node:http').ServerResponse) => json(res, 200, { broken: true }),
    ]) {
      server.use(handler);
      errors.push(
        await client({ retries: 0 })
          .getCustomer({ customerId: 'x' })
          .catch((e: unknown) => e),
      );
    }
    for (const e of errors) {
      expect(e).toBeInstanceOf(SuccessError);
      const text = `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack ?? ''}`;
      expect(text).not.toContain(TOKEN);
      expect(text.toLowerCase()).not.toContain('authorization');
    }
  });
});
