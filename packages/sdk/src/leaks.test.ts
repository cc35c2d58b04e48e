// Fault tests for every way a credential could reach an SDK error, and from there a log line or
// a stack trace: a proxy that echoes the request (Authorization header and all) in its error
// body, in free text, in its status line or its headers; a base URL with user-info; network
// errors and their cause chains; middleware that fails quoting the request; bodies that break
// the contract while quoting the token. Each error is rendered every way a program shows one.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { responseExample } from '../../../testing/openapi-spec.js';
import { clientWith } from './client.js';
import {
  AuthenticationError,
  createSuccessClient,
  type Middleware,
  NetworkError,
  SuccessApiError,
  SuccessError,
  ValidationError,
} from './index.js';
import { REDACTED } from './redact.js';
import { type FaultServer, json, startFaultServer } from './testing/fault-server.js';

const TOKEN = 'tok_live_9f8e7d6c5b4a3210';
const PASSWORD = 'hunter2-Pa55word';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.use((_req, res) => json(res, 500, { title: 'no handler', status: 500 })));

const client = (extra: Partial<Parameters<typeof createSuccessClient>[0]> = {}) =>
  createSuccessClient({ baseUrl: server.url, token: TOKEN, retries: 0, ...extra });

/** Every text a program may show of an error: message, stack, causes, inspect, JSON. */
function renderings(e: unknown): string[] {
  const out = [String(e), inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  try {
    out.push(JSON.stringify(e));
  } catch {
    out.push('(unserialisable)');
  }
  let current: unknown = e;
  for (let i = 0; i < 10 && current instanceof Error; i++) {
    out.push(current.message, current.stack ?? '', inspect(current, { showHidden: true }));
    current = current.cause;
  }
  if (e instanceof SuccessApiError)
    out.push(JSON.stringify(e.problem), JSON.stringify(e.fieldErrors));
  if (e instanceof ValidationError) out.push(JSON.stringify(e.issues));
  return out;
}

function expectNoSecret(e: unknown, ...secrets: string[]): void {
  for (const text of renderings(e))
    for (const secret of [TOKEN, ...secrets]) expect(text).not.toContain(secret);
}

/** The echo a proxy sends back: the request it received, headers included. */
const echo = (req: { method: string; url: string; headers: Record<string, unknown> }) => ({
  type: 'about:blank',
  title: 'Bad gateway',
  status: 502,
  detail: `upstream refused ${req.method} ${req.url} (authorization: ${String(req.headers.authorization)})`,
  request: { method: req.method, url: req.url, headers: req.headers },
  raw: `GET ${req.url} HTTP/1.1\r\nAuthorization: ${String(req.headers.authorization)}\r\nHost: x`,
  errors: [
    {
      field: '/headers/authorization',
      message: `got ${String(req.headers.authorization)}`,
      code: 'x',
    },
  ],
});

describe('a proxy that echoes the Authorization header', () => {
  it('leaves the token out of the problem, message, stack, inspect and JSON, and marks where it was', async () => {
    server.use((req, res) => json(res, 502, echo(req)));
    const e = await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SuccessApiError);
    expectNoSecret(e);
    const problem = (e as SuccessApiError).problem as unknown as Record<string, unknown> & {
      request: { headers: Record<string, unknown> };
    };
    expect(problem.request.headers.authorization).toBe(REDACTED);
    // Everything else of the echo is kept: it is what tells the user what happened.
    expect(problem.request.headers.host).toBe(server.url.replace('http://', ''));
    expect(problem.detail).toBe(
      `upstream refused GET /api/customers/cus_acme (authorization: Bearer ${REDACTED})`,
    );
    expect(problem.raw).toContain(`Authorization: Bearer ${REDACTED}\r\nHost: x`);
    expect((e as SuccessApiError).fieldErrors[0]?.message).toBe(`got Bearer ${REDACTED}`);
    expect((e as SuccessApiError).message).toContain(REDACTED);
  });

  it('redacts the echo whatever the header name’s case, and other credential headers', async () => {
    server.use((req, res) =>
      json(res, 400, {
        title: 'Bad request',
        status: 400,
        echoed: {
          Authorization: req.headers.authorization,
          'X-Api-Key': req.headers['x-api-key'],
          Cookie: req.headers.cookie,
          nested: [{ deeper: { 'Proxy-Authorization': 'Basic dXNlcjpodW50ZXIy' } }],
        },
      }),
    );
    const e = await client({
      headers: { 'x-api-key': 'key_abcdef123456', cookie: 'sid=s3cr3t-cookie' },
    })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expectNoSecret(e, 'key_abcdef123456', 's3cr3t-cookie', 'dXNlcjpodW50ZXIy');
    expect((e as SuccessApiError).problem.echoed).toEqual({
      Authorization: REDACTED,
      'X-Api-Key': REDACTED,
      Cookie: REDACTED,
      nested: [{ deeper: { 'Proxy-Authorization': REDACTED } }],
    });
  });

  it('redacts credentials a middleware added, which the client never saw, wherever they are echoed', async () => {
    // An auth middleware of the caller's own: a scheme the SDK does not know and an API key.
    const auth: Middleware = (request, next) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Token mw-token-8a7b6c5d');
      headers.set('x-api-key', 'mw-key-1f2e3d4c');
      return next(new Request(request, { headers }));
    };
    server.use((req, res) =>
      json(res, 502, {
        title: 'Bad gateway',
        status: 502,
        detail: `got ${String(req.headers.authorization)} and ${String(req.headers['x-api-key'])}`,
        raw: `X-Api-Key: ${String(req.headers['x-api-key'])}\r\nAuthorization: ${String(req.headers.authorization)}`,
      }),
    );
    const e = await client({ token: undefined as never, middleware: [auth] })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SuccessApiError);
    expectNoSecret(e, 'mw-token-8a7b6c5d', 'mw-key-1f2e3d4c');
    expect((e as SuccessApiError).problem.detail).toBe(`got Token ${REDACTED} and ${REDACTED}`);
  });

  it('redacts a token a proxy puts in its status line or in the request id', async () => {
    server.use((req, res) => {
      res.writeHead(503, `Refused ${String(req.headers.authorization)}`, {
        'content-type': 'text/plain',
        'x-request-id': `req-${TOKEN}`,
      });
      res.end(`you sent ${String(req.headers.authorization)}`);
    });
    const e = await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(SuccessApiError);
    expectNoSecret(e);
    expect((e as SuccessApiError).problem.title).toBe(`Refused Bearer ${REDACTED}`);
    expect((e as SuccessApiError).requestId).toBe(`req-${REDACTED}`);
  });

  it('redacts every token getToken gave during the call, the refused one and its successor', async () => {
    server.use((req, res) => json(res, 401, { ...echo(req), title: 'Unauthorized', status: 401 }));
    let n = 0;
    const e = await createSuccessClient({
      baseUrl: server.url,
      retries: 0,
      getToken: () => `short-lived-token-${++n}`,
    })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(server.requests).toHaveLength(2);
    expectNoSecret(e, 'short-lived-token-1', 'short-lived-token-2');
  });
});

