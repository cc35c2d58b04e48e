// The HTTP surface around the operations: request ids on every response and log line, security
// headers, CORS only for configured partner origins, problem documents for unknown routes and
// methods, and the contract, its reference page and the home page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DEFAULT_STATIC } from '../app.js';
import { createLogger } from '../log.js';
import { apiOf } from '../testing/api.js';
import { seededDatabase, testClock } from '../testing/harness.js';
import type { TestDatabase } from '../testing/test-db.js';

const AUTH = { authorization: 'Bearer demo-manager-token' };

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
});
