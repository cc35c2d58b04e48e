// createCustomer and updateCustomer: validation, roles, If-Match, and that caches see the change.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const INITECH = {
  id: 'cus_initech',
  name: 'Initech',
  segment: 'mid_market',
  industry: 'Financial services',
  csm_id: 'csm_riley',
  currency: 'USD',
  contract_start: '2026-01-01',
  investment: 42000,
};

describeBackends('customer writes (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  it('creates a customer at version 1 that the next GET and list return', async () => {
    const before = await call('getCustomer', { customerId: 'cus_initech' });
    expect(before.status).toBe(404);
    const r = await call('createCustomer', {}, { body: INITECH });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ ...INITECH, parent_id: null, version: 1 });
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.headers.get('location')).toBe('/api/customers/cus_initech');
    const got = await call('getCustomer', { customerId: 'cus_initech' });
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ ...INITECH, parent_id: null, version: 1 });
    const listed = await call('listCustomers', {}, { query: { search: 'Initech' } });
    expect(listed.json.items.map((c) => c.id)).toEqual(['cus_initech']);
  });

  it('assigns an id when none is given and returns the first reply for a repeated Idempotency-Key', async () => {
    const body = { name: 'Hooli', segment: 'smb', currency: 'EUR' };
    const headers = { 'idempotency-key': 'create-hooli-1' };
    const a = await call('createCustomer', {}, { body, headers });
    const b = await call('createCustomer', {}, { body, headers });
    expect(a.status).toBe(201);
    expect(a.json.id).toMatch(/^cus_[a-z0-9]{16}$/);
    expect(b.json.id).toBe(a.json.id);
    const all = await call('listCustomers', {}, { query: { search: 'Hooli' } });
    expect(all.json.items).toHaveLength(1);
    expect(a.json).toMatchObject({ industry: null, csm_id: null, investment: null });
  });

  it('names each invalid field, and a taken id, in a 422', async () => {
    const r = await call(
      'createCustomer',
      {},
      { body: { name: '', segment: 'galactic', currency: 'usd', investment: -1 } },
    );
    expect(r.status).toBe(422);
    expect(r.problem.errors?.map((e) => e.field).sort()).toEqual(
      ['/currency', '/investment', '/name', '/segment'].sort(),
    );
    // The schema's pattern lets 30 February through; the calendar does not (it was a 500).
    const feb30 = await call(
      'createCustomer',
      {},
      { body: { ...INITECH, contract_start: '2026-02-30' } },
    );
    expect(feb30.status).toBe(422);
    expect(feb30.problem.errors).toEqual([
      expect.objectContaining({
        field: '/contract_start',
        message: expect.stringMatching(/real calendar date/),
      }),
    ]);
    const taken = await call('createCustomer', {}, { body: { ...INITECH, id: 'cus_acme' } });
    expect(taken.status).toBe(422);
    expect(taken.problem.errors).toEqual([
      expect.objectContaining({ field: '/id', code: 'already_exists' }),
    ]);
  });

  it('lets a CSM create only into their own portfolio, and never a viewer', async () => {
    const own = await call(
      'createCustomer',
      {},
      { token: 'csm', body: { name: 'Own', segment: 'smb', currency: 'USD' } },
    );
    expect(own.status).toBe(201);
    expect(own.json.csm_id).toBe('csm_riley');
    const other = await call(
      'createCustomer',
      {},
      { token: 'csm', body: { name: 'X', segment: 'smb', currency: 'USD', csm_id: 'csm_morgan' } },
    );
    expect(other.status).toBe(403);
    expect(other.problem.errors?.[0]?.field).toBe('/csm_id');
    const viewer = await call(
      'createCustomer',
      {},
      { token: 'viewer', body: { name: 'V', segment: 'smb', currency: 'USD' } },
    );
    expect(viewer.status).toBe(403);
  });

  it('replaces a customer under If-Match; the success metrics read the new investment at once', async () => {
    const m1 = await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' });
    expect(m1.json.metrics.value_delivered.investment).toBe(68000);
    const got = await call('getCustomer', { customerId: 'cus_acme' });
    const body = { ...got.json, investment: 57000 };
    const r = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { body, headers: { 'if-match': got.headers.get('etag')! } },
    );
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ investment: 57000, version: got.json.version + 1 });
    const m2 = await call('getCustomerSuccessMetrics', { customerId: 'cus_acme' });
    expect(m2.json.metrics.value_delivered.investment).toBe(57000);
    expect(m2.json.customer.version).toBe(got.json.version + 1);
    const stale = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { body, headers: { 'if-match': got.headers.get('etag')! } },
    );
    expect(stale.status).toBe(412);
    const none = await call('updateCustomer', { customerId: 'cus_acme' }, { body });
    expect(none.status).toBe(428);
  });

  it('refuses a changed read-only id, and a CSM handing a customer to another CSM', async () => {
    const got = await call('getCustomer', { customerId: 'cus_acme' });
    const headers = { 'if-match': String(got.json.version) };
    const moved = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { body: { ...got.json, id: 'cus_other' }, headers },
    );
    expect(moved.status).toBe(422);
    expect(moved.problem.errors).toEqual([
      expect.objectContaining({ field: '/id', code: 'read_only' }),
    ]);
    const handed = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { token: 'csm', body: { ...got.json, csm_id: 'csm_morgan' }, headers },
    );
    expect(handed.status).toBe(403);
    const viewer = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { token: 'viewer', body: got.json, headers },
    );
    expect(viewer.status).toBe(403);
    const manager = await call(
      'updateCustomer',
      { customerId: 'cus_acme' },
      { body: { ...got.json, csm_id: 'csm_morgan' }, headers },
    );
    expect(manager.status).toBe(200);
    // Now outside the demo CSM's scope: the same 404 as a missing customer.
    const gone = await call('getCustomer', { customerId: 'cus_acme' }, { token: 'csm' });
    expect(gone.status).toBe(404);
  });
});