describe('credentials in the base URL', () => {
  it('refuses a base URL with user-info at once, quoting it without the password', () => {
    const url = `http://csm:${PASSWORD}@127.0.0.1:8787`;
    let thrown: unknown;
    try {
      createSuccessClient({ baseUrl: url, token: TOKEN });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toContain(`http://${REDACTED}@127.0.0.1:8787`);
    expectNoSecret(thrown, PASSWORD, 'csm:');
  });

  it('quotes an unparsable base URL without its user-info (no `input` copy of it either)', () => {
    let thrown: unknown;
    try {
      createSuccessClient({ baseUrl: `http://csm:${PASSWORD}@host:port/`, token: TOKEN });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(/baseUrl is not a valid URL/);
    expectNoSecret(thrown, PASSWORD);
  });

  it('wraps the TypeError fetch throws for a URL with credentials (a middleware rewrote it) in a redacted NetworkError', async () => {
    const rewrite: Middleware = (request, next) =>
      next(new Request(request.url.replace('http://', `http://csm:${PASSWORD}@`), request));
    const e = await client({ middleware: [rewrite] })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetworkError);
    expectNoSecret(e, PASSWORD);
    expect((e as NetworkError).message).toContain(`http://${REDACTED}@`);
    // The cause is the platform's error, redacted, not dropped.
    expect((e as NetworkError).cause).toBeInstanceOf(TypeError);
    expect(String((e as NetworkError).cause)).toContain(REDACTED);
  });
});

describe('network errors', () => {
  it('names the URL and the root cause (connection refused) and keeps its code, without credentials', async () => {
    const closed = await startFaultServer();
    const url = closed.url;
    await closed.close();
    const e = await createSuccessClient({
      baseUrl: url,
      token: TOKEN,
      retries: 0,
    })
      .listCustomers({ search: 'acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetworkError);
    const err = e as NetworkError;
    expect(err.message).toMatch(
      new RegExp(`^listCustomers: network error for GET ${url}/api/customers\\?search=acme: `),
    );
    expect(err.message).toMatch(/ECONNREFUSED/);
    let root: unknown = err.cause;
    while (root instanceof Error && root.cause instanceof Error) root = root.cause;
    expect((root as { code?: string }).code).toBe('ECONNREFUSED');
    expectNoSecret(e);
    expect(JSON.parse(JSON.stringify(e)).cause).toMatchObject({ name: 'TypeError' });
  });

  it('redacts the message and whole cause chain of an error a middleware throws quoting the request', async () => {
    const leaky: Middleware = (request) => {
      const auth = request.headers.get('authorization') ?? '';
      const inner = new Error(`socket closed while sending ${auth}`);
      Object.assign(inner, { code: 'ECONNRESET', address: `token=${TOKEN}` });
      const middle = new TypeError(`upstream ${request.url}?access_token=${TOKEN}`, {
        cause: inner,
      });
      const outer = new AggregateError([middle], `all attempts failed for ${auth}`, {
        cause: middle,
      });
      throw outer;
    };
    const e = await client({ middleware: [leaky] })
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetworkError);
    expectNoSecret(e);
    const middle = (e as NetworkError).cause as Error;
    expect((middle.cause as Error).cause).toBeInstanceOf(Error);
    const inner = (middle.cause as Error).cause as Error & { code: string };
    expect(inner.code).toBe('ECONNRESET');
    expect(inner.message).toBe(`socket closed while sending Bearer ${REDACTED}`);
  });

  it('redacts a token in the URL’s query string, in the summary and the message', async () => {
    server.use((_req, res) => void res.socket?.destroy());
    const e = await client()
      .listCustomers({ search: TOKEN })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(NetworkError);
    expectNoSecret(e);
  });
});

describe('bodies that break the contract while quoting the token', () => {
  it('redacts the token valibot quotes as the value it received', async () => {
    const body = {
      ...responseExample<Record<string, unknown>>('getCustomer'),
      investment: `Bearer ${TOKEN}`,
    };
    server.use((_req, res) => json(res, 200, body));
    const e = await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.field).toBe('/investment');
    expectNoSecret(e);
  });

  it('redacts the snippet of a malformed body the JSON parser quotes', async () => {
    server.use((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"echo": ${TOKEN}}`);
    });
    const e = await client()
      .getCustomer({ customerId: 'cus_acme' })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expectNoSecret(e, TOKEN.slice(0, 8));
  });

  it('redacts the token from a request body the contract refuses before sending', async () => {
    const e = await clientWith({ baseUrl: server.url, token: TOKEN }, {})
      .recordMeasurement({ goalId: 'g', body: { metric_id: 'm', value: TOKEN } as never })
      .catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expectNoSecret(e);
    expect(server.requests).toHaveLength(0);
  });
});

describe('every kind of error at once', () => {
  it('carries no token in any rendering, and SuccessError catches them all', async () => {
    const handlers = [
      (req: Parameters<typeof echo>[0], res: Parameters<typeof json>[0]) =>
        json(res, 404, { ...echo(req), status: 404 }),
      (_req: unknown, res: Parameters<typeof json>[0]) => void res.socket?.destroy(),
      (req: Parameters<typeof echo>[0], res: Parameters<typeof json>[0]) =>
        json(res, 200, { id: req.headers.authorization }),
      async (_req: unknown, res: Parameters<typeof json>[0]) => {
        await new Promise((r) => setTimeout(r, 500));
        if (!res.destroyed) json(res, 200, {});
      },
    ];
    for (const handler of handlers) {
      server.use(handler);
      const e = await client({ timeoutMs: 150 })
        .getCustomer({ customerId: 'x' })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(SuccessError);
      expectNoSecret(e);
    }
  });
});
