// A generated corpus of bad input: every field of every request body replaced by wrong types,
// huge strings, NaN-like numbers, bad dates and unknown fields; malformed JSON; bad headers,
// path and query parameters; oversize bodies. Each answer is a documented 4xx problem+json
// naming the field; none is a 5xx.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestExample } from '../../../testing/openapi-spec.js';
import { createApp } from './app.js';
import { Cursors } from './http/cursor.js';
import { type Api, apiOf, type CallOptions } from './testing/api.js';
import type { OperationId } from './testing/contract.js';
import { snapshot } from './testing/db-snapshot.js';
import { fullGoalBody } from './testing/goal-bodies.js';
import { type TestApp, testApp } from './testing/harness.js';
import { describeBackends } from './testing/test-db.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BAD_VALUES: readonly Json[] = [
  null,
  true,
  0,
  -1,
  1e16,
  -1e16,
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '12',
  'x'.repeat(5_000),
  '2026-02-30',
  '2026-13-01',
  'yesterday',
  '2026-04-31T25:00:00Z',
  '<script>alert(1)</script>',
  '\u0000',
  [],
  [1, 'a'],
  {},
  { nested: { deeper: [] } },
];

/** Every path into a JSON value: objects and arrays, then their members. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push([...at, i], ...paths(v, [...at, i]));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...at, k], ...paths(v, [...at, k]));
  }
  return out;
}

function get(root: Json, path: readonly (string | number)[]): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = (node as Record<string | number, Json> | undefined)?.[key];
  return node;
}

const pointerOf = (path: readonly (string | number)[]) =>
  path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

function setAt(root: Json, path: readonly (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** Bodies that are each wrong in one way, from a valid one. */
export function corpus(valid: Json): Json[] {
  const out: Json[] = [];
  for (const p of paths(valid)) {
    for (const bad of BAD_VALUES) out.push(setAt(valid, p, bad));
    out.push(setAt(valid, p, undefined));
    if (typeof p.at(-1) === 'string')
      out.push(setAt(valid, [...p.slice(0, -1), 'unknown_field'], 1));
  }
  out.push({ ...(valid as Record<string, Json>), unknown_field: 'x' });
  return out;
}

