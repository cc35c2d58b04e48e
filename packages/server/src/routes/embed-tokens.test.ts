// createEmbedToken, revokeEmbedToken and revokeEmbedTokenByValue: a manager's backend exchanges
// its token for a short-lived, read-only viewer token of one customer, and can revoke it.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createLogger } from '../log.js';
import { type Api, apiOf } from '../testing/api.js';
import { TEST_NOW, type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

describeBackends('embed tokens (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());
  // Tests move the clock to expire tokens; each starts at TEST_NOW again.
  afterEach(() => t.clock.set(TEST_NOW));

  const mint = async (body: Record<string, unknown> = { customer_id: 'cus_acme' }) => {
    const r = await call('createEmbedToken', {}, { body });
    expect(r.status, r.text).toBe(201);
    return r.json;
  };
  const readAcme = (token: string) =>
    call('getCustomerSuccessMetrics', { customerId: 'cus_acme' }, { token });

  it('mints a viewer token of one customer for a manager: 201, 15 minutes by default, never cached', async () => {
    const r = await call('createEmbedToken', {}, { body: { customer_id: 'cus_acme' } });
    expect(r.status).toBe(201);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.json).toEqual({
      id: expect.stringMatching(/^tok_/),
      token: expect.stringMatching(/^cscx_[A-Za-z0-9_-]{43}$/),
      expires_at: '2026-04-30T09:15:00.000Z',
      customer_id: 'cus_acme',
    });
    const [row] = await t.db.query<{ role: string; customer_id: string; label: string }>(
      'SELECT role, customer_id, label FROM api_tokens WHERE id = $1',
      [r.json.id],
    );
    expect(row).toEqual({ role: 'viewer', customer_id: 'cus_acme', label: 'embed' });
  });

  it('gives a token that reads only its customer and cannot write (403)', async () => {
    const { token } = await mint();
    const metrics = await readAcme(token);
    expect(metrics.status).toBe(200);
    expect(metrics.json.customer.name).toBe('Acme Corp');
    const list = await call('listCustomers', {}, { token });
    expect(list.json.items.map((c) => c.id)).toEqual(['cus_acme']);
    expect((await call('getCustomer', { customerId: 'cus_globex' }, { token })).status).toBe(404);
    const write = await call(
      'createMilestone',
      { customerId: 'cus_acme' },
      { token, body: { name: 'From the partner page', target_date: '2026-09-30' } },
    );
    expect(write.status).toBe(403);
    // An embed token cannot mint itself a longer life.
    const again = await call('createEmbedToken', {}, { token, body: { customer_id: 'cus_acme' } });
    expect(again.status).toBe(403);
  });

  it('lets neither a CSM nor a viewer mint or revoke, even for their own customer: 403 before anything else', async () => {
    const { id, token } = await mint();
    for (const who of ['csm', 'viewer'] as const) {
      const own = await call(
        'createEmbedToken',
        {},
        { token: who, body: { customer_id: 'cus_acme' } },
      );
      expect(own.status).toBe(403);
      expect(own.problem.type).toBe('/problems/forbidden');
      expect(own.problem.detail).toBe('Only a manager token may mint embed tokens.');
      // Not 404 or 422: the role is refused before the body or the customer is looked at.
      const unknown = await call(
        'createEmbedToken',
        {},
        { token: who, body: { customer_id: 'cus_nope' } },
      );
      expect(unknown.status).toBe(403);
      const bad = await call('createEmbedToken', {}, { token: who, body: { ttl_seconds: 'x' } });
      expect(bad.status).toBe(403);
      expect((await call('revokeEmbedToken', { tokenId: id }, { token: who })).status).toBe(403);
      const byValue = await call('revokeEmbedTokenByValue', {}, { token: who, body: { token } });
      expect(byValue.status).toBe(403);
    }
    expect((await readAcme(token)).status).toBe(200);
  });

  it('takes ttl_seconds from 60 to 86400 whole seconds, and names /ttl_seconds when it is wrong', async () => {
    expect((await mint({ customer_id: 'cus_acme', ttl_seconds: 60 })).expires_at).toBe(
      '2026-04-30T09:01:00.000Z',
    );
    expect((await mint({ customer_id: 'cus_acme', ttl_seconds: 86_400 })).expires_at).toBe(
      '2026-05-01T09:00:00.000Z',
    );
    const cases: [unknown, string][] = [
      [59, 'minimum'],
      [0, 'minimum'],
      [-900, 'minimum'],
      [86_401, 'maximum'],
      [90.5, 'type'],
      ['900', 'type'],
      [null, 'type'],
    ];
    for (const [ttl, code] of cases) {
      const r = await call(
        'createEmbedToken',
        {},
        { body: { customer_id: 'cus_acme', ttl_seconds: ttl } },
      );
      expect(r.status, JSON.stringify(ttl)).toBe(422);
      expect(r.problem.errors, JSON.stringify(ttl)).toEqual([
        { field: '/ttl_seconds', message: expect.any(String), code },
      ]);
    }
    const missing = await call('createEmbedToken', {}, { body: { ttl_seconds: 900 } });
    expect(missing.problem.errors).toEqual([
      { field: '/customer_id', message: 'Required.', code: 'required' },
    ]);
    const extra = await call(
      'createEmbedToken',
      {},
      { body: { customer_id: 'cus_acme', role: 'manager' } },
    );
    expect(extra.status).toBe(422);
    expect(extra.problem.errors?.[0]).toMatchObject({ field: '/role', code: 'unknown_property' });
  });

  it('answers 404 for a customer that does not exist, as createSuccessGoal does for its customer_id', async () => {
    const r = await call('createEmbedToken', {}, { body: { customer_id: 'cus_nope' } });
    expect(r.status).toBe(404);
    expect(r.problem.detail).toBe('Customer cus_nope was not found.');
  });

  it('stops the token at expires_at with 401 invalid_token, even right after a cached use (injected clock)', async () => {
    const { token } = await mint({ customer_id: 'cus_acme', ttl_seconds: 60 });
    t.clock.advance(55_000);
    expect((await readAcme(token)).status).toBe(200);
    // 5 s later: well inside the 10 s lookup cache, and past expiry.
    t.clock.advance(5_000);
    const r = await readAcme(token);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe(
      'Bearer realm="cscx", error="invalid_token", error_description="The bearer token has expired."',
    );
  });

  it('revokes by id: 204, and the token gets 401 on its very next request although it was just cached', async () => {
    const { id, token } = await mint();
    expect((await readAcme(token)).status).toBe(200);
    const r = await call('revokeEmbedToken', { tokenId: id });
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    const after = await readAcme(token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(after.problem.detail).toBe('The bearer token was revoked.');
    // Revoking again is no error: the token is revoked either way.
    expect((await call('revokeEmbedToken', { tokenId: id })).status).toBe(204);
    expect((await call('revokeEmbedToken', { tokenId: 'tok_unknown' })).status).toBe(404);
  });

  it('revokes by value: 204, and the token gets 401 on its very next request', async () => {
    const { token } = await mint();
    expect((await readAcme(token)).status).toBe(200);
    const r = await call('revokeEmbedTokenByValue', {}, { body: { token } });
    expect(r.status).toBe(204);
    expect((await readAcme(token)).status).toBe(401);
    expect((await call('revokeEmbedTokenByValue', {}, { body: { token } })).status).toBe(204);
    const unknown = await call(
      'revokeEmbedTokenByValue',
      {},
      { body: { token: 'cscx_not-a-token' } },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain('cscx_not-a-token');
  });

  it('never revokes a manager, CSM or CLI-issued viewer token through these operations', async () => {
    const ids = await t.db.query<{ id: string }>('SELECT id FROM api_tokens WHERE NOT embed');
    expect(ids.length).toBeGreaterThan(3);
    for (const { id } of ids)
      expect((await call('revokeEmbedToken', { tokenId: id })).status, id).toBe(404);
    for (const token of ['demo-manager-token', 'demo-csm-token', 'demo-viewer-token']) {
      const r = await call('revokeEmbedTokenByValue', {}, { body: { token } });
      expect(r.status).toBe(404);
      expect(r.text).not.toContain(token);
    }
    expect((await call('listCustomers', {}, { token: 'manager' })).status).toBe(200);
    expect((await readAcme('demo-viewer-token')).status).toBe(200);
  });

  it('stores only a hash of the token, and a repeat of the same Idempotency-Key returns the same token without storing it', async () => {
    const key = 'embed-repeat-1';
    const body = { customer_id: 'cus_acme', ttl_seconds: 600 };
    const first = await call('createEmbedToken', {}, { body, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const { id, token } = first.json;
    const repeat = await call(
      'createEmbedToken',
      {},
      { body, headers: { 'idempotency-key': key } },
    );
    expect(repeat.status).toBe(201);
    expect(repeat.json).toEqual(first.json);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(repeat.headers.get('cache-control')).toBe('no-store');
    const other = await call(
      'createEmbedToken',
      {},
      { body: { customer_id: 'cus_acme' }, headers: { 'idempotency-key': key } },
    );
    expect(other.status).toBe(409);

    const tokens = await t.db.query('SELECT * FROM api_tokens WHERE id = $1', [id]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const stored = await t.db.query('SELECT * FROM idempotency_keys WHERE key = $1', [key]);
    expect(stored).toHaveLength(1);
    const everything = JSON.stringify([
      await t.db.query('SELECT * FROM api_tokens'),
      await t.db.query('SELECT * FROM idempotency_keys'),
    ]);
    expect(everything).toContain(id);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(5));
  });

  it('writes no token to the log: not the minted one, not the one sent to revoke, not the bearer', async () => {
    const lines: string[] = [];
    const logged = apiOf(
      createApp({
        db: t.db,
        clock: t.clock,
        log: createLogger('info', (l) => lines.push(l)),
        static: false,
      }),
    );
    const minted = await logged('createEmbedToken', {}, { body: { customer_id: 'cus_acme' } });
    await logged('getCustomer', { customerId: 'cus_acme' }, { token: minted.json.token });
    await logged('revokeEmbedTokenByValue', {}, { body: { token: minted.json.token } });
    await logged('getCustomer', { customerId: 'cus_acme' }, { token: minted.json.token });
    expect(lines.length, lines.join('')).toBe(4);
    const log = lines.join('');
    expect(log).toContain(minted.json.id);
    expect(log).not.toContain(minted.json.token);
    expect(log).not.toContain('demo-manager-token');
  });

  it('answers 405 with Allow for the other methods on its paths', async () => {
    for (const [method, path, allow] of [
      ['GET', '/api/embed-tokens', 'POST'],
      ['DELETE', '/api/embed-tokens', 'POST'],
      ['GET', '/api/embed-tokens/revoke', 'POST'],
      ['PUT', '/api/embed-tokens/tok_x', 'DELETE'],
      ['GET', '/api/embed-tokens/tok_x', 'DELETE'],
    ] as const) {
      const r = await t.app.request(`http://server.test${path}`, {
        method,
        headers: { authorization: 'Bearer demo-manager-token' },
      });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get('allow'), `${method} ${path}`).toBe(allow);
    }
  });

  it('deletes embed tokens a day after they expired, when the next one is minted', async () => {
    const old = await mint({ customer_id: 'cus_acme', ttl_seconds: 60 });
    const recent = await mint({ customer_id: 'cus_acme', ttl_seconds: 86_400 });
    t.clock.advance(86_400_000 + 61_000);
    await mint();
    expect((await call('revokeEmbedToken', { tokenId: old.id })).status).toBe(404);
    // Expired too, but less than a day ago: still there to revoke.
    expect((await call('revokeEmbedToken', { tokenId: recent.id })).status).toBe(204);
  });

  it.runIf(backend === 'postgres')(
    'sees a revocation made by another server process at once: embed tokens are not cached on a shared database',
    async () => {
      const { id, token } = await mint();
      expect((await readAcme(token)).status).toBe(200);
      // What another process's revokeEmbedToken does, behind this app's back.
      await t.db.query(
        'UPDATE api_tokens SET revoked_at = to_timestamp($2::float8 / 1000) WHERE id = $1',
        [id, TEST_NOW.getTime()],
      );
      expect((await readAcme(token)).status).toBe(401);
    },
  );
});
