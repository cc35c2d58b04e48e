// The HTTP surface around the operations: request ids on every response and log line, security
// headers, CORS only for configured partner origins, problem documents for unknown routes and
// methods, and the contract, its reference page and the home page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DEFAULT_STATIC } from '../app.js';
import { createLogger } from '../log.js';
import { apiOf } from '../testing/api.js';
import { seededDatabase, testClock } from '../testing/harness.js';
import { listen } from '../testing/listen.js';
import type { TestDatabase } from '../testing/test-db.js';
import { SERVER_TIMEOUTS } from './server.js';

const AUTH = { authorization: 'Bearer demo-manager-token' };

interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Milliseconds from connecting until the server closed the connection. */
  readonly closedAfterMs: number;
}

/**
 * Writes bytes to the server as they are, outside any HTTP client (which would refuse to send
 * them), and reads until the server closes: the first chunk on connecting, each further one
 * once an answer has arrived.
 */
function rawRequest(port: number, chunks: readonly string[], waitMs = 10_000): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(`the server kept the connection open for ${waitMs} ms: ${data.slice(0, 200)}`),
      );
    }, waitMs);
    socket.setEncoding('utf8');
    let next = 1;
    socket.on('data', (d: string) => {
      data += d;
      const chunk = chunks[next++];
      if (chunk !== undefined) socket.write(chunk);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const at = l.indexOf(':');
        if (at > 0) headers[l.slice(0, at).toLowerCase()] = l.slice(at + 1).trim();
      }
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: rest.join('\r\n\r\n'),
        closedAfterMs: performance.now() - started,
      });
    });
    socket.on('connect', () => {
      if (chunks[0] !== undefined) socket.write(chunks[0]);
    });
  });
}

