// createShareLink, listShareLinks, revokeShareLink and the link's page: "Share with customer"
// gives an expiring, revocable, read-only link to one customer's customer-facing dashboard.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../log.js';
import { type Api, apiOf } from '../testing/api.js';
import { TEST_NOW, type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const DAY = 86_400_000;

describeBackends('share links (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let pageDir: string;
  let page: TestApp['app'];
  const lines: string[] = [];
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    pageDir = await mkdtemp(join(tmpdir(), 'cscx-share-page-'));
    await writeFile(join(pageDir, 'share.html'), '<!doctype html><title>Shared</title>');
    // An app that serves the page, logging to `lines`.
    page = createApp({
      db: t.db,
      clock: t.clock,
      log: createLogger('info', (l) => lines.push(l)),
      static: { specFile: join(pageDir, 'none.yaml'), hostPageDir: pageDir, cdnDir: null },
    });
  }, 180_000);
  afterAll(async () => {
    await t?.t.cleanup();
    if (pageDir) await rm(pageDir, { recursive: true, force: true });
  });
  afterEach(() => t.clock.set(TEST_NOW));

  const share = async (
    body: Record<string, unknown> = {},
    options: { token?: string; customerId?: string; key?: string } = {},
  ) =>
    call(
      'createShareLink',
      { customerId: options.customerId ?? 'cus_acme' },
      {
        token: options.token ?? 'manager',
        headers: { 'idempotency-key': options.key ?? randomUUID() },
        body,
      },
    );
  const openPage = (token: string) => page.request(`http://server.test/share/${token}`);

  describe('createShareLink', () => {
    it('gives a manager a 30-day link with an unguessable token, stored only as its hash, never cached', async () => {
      const r = await share({ label: 'Q2 review' });
      expect(r.status, r.text).toBe(201);
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('location')).toBe(`/api/customers/cus_acme/share-links/${r.json.id}`);
      expect(r.json).toEqual({
        id: expect.stringMatching(/^shl_/),
        customer_id: 'cus_acme',
        label: 'Q2 review',
        status: 'active',
        created_at: TEST_NOW.toISOString(),
        expires_at: new Date(TEST_NOW.getTime() + 30 * DAY).toISOString(),
        revoked_at: null,
        token: expect.stringMatching(/^cscx_share_[A-Za-z0-9_-]{43}$/),
        url: `http://server.test/share/${r.json.token}`,
      });
      const rows = await t.db.query<Record<string, unknown>>(
        'SELECT * FROM share_links WHERE id = $1',
        [r.json.id],
      );
      expect(JSON.stringify(rows)).not.toContain(r.json.token);
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it("lets the customer's CSM share it; a viewer or a share link gets 403, another CSM 404", async () => {
      expect((await share({}, { token: 'csm' })).status).toBe(201);
      const viewer = await share({}, { token: 'viewer' });
      expect(viewer.status).toBe(403);
      expect(viewer.problem.type).toBe('/problems/forbidden');
      const link = (await share()).json;
      expect((await share({}, { token: link.token })).status).toBe(403);
      const other = await share({}, { token: 'otherCsm' });
      expect(other.status).toBe(404);
      expect((await share({}, { customerId: 'cus_nobody' })).status).toBe(404);
    });

    it('requires an Idempotency-Key (428), and a repeat returns the same token', async () => {
      const none = await call('createShareLink', { customerId: 'cus_acme' }, { body: {} });
      expect(none.status).toBe(428);
      expect(none.problem.errors?.[0]?.field).toBe('header.Idempotency-Key');
      const key = randomUUID();
      const first = await share({ label: 'once' }, { key });
      const again = await share({ label: 'once' }, { key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('cache-control')).toBe('no-store');
      expect(again.json).toEqual(first.json);
      const stored = await t.db.query<{ body: string }>(
        'SELECT body FROM idempotency_keys WHERE key = $1',
        [key],
      );
      expect(stored[0]?.body).not.toContain(first.json.token);
    });

    it('takes expires_at from 5 minutes to 90 days ahead; anything else is a 422 naming it', async () => {
      const at = (ms: number) => new Date(TEST_NOW.getTime() + ms).toISOString();
      const ok = await share({ expires_at: at(90 * DAY) });
      expect(ok.status, ok.text).toBe(201);
      expect(ok.json.expires_at).toBe(at(90 * DAY));
      expect((await share({ expires_at: at(5 * 60_000) })).status).toBe(201);
      for (const bad of [at(90 * DAY + 1000), at(60_000), at(-DAY)]) {
        const r = await share({ expires_at: bad });
        expect(r.status, bad).toBe(422);
        expect(r.problem.errors).toEqual([
          {
            field: '/expires_at',
            message: expect.stringContaining('90 days'),
            code: 'expiry_range',
          },
        ]);
      }
      const shape = await share({ expires_at: 'next week', extra: 1 });
      expect(shape.status).toBe(422);
      expect(shape.problem.errors?.map((e) => e.field).sort()).toEqual(['/expires_at', '/extra']);
    });
  });

  describe('the link', () => {
    it('reads its one customer, customer-facing, and nothing else; it never writes', async () => {
      const { token } = (await share()).json;
      const metrics = await call(
        'getCustomerSuccessMetrics',
        { customerId: 'cus_acme' },
        { token },
      );
      expect(metrics.status).toBe(200);
      expect(metrics.json.goals.every((g) => g.recommendations === null)).toBe(true);
      const list = await call('listCustomers', {}, { token });
      expect(list.json.items.map((c) => c.id)).toEqual(['cus_acme']);
      expect((await call('getCustomer', { customerId: 'cus_globex' }, { token })).status).toBe(404);
      expect(
        (await call('getSuccessGoal', { goalId: 'goal_globex_tools' }, { token })).status,
      ).toBe(404);
      const write = await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { token, body: { name: 'From the customer', target_date: '2026-09-30' } },
      );
      expect(write.status).toBe(403);
      expect(write.problem.detail).toBe('Share links are read-only.');
    });

    it("of a parent account shows the parent alone, never its children (unlike a parent's viewer token)", async () => {
      const [row] = await t.db.query<{ parent: string; child: string }>(
        'SELECT parent_id AS parent, id AS child FROM customers WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1',
      );
      expect(row, 'the demo has a parent account').toBeDefined();
      const parent = row?.parent ?? '';
      const { token } = (await share({}, { customerId: parent })).json;
      const list = await call('listCustomers', {}, { token, query: { limit: 500 } });
      expect(list.json.items.map((c) => c.id)).toEqual([parent]);
      expect((await call('getCustomer', { customerId: row?.child ?? '' }, { token })).status).toBe(
        404,
      );
      const alerts = await call('listAlerts', {}, { token, query: { state: 'all', limit: 500 } });
      expect(alerts.json.items.every((a) => a.customer_id === parent)).toBe(true);
      const portfolio = await call('getPortfolioSuccessMetrics', {}, { token });
      expect(portfolio.text).not.toContain(`"${row?.child}"`);
    });

    it('downloads the customer-facing report, and is refused an internal one (403)', async () => {
      const { token } = (await share()).json;
      const html = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { token, body: { format: 'html' } },
      );
      expect(html.status).toBe(200);
      expect(html.text).toContain('Acme Corp');
      const internal = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { token, body: { format: 'html', audience: 'internal' } },
      );
      expect(internal.status).toBe(403);
    });

    it('opens the page while live, with no Referer leaving it and the token kept out of the log', async () => {
      const { token } = (await share()).json;
      lines.length = 0;
      const r = await openPage(token);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await r.text()).toContain('Shared');
      expect(lines.join('\n')).toContain('/share/…');
      expect(lines.join('\n')).not.toContain(token);
    });

    it('after expires_at: the page is 410 problem+json, the API 401 saying it expired, never data', async () => {
      const { token } = (
        await share({ expires_at: new Date(TEST_NOW.getTime() + DAY).toISOString() })
      ).json;
      t.clock.advance(DAY);
      const r = await openPage(token);
      expect(r.status).toBe(410);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      const body = (await r.json()) as { type: string; detail: string; instance: string };
      expect(body.type).toBe('/problems/share-link-gone');
      expect(body.detail).toContain('expired');
      expect(JSON.stringify(body)).not.toContain(token);
      const api = await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' }, { token });
      expect(api.status).toBe(401);
      expect(api.problem.detail).toBe('The share link has expired.');
      expect(api.headers.get('www-authenticate')).toContain('error="invalid_token"');
      expect(api.text).not.toContain('Acme');
    });

    it('an unknown token: the page is 404 and the API 401', async () => {
      const fake = `cscx_share_${'A'.repeat(43)}`;
      expect((await openPage(fake)).status).toBe(404);
      expect((await openPage('not-a-link')).status).toBe(404);
      const api = await call('listCustomers', {}, { token: fake });
      expect(api.status).toBe(401);
    });
  });

  describe('listShareLinks and revokeShareLink', () => {
    it('revokes a link at once (page 410, API 401), lists it as revoked, and a repeat is 204 again', async () => {
      const link = (await share({ label: 'to revoke' })).json;
      const params = { customerId: 'cus_acme', shareLinkId: link.id };
      expect((await call('revokeShareLink', params)).status).toBe(204);
      const api = await call('listCustomers', {}, { token: link.token });
      expect(api.status).toBe(401);
      expect(api.problem.detail).toBe('The share link was revoked.');
      const r = await openPage(link.token);
      expect(r.status).toBe(410);
      expect(((await r.json()) as { detail: string }).detail).toContain('revoked');
      t.clock.advance(60_000);
      expect((await call('revokeShareLink', params)).status).toBe(204);
      const list = await call(
        'listShareLinks',
        { customerId: 'cus_acme' },
        { query: { limit: 500 } },
      );
      const listed = list.json.items.find((l) => l.id === link.id);
      expect(listed).toMatchObject({ status: 'revoked', revoked_at: TEST_NOW.toISOString() });
      expect(list.text).not.toContain('cscx_share_');
    });

    it("revokes only the customer's own links: another customer's id is 404", async () => {
      const globex = (await share({}, { customerId: 'cus_globex' })).json;
      const r = await call('revokeShareLink', { customerId: 'cus_acme', shareLinkId: globex.id });
      expect(r.status).toBe(404);
      expect((await call('listCustomers', {}, { token: globex.token })).status).toBe(200);
    });

    it('lists newest first with statuses, paging by cursor', async () => {
      const fresh = await testApp(backend);
      try {
        const api = apiOf(fresh.app);
        const made: string[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await api(
            'createShareLink',
            { customerId: 'cus_globex' },
            {
              headers: { 'idempotency-key': randomUUID() },
              body: { expires_at: new Date(TEST_NOW.getTime() + (i + 1) * DAY).toISOString() },
            },
          );
          made.push(r.json.id);
          fresh.clock.advance(1000);
        }
        fresh.clock.advance(DAY);
        const first = await api(
          'listShareLinks',
          { customerId: 'cus_globex' },
          { query: { limit: 2 } },
        );
        expect(first.json.items.map((l) => [l.id, l.status])).toEqual([
          [made[2], 'active'],
          [made[1], 'active'],
        ]);
        const next = await api(
          'listShareLinks',
          { customerId: 'cus_globex' },
          { query: { limit: 2, cursor: first.json.next_cursor ?? '' } },
        );
        expect(next.json.items.map((l) => [l.id, l.status])).toEqual([[made[0], 'expired']]);
        expect(next.json.next_cursor).toBeNull();
      } finally {
        await fresh.t.cleanup();
      }
    });
  });
});
