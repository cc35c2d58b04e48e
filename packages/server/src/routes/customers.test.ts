// listCustomers and getCustomer: scope, filters, ordering and pagination.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

describeBackends('customers (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('lists every customer for a manager, ordered by name then id, 50 per page by default', async () => {
    const r = await call('listCustomers');
    expect(r.status).toBe(200);
    expect(r.json.items).toHaveLength(50);
    const names = r.json.items.map((c) => `${c.name}\u0000${c.id}`);
    expect([...names].sort()).toEqual(names);
    expect(r.json.next_cursor).toEqual(expect.any(String));
  });

  it('walks every page with next_cursor and sees each customer exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<Api>> = await call(
        'listCustomers',
        {},
        { query: { limit: 37, ...(cursor ? { cursor } : {}) } },
      );
      expect(r.status).toBe(200);
      const page = r.json as { items: { id: string }[]; next_cursor: string | null };
      seen.push(...page.items.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(202);
    expect(new Set(seen).size).toBe(202);
  });

  it('shows a CSM only the customers they own, and a viewer only their one customer', async () => {
    const csm = await call('listCustomers', {}, { token: 'csm', query: { limit: 500 } });
    expect(csm.json.items.length).toBeGreaterThan(10);
    expect(csm.json.items.every((c) => c.csm_id === 'csm_riley')).toBe(true);
    expect(csm.json.items.map((c) => c.id)).toContain('cus_acme');
    const viewer = await call('listCustomers', {}, { token: 'viewer' });
    expect(viewer.json.items.map((c) => c.id)).toEqual(['cus_acme']);
  });

  it('combines filters with the scope: a filter outside it gives an empty list, not an error', async () => {
    const r = await call('listCustomers', {}, { token: 'csm', query: { csm_id: 'csm_morgan' } });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ items: [], next_cursor: null });
  });

  it('filters by segment, CSM and a case-insensitive name substring', async () => {
    const r = await call('listCustomers', {}, { query: { search: 'ACME' } });
    expect(r.json.items.map((c) => c.id)).toEqual(['cus_acme']);
    const ent = await call(
      'listCustomers',
      {},
      { query: { segment: 'enterprise', csm_id: 'csm_morgan', limit: 500 } },
    );
    expect(ent.json.items.length).toBeGreaterThan(0);
    expect(
      ent.json.items.every((c) => c.segment === 'enterprise' && c.csm_id === 'csm_morgan'),
    ).toBe(true);
  });

  it('rejects a cursor used with other filters', async () => {
    const first = await call('listCustomers', {}, { query: { limit: 2 } });
    const r = await call(
      'listCustomers',
      {},
      { query: { limit: 2, segment: 'smb', cursor: first.json.next_cursor! } },
    );
    expect(r.status).toBe(400);
    expect(r.problem.errors?.[0]?.field).toBe('query.cursor');
  });

  it('returns Acme Corp with its currency and investment', async () => {
    const r = await call('getCustomer', { customerId: 'cus_acme' });
    expect(r.json).toEqual({
      id: 'cus_acme',
      name: 'Acme Corp',
      segment: 'enterprise',
      industry: 'Software',
      csm_id: 'csm_riley',
      currency: 'USD',
      contract_start: '2025-07-01',
      investment: 68000,
      parent_id: null,
      version: 1,
    });
  });

  it('answers 404, identical to a missing customer, for one outside the scope', async () => {
    const outside = await call('getCustomer', { customerId: 'cus_globex' }, { token: 'csm' });
    const missing = await call('getCustomer', { customerId: 'cus_nope' }, { token: 'csm' });
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outside.problem.type).toBe(missing.problem.type);
    expect(outside.problem.title).toBe(missing.problem.title);
  });
});