describe('HTTP surface', () => {
  let t: TestDatabase;
  const lines: Record<string, unknown>[] = [];
  let app: ReturnType<typeof createApp>;
  let hostDir: string;
  beforeAll(async () => {
    t = await seededDatabase('pglite');
    hostDir = mkdtempSync(join(tmpdir(), 'cscx-host-'));
    app = createApp({
      db: t.db,
      clock: testClock(),
      log: createLogger('info', (l) => lines.push(JSON.parse(l) as Record<string, unknown>)),
      cors: { origins: ['https://partner.example.com'] },
      static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: null },
    });
  }, 180_000);
  afterAll(async () => {
    await t?.cleanup();
    rmSync(hostDir, { recursive: true, force: true });
  });

  it('keeps a valid client X-Request-Id, replaces an invalid one, and logs the request under it', async () => {
    const kept = await app.request('http://x/api/customers/cus_acme', {
      headers: { ...AUTH, 'x-request-id': 'trace-123.abc_DEF' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-123.abc_DEF');
    expect(
      lines.some(
        (l) =>
          l.request_id === 'trace-123.abc_DEF' &&
          l.status === 200 &&
          l.path === '/api/customers/cus_acme' &&
          l.token === 'tok_demo_manager',
      ),
    ).toBe(true);
    const replaced = await app.request('http://x/api/customers/nope', {
      headers: { ...AUTH, 'x-request-id': 'bad id with spaces' },
    });
    const id = replaced.headers.get('x-request-id');
    expect(id).toMatch(/^req_[A-Za-z0-9_-]+$/);
    const problem = (await replaced.json()) as { request_id: string };
    expect(problem.request_id).toBe(id);
    expect(lines.some((l) => l.request_id === id && l.status === 404)).toBe(true);
  });

  it('sends security headers and no-store on API answers', async () => {
    const r = await app.request('http://x/api/customers', { headers: AUTH });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('allows CORS for configured partner origins only, preflight included', async () => {
    const pre = await app.request('http://x/api/customers', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://partner.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    const ok = await app.request('http://x/api/customers', {
      headers: { ...AUTH, origin: 'https://partner.example.com' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
    expect(ok.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await app.request('http://x/api/customers', {
      headers: { ...AUTH, origin: 'https://evil.example.com' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = createApp({ db: t.db, clock: testClock(), static: false });
    const same = await none.request('http://x/api/customers', {
      headers: { ...AUTH, origin: 'https://partner.example.com' },
    });
    expect(same.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends Permissions-Policy and Cross-Origin-Resource-Policy: same-origin, and /cdn/ stays cross-origin', async () => {
    const api = await app.request('http://x/api/customers', { headers: AUTH });
    const permissions = api.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()'])
      expect(permissions).toContain(feature);
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    for (const path of ['/', '/docs', '/openapi.yaml', '/api/nothing']) {
      const r = await app.request(`http://x${path}`, { headers: AUTH });
      expect(r.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(r.headers.get('permissions-policy'), path).toBe(permissions);
    }
    // A partner page reads the API through CORS, which CORP leaves alone...
    const partner = await app.request('http://x/api/customers', {
      headers: { ...AUTH, origin: 'https://partner.example.com' },
    });
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
    // ...and loads the script bundle from /cdn/, which says cross-origin, found or not.
    const cdnDir = mkdtempSync(join(tmpdir(), 'cscx-cdn-'));
    try {
      writeFileSync(join(cdnDir, 'success-elements.js'), 'export {};');
      const cdn = createApp({
        db: t.db,
        clock: testClock(),
        cors: { origins: ['https://partner.example.com'] },
        static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: null, cdnDir },
      });
      for (const path of ['/cdn/success-elements.js', '/cdn/nope.js']) {
        const r = await cdn.request(`http://x${path}`, {
          headers: { origin: 'https://partner.example.com' },
        });
        expect(r.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
        expect(r.headers.get('access-control-allow-origin'), path).toBe(
          'https://partner.example.com',
        );
      }
    } finally {
      rmSync(cdnDir, { recursive: true, force: true });
    }
  });

  it("names the path in an error's instance, never the query (which may carry tokens or search text)", async () => {
    for (const [path, status] of [
      ['/api/customers?token=cscx_secret_value&access_token=abc', 400],
      ['/api/customers?limit=0&search=private+name', 400],
      ['/api/nothing?api_key=k', 404],
      ['/api/customers/cus_nope?x=1', 400],
    ] as const) {
      const r = await app.request(`http://x${path}`, { headers: AUTH });
      expect(r.status, path).toBe(status);
      const text = await r.text();
      const problem = JSON.parse(text) as { instance?: string };
      expect(problem.instance, path).toBe(path.slice(0, path.indexOf('?')));
      for (const secret of ['cscx_secret_value', 'abc', 'private', 'api_key'])
        expect(text, path).not.toContain(secret);
    }
  });

  it("answers requests Node's HTTP parser refuses with problem+json, not an empty 400", async () => {
    const server = await listen(app);
    try {
      const cases: [string, string[], number][] = [
        ['unknown method', ['FROB /api/customers HTTP/1.1\r\nHost: x\r\n\r\n'], 400],
        [
          'Content-Length: -1',
          ['POST /api/success-goals HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n'],
          400,
        ],
        [
          'a backslash in the path',
          ['GET /api\\customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
          400,
        ],
        [
          'an oversized URL',
          [`GET /api/customers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`],
          431,
        ],
        ['a header without a name', ['GET / HTTP/1.1\r\nHost: x\r\n: nameless\r\n\r\n'], 400],
        ['not HTTP at all', ['\u0000\u0001\u0002 garbage\r\n\r\n'], 400],
      ];
      for (const [what, chunks, status] of cases) {
        const r = await rawRequest(server.port, chunks);
        expect(r.status, what).toBe(status);
        expect(r.headers['content-type'], what).toBe('application/problem+json');
        expect(r.headers['x-content-type-options'], what).toBe('nosniff');
        const problem = JSON.parse(r.body) as Record<string, unknown>;
        expect(problem, what).toMatchObject({
          status,
          type: expect.stringMatching(/^\/problems\//),
        });
        expect(problem.request_id, what).toBe(r.headers['x-request-id']);
        expect(String(problem.detail).length, what).toBeGreaterThan(10);
        expect(Number(r.headers['content-length']), what).toBe(Buffer.byteLength(r.body));
      }
      // A keep-alive connection that already had an answer gets the problem for its next,
      // malformed request too (Node's own handler writes nothing once a byte was written).
      const kept = await rawRequest(server.port, [
        'GET /api/customers HTTP/1.1\r\nHost: x\r\n\r\n',
        'FROB / HTTP/1.1\r\nHost: x\r\n\r\n',
      ]);
      expect(kept.status).toBe(401);
      expect(kept.body).toContain('"/problems/bad-request"');
    } finally {
      await server.close();
    }
  });

  it('closes a connection whose client trickles its request, with a 408 problem, within the timeouts', async () => {
    // npm start's settings: a slow client cannot hold a connection for long.
    expect(SERVER_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(SERVER_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(SERVER_TIMEOUTS.requestTimeout).toBeGreaterThanOrEqual(SERVER_TIMEOUTS.headersTimeout);
    expect(SERVER_TIMEOUTS.keepAliveTimeout).toBeLessThanOrEqual(10_000);
    expect(SERVER_TIMEOUTS.connectionsCheckingInterval).toBeLessThanOrEqual(1_000);
    const real = await listen(app);
    try {
      // Not Node's defaults (60 s, 300 s, checked every 30 s): the server uses them.
      const probe = await rawRequest(real.port, [
        'GET /openapi.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ]);
      expect(probe.status).toBe(200);
    } finally {
      await real.close();
    }
    const fast = await listen(app, {
      timeouts: {
        headersTimeout: 300,
        requestTimeout: 600,
        keepAliveTimeout: 300,
        connectionsCheckingInterval: 50,
      },
    });
    try {
      const headers = await rawRequest(
        fast.port,
        ['GET /api/customers HTTP/1.1\r\nHost: x\r\n'],
        5_000,
      );
      expect(headers.status).toBe(408);
      expect(headers.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(headers.body)).toMatchObject({
        status: 408,
        type: '/problems/request-timeout',
      });
      expect(headers.closedAfterMs).toBeLessThan(2_000);
      const body = await rawRequest(
        fast.port,
        [
          'POST /api/success-goals HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
        ],
        5_000,
      );
      expect(body.closedAfterMs).toBeLessThan(2_000);
      // An idle keep-alive connection goes after keepAliveTimeout.
      const idle = await rawRequest(
        fast.port,
        ['GET /openapi.yaml HTTP/1.1\r\nHost: x\r\n\r\n'],
        5_000,
      );
      expect(idle.status).toBe(200);
      expect(idle.closedAfterMs).toBeLessThan(2_000);
    } finally {
      await fast.close();
    }
  }, 30_000);

  it('answers unknown routes with 404 and wrong methods with 405 and Allow, as problem documents', async () => {
    const missing = await app.request('http://x/api/nothing', { headers: AUTH });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await app.request('http://x/api/customers', { method: 'DELETE', headers: AUTH });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect(((await wrong.json()) as { type: string }).type).toBe('/problems/method-not-allowed');
  });

  it('serves openapi.yaml, the API reference rendered from it, and an honest home page', async () => {
    const yaml = await app.request('http://x/openapi.yaml');
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(await yaml.text()).toMatch(/^openapi: 3\.1\.0/);
    const docs = await app.request('http://x/docs');
    const html = await docs.text();
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const op of [
      'listCustomers',
      'getCustomerSuccessMetrics',
      'generateSuccessReport',
      'listAlerts',
    ])
      expect(html).toContain(`id="op-${op}"`);
    expect(html).toContain('id="schema-SuccessGoal"');
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
    const home = await app.request('http://x/');
    const text = await home.text();
    expect(text).toContain('href="/docs"');
    expect(text).toContain('href="/openapi.yaml"');
    expect(text).toContain('not built yet');
  });

  it('serves the demo host page from its folder once it exists, and nothing outside it', async () => {
    mkdirSync(join(hostDir, 'assets'));
    writeFileSync(
      join(hostDir, 'index.html'),
      '<!doctype html><title>Host</title><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(hostDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(hostDir, '.secret'), 'no');
    const host = createApp({
      db: t.db,
      clock: testClock(),
      static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: hostDir },
    });
    const index = await host.request('http://x/');
    expect(await index.text()).toContain('<title>Host</title>');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const js = await host.request('http://x/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const path of [
      '/.secret',
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/nope.js',
    ]) {
      const r = await host.request(`http://x${path}`);
      expect(r.status, path).toBe(404);
    }
    const api = apiOf(host);
    expect((await api('getCustomer', { customerId: 'cus_acme' })).status).toBe(200);
  });

  it("serves the demo page's favicon, as its index declares it and its CSP allows", async () => {
    const host = createApp({
      db: t.db,
      clock: testClock(),
      static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: DEFAULT_STATIC.hostPageDir },
    });
    const index = await host.request('http://x/');
    const href = /<link rel="icon" href="\.(\/[\w.-]+)"/.exec(await index.text())?.[1];
    expect(href).toBe('/favicon.svg');
    // Browsers load an icon under img-src.
    expect(index.headers.get('content-security-policy')).toContain("img-src 'self'");
    const icon = await host.request(`http://x${href}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  it('serves the script-tag bundle at /cdn/: CORS for partner origins, hashed chunks cached for a year', async () => {
    const cdnDir = mkdtempSync(join(tmpdir(), 'cscx-cdn-'));
    try {
      mkdirSync(join(cdnDir, 'chunks'));
      writeFileSync(join(cdnDir, 'success-elements.js'), "import('./chunks/view-AbC123.js');");
      writeFileSync(join(cdnDir, 'chunks', 'view-AbC123.js'), 'export {};');
      const partner = 'https://partner.example.com';
      const cdn = createApp({
        db: t.db,
        clock: testClock(),
        cors: { origins: [partner] },
        static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: null, cdnDir },
      });
      const entry = await cdn.request('http://x/cdn/success-elements.js', {
        headers: { origin: partner },
      });
      expect(entry.status).toBe(200);
      expect(entry.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(entry.headers.get('access-control-allow-origin')).toBe(partner);
      expect(entry.headers.get('vary')).toContain('Origin');
      // The entry's name never changes: revalidated, so a release reaches pages at once.
      expect(entry.headers.get('cache-control')).toBe('no-cache');
      const chunk = await cdn.request('http://x/cdn/chunks/view-AbC123.js', {
        headers: { origin: partner },
      });
      expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const stranger = await cdn.request('http://x/cdn/success-elements.js', {
        headers: { origin: 'https://evil.example' },
      });
      expect(stranger.status).toBe(200);
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
      for (const path of [
        '/cdn/../package.json',
        '/cdn/%2e%2e/index.ts',
        '/cdn/nope.js',
        '/cdn/',
      ]) {
        const r = await cdn.request(`http://x${path}`);
        expect(r.status, path).toBe(404);
      }
      expect(await (await cdn.request('http://x/cdn/nope.js')).text()).toContain(
        '/cdn/success-elements.js',
      );
      const unbuilt = createApp({
        db: t.db,
        clock: testClock(),
        static: { specFile: DEFAULT_STATIC.specFile, hostPageDir: null, cdnDir: join(cdnDir, 'x') },
      });
      const missing = await unbuilt.request('http://x/cdn/success-elements.js');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('npm run build');
    } finally {
      rmSync(cdnDir, { recursive: true, force: true });
    }
  });

  it('sends cached metrics gzip-compressed to clients that accept it, and as plain JSON to the rest', async () => {
    const server = await listen(app);
    try {
      const path = '/api/reports/success-metrics/cus_acme';
      // Twice each: the first answer computes and caches the body, the second is served from it.
      for (let i = 0; i < 2; i++) {
        const plain = await rawRequest(server.port, [
          `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-manager-token\r\nConnection: close\r\n\r\n`,
        ]);
        expect(plain.status).toBe(200);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers.vary).toContain('Accept-Encoding');
        const refused = await rawRequest(server.port, [
          `GET ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-manager-token\r\nAccept-Encoding: gzip;q=0, br\r\nConnection: close\r\n\r\n`,
        ]);
        expect(refused.headers['content-encoding']).toBeUndefined();
        // fetch asks for gzip and decodes it, as browsers and the SDK do.
        const r = await fetch(`${server.url}${path}`, { headers: AUTH });
        expect(r.headers.get('content-encoding')).toBe('gzip');
        expect(r.headers.get('vary')).toContain('Accept-Encoding');
        const body = (await r.json()) as { customer: { id: string } };
        expect(body.customer.id).toBe('cus_acme');
        expect(JSON.stringify(body)).toBe(JSON.stringify(JSON.parse(plain.body)));
      }
    } finally {
      await server.close();
    }
  });
});