describeBackends('bad input (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  let goalId: string;
  let metricId: string;
  let milestoneId: string;
  let replaceId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
    const g = await call(
      'createSuccessGoal',
      {},
      {
        body: {
          customer_id: 'cus_acme',
          name: 'Target',
          metric: 'v',
          baseline_value: 0,
          target_value: 10,
          target_date: '2026-12-31',
        },
      },
    );
    goalId = g.json.id;
    metricId = g.json.metrics[0]!.id;
    milestoneId = (
      await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: 'M', target_date: '2026-09-30' } },
      )
    ).json.id;
    replaceId = (
      await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name: 'Replaced',
            metric: 'v',
            baseline_value: 0,
            target_value: 10,
            target_date: '2026-12-31',
          },
        },
      )
    ).json.id;
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  const expect4xx = (r: { status: number; text: string }, what: string) => {
    expect(r.status, `${what} -> ${r.status} ${r.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(r.status, what).toBeLessThan(500);
  };

  const bodies: [OperationId, () => [Record<string, string>, CallOptions], Json][] = [
    ['createSuccessGoal', () => [{}, {}], requestExample<Json>('createSuccessGoal')],
    ['createSuccessGoal', () => [{}, {}], fullGoalBody() as Json],
    [
      'updateSuccessGoal',
      () => [{ goalId: replaceId }, { headers: { 'if-match': '"1"' } }],
      {
        name: 'U',
        target_date: '2026-12-31',
        metrics: [{ name: 'm', unit: '', baseline_value: 0, target_value: 10 }],
      },
    ],
    [
      'recordMeasurement',
      () => [{ goalId }, {}],
      {
        metric_id: 'placeholder',
        value: 3,
        measured_at: '2026-04-01T00:00:00Z',
        source: 's',
        note: 'n',
      },
    ],
    [
      'createMilestone',
      () => [{ customerId: 'cus_acme' }, {}],
      {
        name: 'M',
        description: 'd',
        target_date: '2026-05-01',
        achieved_date: '2026-04-01',
        status: 'planned',
      },
    ],
    [
      'updateMilestone',
      () => [{ milestoneId }, { headers: { 'if-match': '1' } }],
      { name: 'M', target_date: '2026-05-01', status: 'at_risk' },
    ],
    [
      'createAccountGoal',
      () => [{ customerId: 'cus_acme' }, {}],
      requestExample<Json>('createAccountGoal'),
    ],
    [
      'generateSuccessReport',
      () => [{ customerId: 'cus_acme' }, {}],
      { format: 'html', include_sections: ['overview', 'goals'], period: 'all', locale: 'de-DE' },
    ],
    ['createEmbedToken', () => [{}, {}], { customer_id: 'cus_acme', ttl_seconds: 900 }],
    ['revokeEmbedTokenByValue', () => [{}, {}], { token: 'cscx_not_a_live_token' }],
  ];

  it.each(bodies.map(([id, ctx, body], i) => [`${id} #${i}`, id, ctx, body] as const))(
    '%s: every one-field corruption of a valid body is a 4xx naming a field, never a 5xx',
    async (_name, id, ctx, valid) => {
      const body =
        id === 'recordMeasurement'
          ? { ...(valid as Record<string, Json>), metric_id: metricId }
          : valid;
      const [params, options] = ctx();
      let n = 0;
      for (const bad of corpus(body)) {
        const r = await call(id, params, { ...options, body: bad });
        if (r.status < 300) continue; // some corruptions are still valid (e.g. a dropped optional field)
        expect4xx(r, JSON.stringify(bad).slice(0, 200));
        if (r.status === 422) expect(r.problem.errors?.length ?? 0).toBeGreaterThan(0);
        n++;
      }
      expect(n).toBeGreaterThan(20);
    },
    120_000,
  );

  // Each of issue 18's causes of a 5xx (or of a silent change) once, by name; the generated
  // corpus in bad-input-corpus.test.ts covers them across every operation.

  /** Runs `fn`, then checks that the database holds exactly what it held before. */
  const unchanged = async (fn: () => Promise<void>) => {
    const before = await snapshot(t.db);
    await fn();
    expect(await snapshot(t.db)).toEqual(before);
  };

  /** A cursor as the server made them before they were signed: anyone could compute `f`. */
  const unsignedCursor = (k: unknown[], filters: Record<string, unknown>) =>
    Buffer.from(
      JSON.stringify({
        k,
        f: createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12),
      }),
    ).toString('base64url');

  it('answers 400 naming the parameter for a NUL in search or any query text, never a 500', async () => {
    await unchanged(async () => {
      const cases: [OperationId, Record<string, string>, Record<string, string>, string][] = [
        ['listCustomers', {}, { search: '\u0000' }, 'query.search'],
        ['listCustomers', {}, { search: 'ac\u0000me' }, 'query.search'],
        ['listCustomers', {}, { segment: 'smb\u0000' }, 'query.segment'],
        ['listAlerts', {}, { since: '2026-01-01T00:00:00Z\u0000' }, 'query.since'],
        [
          'getCustomerSuccessMetrics',
          { customerId: 'cus_acme' },
          { period: '\u0000' },
          'query.period',
        ],
      ];
      for (const [id, params, query, field] of cases) {
        const r = await call(id, params, { query });
        expect(r.status, JSON.stringify(query)).toBe(400);
        expect(r.problem.errors?.[0]?.field).toBe(field);
      }
      const raw = await t.app.request('http://x/api/customers?search=%00', {
        headers: { authorization: 'Bearer demo-manager-token' },
      });
      expect(raw.status).toBe(400);
      expect(raw.headers.get('content-type')).toBe('application/problem+json');
      expect(((await raw.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
        'Must not contain NUL (U+0000) characters.',
      );
    });
  });

  it('refuses forged cursors with a 400: unsigned ones, a NUL in a key, a time of 1e20', async () => {
    await unchanged(async () => {
      const forged: [OperationId, Record<string, string>, string][] = [
        // Well-formed under the old scheme (a plain hash of public filters).
        ['listCustomers', {}, unsignedCursor(['a\u0000', 'b'], { op: 'listCustomers' })],
        ['listAlerts', {}, unsignedCursor([1e20, 'alt_1'], { op: 'listAlerts' })],
        [
          'listMilestones',
          { customerId: 'cus_acme' },
          unsignedCursor(['2026-01-01\u0000', 'm'], { op: 'listMilestones', id: 'cus_acme' }),
        ],
        ['getPortfolioSuccessMetrics', {}, unsignedCursor(['\u0000', 'x'], { op: 'portfolio' })],
        // Shaped like a signed one, with a made-up signature.
        [
          'listCustomers',
          {},
          `${Buffer.from('["a","b"]').toString('base64url')}.${'A'.repeat(43)}`,
        ],
        ['listAlerts', {}, `${Buffer.from('[1e20,"x"]').toString('base64url')}.${'_'.repeat(43)}`],
        ['listCustomers', {}, '.'],
        ['listCustomers', {}, `x.${'A'.repeat(42)}`],
      ];
      for (const [id, params, cursor] of forged) {
        const r = await call(id, params, { query: { cursor } });
        expect(r.status, `${id} ${cursor}`).toBe(400);
        expect(r.problem.errors?.[0]).toMatchObject({ field: 'query.cursor', code: 'invalid' });
      }
    });
  });

  it('signs cursors with the server secret: a changed key, another secret or other filters are refused', async () => {
    const first = await call('listCustomers', {}, { query: { limit: 2 } });
    const cursor = first.json.next_cursor!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect((await call('listCustomers', {}, { query: { limit: 2, cursor } })).status).toBe(200);
    const [payload = '', mac = ''] = cursor.split('.');
    // The key re-encoded (a later name) under the original signature.
    const moved = Buffer.from(JSON.stringify(['zzz', 'cus_zzz'])).toString('base64url');
    // Every other spelling of the last character: those in its group of 4 differ only in the 2
    // bits base64url leaves unused, so they decode to the same bytes and must still be refused.
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = B64.indexOf(mac.at(-1)!);
    const spellings = [0, 1, 2, 3, 4]
      .map((k) => B64[k < 4 ? (last & ~3) | k : (last + 4) % 64]!)
      .filter((c) => c !== mac.at(-1))
      .map((c) => `${payload}.${mac.slice(0, -1)}${c}`);
    expect(spellings).toHaveLength(4);
    for (const bad of [`${moved}.${mac}`, ...spellings, payload, `${payload}.`]) {
      const r = await call('listCustomers', {}, { query: { limit: 2, cursor: bad } });
      expect(r.status, bad).toBe(400);
    }
    const other = await call('listCustomers', {}, { query: { limit: 2, segment: 'smb', cursor } });
    expect(other.status).toBe(400);
    // Another instance: without a shared secret its cursors are refused, clearly; with the same
    // CSCX_CURSOR_SECRET they are good on either.
    const secret = 'a shared cursor secret of 32+ chars!';
    const a = apiOf(createApp({ db: t.db, clock: t.clock, static: false, cursorSecret: secret }));
    const b = apiOf(createApp({ db: t.db, clock: t.clock, static: false, cursorSecret: secret }));
    const shared = (await a('listCustomers', {}, { query: { limit: 2 } })).json.next_cursor!;
    expect((await b('listCustomers', {}, { query: { limit: 2, cursor: shared } })).status).toBe(
      200,
    );
    const foreign = await call('listCustomers', {}, { query: { limit: 2, cursor: shared } });
    expect(foreign.status).toBe(400);
    expect(foreign.problem.detail).toMatch(/another server instance/);
    expect(foreign.problem.errors?.[0]?.message).toBe(
      'Invalid or expired cursor: start again from the first page.',
    );
    // Even signed with the secret, a key the database cannot take is refused.
    const leaked = new Cursors(secret);
    for (const [id, key, filters] of [
      ['listCustomers', ['a\u0000', 'b'], { op: 'listCustomers' }],
      ['listCustomers', ['\ud800', 'b'], { op: 'listCustomers' }],
      ['listCustomers', ['x'.repeat(300), 'b'], { op: 'listCustomers' }],
      ['listAlerts', [1e20, 'alt_1'], { op: 'listAlerts' }],
      ['listAlerts', [-1e20, 'alt_1'], { op: 'listAlerts' }],
      ['listAlerts', ['1', 'alt_1'], { op: 'listAlerts' }],
      ['listAlerts', [1], { op: 'listAlerts' }],
    ] as const) {
      const r = await b(id, {}, { query: { cursor: leaked.encode([...key], filters) } });
      expect(r.status, JSON.stringify(key)).toBe(400);
    }
  });

  it('bounds periods to 1900-2999 on both metrics endpoints and the report body, with a clear message', async () => {
    await unchanged(async () => {
      for (const id of ['getCustomerSuccessMetrics', 'getAccountSuccessMetrics'] as const) {
        for (const period of ['9999-12', '9999-Q4', '9999', '3000', '1899-12', '0000', '0001-Q1']) {
          const r = await call(id, { customerId: 'cus_acme' }, { query: { period } });
          expect(r.status, `${id} ${period}: ${r.text.slice(0, 200)}`).toBe(400);
          expect(r.problem.errors?.[0]).toMatchObject({ field: 'query.period', code: 'pattern' });
          expect(r.problem.errors?.[0]?.message).toContain('from 1900 to 2999');
        }
        for (const period of ['2999-Q4', '2999-12', '1900', '2026-Q2']) {
          const r = await call(id, { customerId: 'cus_acme' }, { query: { period } });
          expect(r.status, `${id} ${period}`).toBe(200);
        }
      }
      const report = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', period: '9999-Q4' } },
      );
      expect(report.status).toBe(422);
      expect(report.problem.errors?.[0]).toMatchObject({ field: '/period', code: 'pattern' });
    });
  });

  /** `{"a":{"a":...1...}}`: six bytes a level, so 100,000 levels make 600 KB (under 1 MiB). */
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('answers 400 for a body nested 100,000 levels deep on every write, before building it', async () => {
    await unchanged(async () => {
      const nested = deep(100_000);
      expect(nested.length).toBe(600_001);
      for (const [id, ctx] of bodies) {
        const [params, options] = ctx();
        // Inside a field each operation reads, so the body reaches its validator.
        const field = id === 'createSuccessGoal' || id === 'updateSuccessGoal' ? 'metrics' : 'name';
        for (const raw of [
          `{"${field}":${nested}}`,
          `{"${field}":[${'['.repeat(99_999)}${']'.repeat(99_999)}]}`,
          nested,
        ]) {
          const r = await call(id, params, {
            ...options,
            raw,
            headers: { ...options.headers, 'content-type': 'application/json' },
          });
          expect(r.status, `${id}: ${r.text.slice(0, 200)}`).toBe(400);
          expect(r.problem.errors?.[0]).toMatchObject({ field: '', code: 'invalid_json' });
          expect(r.problem.errors?.[0]?.message).toContain('nested more than 32 levels');
        }
      }
    });
  });

  it('bounds array and object sizes and string lengths in a body before parsing it', async () => {
    await unchanged(async () => {
      const cases: [string, string][] = [
        [`{"metric_id":"m","value":1,"note":[${'0,'.repeat(300_000)}0]}`, 'max_items'],
        [
          `{"metric_id":"m","value":1,${Array.from({ length: 2000 }, (_, i) => `"k${i}":1`).join(',')}}`,
          'max_items',
        ],
        [JSON.stringify({ metric_id: 'm', value: 1, note: 'x'.repeat(100_000) }), 'max_length'],
        [`{"metric_id":"m","value":1,"note":"${'\\u0041'.repeat(3000)}"}`, 'max_length'],
      ];
      for (const [raw, code] of cases) {
        const r = await call(
          'recordMeasurement',
          { goalId },
          { raw, headers: { 'content-type': 'application/json' } },
        );
        expect(r.status, raw.slice(0, 60)).toBe(400);
        expect(r.problem.errors?.[0]).toMatchObject({ field: '', code });
      }
      // Right up to the bounds, the schema decides as before (a 2,000-character note is fine).
      const within = await call(
        'recordMeasurement',
        { goalId },
        { body: { metric_id: 'nope', value: 1, note: `"\\${'x'.repeat(1990)}` } },
      );
      expect(within.status).toBe(422);
      expect(within.problem.errors?.[0]?.field).toBe('/metric_id');
    });
  });

  it('answers 422 naming the field for a lone surrogate in any text field, and stores nothing', async () => {
    await unchanged(async () => {
      for (const [id, ctx, valid] of bodies) {
        const body =
          id === 'recordMeasurement'
            ? { ...(valid as Record<string, Json>), metric_id: metricId }
            : valid;
        const [params, options] = ctx();
        const texts = paths(body).filter((p) => typeof get(body, p) === 'string');
        expect(texts.length, id).toBeGreaterThan(0);
        for (const p of texts) {
          for (const lone of [
            '\ud800',
            'a\udc00',
            `${get(body, p) as string}\ud83d`,
            '\udc00\ud800',
          ]) {
            const bad = setAt(body, p, lone);
            const r = await call(id, params, { ...options, body: bad });
            const field = pointerOf(p);
            expect(
              r.status,
              `${id} ${field} ${JSON.stringify(lone)}: ${r.text.slice(0, 200)}`,
            ).toBe(422);
            expect(
              r.problem.errors?.map((e) => e.field),
              `${id} ${field}`,
            ).toContain(field);
          }
        }
      }
    });
    // A value driver's label (PostgreSQL's jsonb refused it: a 500) and a goal's name (stored as
    // U+FFFD), as reported.
    const goal = {
      customer_id: 'cus_acme',
      name: '\ud800x',
      metric: 'v',
      baseline_value: 0,
      target_value: 10,
      target_date: '2026-12-31',
    };
    const named = await call('createSuccessGoal', {}, { body: goal });
    expect(named.problem.errors).toContainEqual({
      field: '/name',
      message: expect.stringContaining('lone UTF-16 surrogate'),
      code: 'pattern',
    });
    const driver = await call(
      'createSuccessGoal',
      {},
      {
        raw: JSON.stringify({
          ...goal,
          name: 'ok',
          value_drivers: [
            { type: 'cost_reduction', label: 'L', confidence: 'high', monthly_amount: 5 },
          ],
        }).replace('"L"', '"\\ud800"'),
        headers: { 'content-type': 'application/json' },
      },
    );
    expect(driver.status).toBe(422);
    expect(driver.problem.errors?.[0]?.field).toBe('/value_drivers/0/label');
    // A proper pair is a character like any other.
    const emoji = await call('createSuccessGoal', {}, { body: { ...goal, name: 'Faster 😀' } });
    expect(emoji.status).toBe(201);
    expect(emoji.json.name).toBe('Faster 😀');
    // One request per text field of every write body, and two database snapshots.
  }, 60_000);

  it('answers 400 invalid_json for bodies that are not JSON, and 422 for JSON that is not an object', async () => {
    const raws: (string | Uint8Array)[] = [
      '{',
      '{"a":',
      'NaN',
      '{"value": NaN}',
      "{'a':1}",
      '{"a":1}}',
      '\u00ef\u00bb\u00bf{}',
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      '['.repeat(200_000),
    ];
    for (const raw of raws) {
      const r = await call(
        'recordMeasurement',
        { goalId },
        { raw, headers: { 'content-type': 'application/json' } },
      );
      expect(r.status, String(raw).slice(0, 20)).toBe(400);
      expect(r.problem.errors?.[0]).toMatchObject({ field: '', code: 'invalid_json' });
    }
    for (const raw of [
      'null',
      '[]',
      '"text"',
      '42',
      'true',
      `{"__proto__":{"polluted":1},"metric_id":"${'m'}","value":1}`,
    ]) {
      const r = await call(
        'recordMeasurement',
        { goalId },
        { raw, headers: { 'content-type': 'application/json' } },
      );
      expect(r.status, raw).toBe(422);
    }
    const empty = await call(
      'recordMeasurement',
      { goalId },
      { raw: '', headers: { 'content-type': 'application/json' } },
    );
    expect(empty.status).toBe(400);
  });

  it('rejects numbers JSON can parse but the contract cannot hold (1e400 is Infinity)', async () => {
    for (const raw of [
      '{"metric_id":"M","value":1e400}',
      '{"metric_id":"M","value":-1e400}',
      '{"metric_id":"M","value":1e16}',
    ]) {
      const r = await call(
        'recordMeasurement',
        { goalId },
        { raw: raw.replace('M', metricId), headers: { 'content-type': 'application/json' } },
      );
      expect(r.status, raw).toBe(422);
      expect(r.problem.errors?.[0]?.field).toBe('/value');
    }
  });

  it('answers 415 for a body that is not application/json', async () => {
    for (const type of [
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
    ]) {
      const r = await call(
        'recordMeasurement',
        { goalId },
        {
          raw: JSON.stringify({ metric_id: metricId, value: 1 }),
          headers: { 'content-type': type },
        },
      );
      expect(r.status, type).toBe(415);
    }
    const charset = await call(
      'recordMeasurement',
      { goalId },
      {
        raw: JSON.stringify({ metric_id: metricId, value: 1 }),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      },
    );
    expect(charset.status).toBe(201);
  });

  it('answers 413 for a body over 1 MiB, with or without Content-Length', async () => {
    const huge = JSON.stringify({ metric_id: metricId, value: 1, note: 'x'.repeat(1024 * 1024) });
    const r = await call(
      'recordMeasurement',
      { goalId },
      { raw: huge, headers: { 'content-type': 'application/json' } },
    );
    expect(r.status).toBe(413);
    const chunks = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks.length; i += 65_536)
          controller.enqueue(chunks.slice(i, i + 65_536));
        controller.close();
      },
    });
    const res = await t.app.request(`http://x/api/success-goals/${goalId}/measurements`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-manager-token', 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 400 naming the header for malformed If-Match and Idempotency-Key', async () => {
    const body = {
      name: 'U',
      target_date: '2026-12-31',
      metrics: [{ name: 'm', unit: '', baseline_value: 0, target_value: 10 }],
    };
    for (const v of ['W/1', '"1', 'abc', '-1', '1.5', '"1" "2"', ',', '9'.repeat(20)]) {
      const r = await call('updateSuccessGoal', { goalId }, { body, headers: { 'if-match': v } });
      expect(r.status, v).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('header.If-Match');
    }
    for (const v of ['has space', 'x'.repeat(256), 'tab\tkey']) {
      const r = await call(
        'recordMeasurement',
        { goalId },
        { body: { metric_id: metricId, value: 1 }, headers: { 'idempotency-key': v } },
      );
      expect(r.status, v).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('header.Idempotency-Key');
    }
  });

  it('answers 4xx naming the parameter for bad alert state changes and filters, and changes nothing', async () => {
    const open = await call(
      'listAlerts',
      {},
      { query: { customer_id: 'cus_acme', state: 'open', limit: 1 } },
    );
    const alert = open.json.items[0]!;
    for (const v of ['W/1', '"1', 'abc', '-1', ',']) {
      const r = await call(
        'acknowledgeAlert',
        { alertId: alert.id },
        { headers: { 'if-match': v } },
      );
      expect(r.status, v).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('header.If-Match');
    }
    for (const id of ['x'.repeat(65), '-leading-dash', 'a b', 'a.b']) {
      const r = await call('dismissAlert', { alertId: id }, { headers: { 'if-match': '1' } });
      expect(r.status, id).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('path.alertId');
    }
    const q = await call(
      'dismissAlert',
      { alertId: alert.id },
      { query: { state: 'dismissed' }, headers: { 'if-match': '1' }, unchecked: true },
    );
    expect(q.status).toBe(400);
    expect(q.problem.errors?.[0]?.field).toBe('query.state');
    for (const v of ['closed', 'OPEN', '', 'open,acknowledged']) {
      const r = await call('listAlerts', {}, { query: { state: v } });
      expect(r.status, v).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('query.state');
    }
    const after = await call(
      'listAlerts',
      {},
      { query: { customer_id: 'cus_acme', state: 'all', limit: 5 } },
    );
    expect(after.json.items.find((a) => a.id === alert.id)).toMatchObject({
      state: 'open',
      version: 1,
    });
  });

  it('answers 401 for malformed Authorization headers', async () => {
    for (const v of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer ',
      'Bearer a b',
      `Bearer ${'x'.repeat(600)}`,
      'demo-manager-token',
      'Bearer demo manager',
    ]) {
      const r = await call('listCustomers', {}, { token: null, headers: { authorization: v } });
      expect(r.status, v).toBe(401);
    }
  });

  it('answers 400 naming the parameter for bad path and query parameters', async () => {
    const cases: [OperationId, Record<string, string>, Record<string, string>, string][] = [
      ['getCustomer', { customerId: 'has space' }, {}, 'path.customerId'],
      ['getCustomer', { customerId: '-leading' }, {}, 'path.customerId'],
      ['getCustomer', { customerId: 'x'.repeat(65) }, {}, 'path.customerId'],
      ['getCustomer', { customerId: 'ünï' }, {}, 'path.customerId'],
      ['getSuccessGoal', { goalId: 'a/b' }, {}, 'path.goalId'],
      ['listCustomers', {}, { limit: '0' }, 'query.limit'],
      ['listCustomers', {}, { limit: '501' }, 'query.limit'],
      ['listCustomers', {}, { limit: '1.5' }, 'query.limit'],
      ['listCustomers', {}, { limit: 'ten' }, 'query.limit'],
      ['listCustomers', {}, { limit: '1e2' }, 'query.limit'],
      ['listCustomers', {}, { segment: 'huge' }, 'query.segment'],
      ['listCustomers', {}, { search: 'x'.repeat(201) }, 'query.search'],
      ['listCustomers', {}, { cursor: 'garbage' }, 'query.cursor'],
      [
        'listCustomers',
        {},
        { cursor: Buffer.from('{"k":[1,2],"f":"x"}').toString('base64url') },
        'query.cursor',
      ],
      ['listCustomers', {}, { sort: 'name' }, 'query.sort'],
      ['listAlerts', {}, { since: 'yesterday' }, 'query.since'],
      ['listAlerts', {}, { since: '2026-02-30T00:00:00Z' }, 'query.since'],
      ['listAlerts', {}, { customer_id: 'bad id' }, 'query.customer_id'],
      [
        'getCustomerSuccessMetrics',
        { customerId: 'cus_acme' },
        { period: '2026-Q5' },
        'query.period',
      ],
      [
        'getCustomerSuccessMetrics',
        { customerId: 'cus_acme' },
        { period: '2026-13' },
        'query.period',
      ],
      [
        'getAccountSuccessMetrics',
        { customerId: 'cus_acme' },
        { includeBenchmarks: 'yes' },
        'query.includeBenchmarks',
      ],
      ['getPortfolioSuccessMetrics', {}, { csm_id: '' }, 'query.csm_id'],
    ];
    for (const [id, params, query, field] of cases) {
      const r = await call(id, params, { query });
      expect(r.status, `${id} ${JSON.stringify(query)} ${JSON.stringify(params)}`).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe(field);
    }
    const twice = await t.app.request('http://x/api/customers?limit=1&limit=2', {
      headers: { authorization: 'Bearer demo-manager-token' },
    });
    expect(twice.status).toBe(400);
  });

  it('never answers 5xx to arbitrary JSON (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom<OperationId>(
          'createSuccessGoal',
          'recordMeasurement',
          'createMilestone',
          'createAccountGoal',
          'generateSuccessReport',
        ),
        async (value, id) => {
          const params =
            id === 'recordMeasurement'
              ? { goalId }
              : id === 'createSuccessGoal'
                ? {}
                : { customerId: 'cus_acme' };
          const r = await call(id, params, {
            raw: JSON.stringify(value),
            headers: { 'content-type': 'application/json' },
          });
          expect(r.status).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  }, 120_000);
});
