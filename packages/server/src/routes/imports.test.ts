// createImport and getImport: CSV and NDJSON of every kind, all-or-nothing validation naming the
// bad rows, Idempotency-Key replays, roles and scope, the limits, and a 100,000-row upload read
// as a stream.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, TOKENS, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

const CSV = 'text/csv';
const NDJSON = 'application/x-ndjson';

let keys = 0;
const nextKey = () => `import-test-${++keys}`;

function ndjson(rows: readonly Record<string, unknown>[]): string {
  return `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

describeBackends('imports (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  const send = (
    kind: string,
    body: string,
    type: string,
    opts: { token?: keyof typeof TOKENS; key?: string | null } = {},
  ) =>
    call(
      'createImport',
      {},
      {
        query: { kind },
        raw: body,
        token: opts.token ?? 'manager',
        headers: {
          'content-type': type,
          ...(opts.key === null ? {} : { 'idempotency-key': opts.key ?? nextKey() }),
        },
      },
    );
  const count = async (sql: string, params: unknown[] = []) =>
    Number(
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]?.n,
    );

  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  describe('customers', () => {
    it('creates the customers of a CSV file and getImport returns its summary', async () => {
      const file = [
        'id,name,segment,industry,csm_id,currency,contract_start,investment',
        'cus_imp_initech,Initech,mid_market,Financial services,csm_riley,USD,2026-01-01,42000',
        'cus_imp_hooli,"Hooli, Inc.",enterprise,,,EUR,,',
      ].join('\n');
      const r = await send('customers', file, CSV);
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({
        kind: 'customers',
        format: 'csv',
        rows: 2,
        created: 2,
        updated: 0,
      });
      expect(r.headers.get('location')).toBe(`/api/imports/${r.json.id}`);
      const initech = await call('getCustomer', { customerId: 'cus_imp_initech' });
      expect(initech.json).toEqual({
        id: 'cus_imp_initech',
        name: 'Initech',
        segment: 'mid_market',
        industry: 'Financial services',
        csm_id: 'csm_riley',
        currency: 'USD',
        contract_start: '2026-01-01',
        investment: 42000,
        parent_id: null,
        version: 1,
      });
      const hooli = await call('getCustomer', { customerId: 'cus_imp_hooli' });
      expect(hooli.json).toMatchObject({ name: 'Hooli, Inc.', industry: null, investment: null });
      const got = await call('getImport', { importId: r.json.id });
      expect(got.json).toEqual(r.json);
      // Another token's import is not found.
      const other = await call('getImport', { importId: r.json.id }, { token: 'csm' });
      expect(other.status).toBe(404);
    });

    it('takes parent_id by the rules of createCustomer, a parent before its children, all or nothing', async () => {
      const bad = await send(
        'customers',
        ndjson([
          { id: 'cus_imp_group', name: 'Imp Group', segment: 'enterprise', currency: 'USD' },
          {
            id: 'cus_imp_kid',
            name: 'Imp Kid',
            segment: 'smb',
            currency: 'USD',
            parent_id: 'cus_imp_group',
          },
          // A child of a child: one level only.
          {
            id: 'cus_imp_grandkid',
            name: 'Imp Grandkid',
            segment: 'smb',
            currency: 'USD',
            parent_id: 'cus_imp_kid',
          },
          // Its own parent; a parent named before it exists; a group that has children given a parent.
          {
            id: 'cus_imp_self',
            name: 'Imp Self',
            segment: 'smb',
            currency: 'USD',
            parent_id: 'cus_imp_self',
          },
          {
            id: 'cus_imp_early',
            name: 'Imp Early',
            segment: 'smb',
            currency: 'USD',
            parent_id: 'cus_imp_late',
          },
          { id: 'cus_imp_late', name: 'Imp Late', segment: 'smb', currency: 'USD' },
          {
            id: 'cus_imp_group',
            name: 'Imp Group',
            segment: 'enterprise',
            currency: 'USD',
            parent_id: 'cus_acme',
          },
        ]),
        NDJSON,
      );
      expect(bad.status).toBe(422);
      expect(bad.problem.errors?.map((e) => [e.row, e.field, e.code])).toEqual([
        [3, '/parent_id', 'parent_depth'],
        [4, '/parent_id', 'self_parent'],
        [5, '/parent_id', 'unknown_parent'],
        [7, '/id', 'duplicate_row'],
      ]);
      // Nothing of the file was applied.
      expect((await call('getCustomer', { customerId: 'cus_imp_group' })).status).toBe(404);
      expect((await call('getCustomer', { customerId: 'cus_imp_kid' })).status).toBe(404);
      const ok = await send(
        'customers',
        ndjson([
          { id: 'cus_imp_group', name: 'Imp Group', segment: 'enterprise', currency: 'USD' },
          {
            id: 'cus_imp_kid',
            name: 'Imp Kid',
            segment: 'smb',
            currency: 'EUR',
            parent_id: 'cus_imp_group',
          },
        ]),
        NDJSON,
      );
      expect(ok.status).toBe(201);
      const rollup = await call('getCustomerSuccessMetrics', { customerId: 'cus_imp_group' });
      expect(rollup.json.rollup?.children.map((c) => c.customer_id)).toEqual(['cus_imp_kid']);
      expect(rollup.json.rollup?.by_currency.map((c) => c.currency)).toEqual(['EUR', 'USD']);
    });

    it('replaces a customer whose id exists, from NDJSON', async () => {
      const r = await send(
        'customers',
        ndjson([
          { id: 'cus_imp_hooli', name: 'Hooli', segment: 'smb', currency: 'EUR', investment: 9000 },
          { id: 'cus_imp_pied', name: 'Pied Piper', segment: 'smb', currency: 'USD' },
        ]),
        NDJSON,
      );
      expect(r.status).toBe(201);
      expect(r.json).toMatchObject({ format: 'ndjson', rows: 2, created: 1, updated: 1 });
      const hooli = await call('getCustomer', { customerId: 'cus_imp_hooli' });
      expect(hooli.json).toMatchObject({
        name: 'Hooli',
        segment: 'smb',
        investment: 9000,
        version: 2,
      });
    });

    it('keeps a CSM to their own portfolio, row by row', async () => {
      const r = await send(
        'customers',
        'name,segment,currency,csm_id\nMine,smb,USD,\nTheirs,smb,USD,csm_morgan\n',
        CSV,
        { token: 'csm' },
      );
      expect(r.status).toBe(422);
      expect(r.problem.errors).toEqual([
        expect.objectContaining({ row: 3, field: '/csm_id', code: 'forbidden' }),
      ]);
      expect(await count("customers WHERE name IN ('Mine', 'Theirs')")).toBe(0);
    });
  });

  it('records measurements of the CSM own goal from CSV and NDJSON', async () => {
    const before = await count("measurements WHERE metric_id = 'met_acme_resolution_time'");
    const csv = [
      'goal_id,metric_id,value,measured_at,source,note',
      'goal_acme_ticket_time,met_acme_resolution_time,11.2,2026-04-20T00:00:00Z,helpdesk,',
      'goal_acme_ticket_time,met_acme_resolution_time,11.1,2026-04-21T00:00:00Z,helpdesk,"backfill, day 2"',
    ].join('\r\n');
    const a = await send('measurements', csv, CSV, { token: 'csm' });
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ rows: 2, created: 2, updated: 0 });
    const b = await send(
      'measurements',
      ndjson([
        { goal_id: 'goal_acme_ticket_time', metric_id: 'met_acme_resolution_time', value: 11 },
      ]),
      NDJSON,
      { token: 'csm' },
    );
    expect(b.status).toBe(201);
    expect(await count("measurements WHERE metric_id = 'met_acme_resolution_time'")).toBe(
      before + 3,
    );
    const goal = await call('getSuccessGoal', { goalId: 'goal_acme_ticket_time' });
    const metric = goal.json.metrics.find((m) => m.id === 'met_acme_resolution_time');
    expect(metric?.measurements.some((m) => m.note === 'backfill, day 2')).toBe(true);
    // Globex's goals are not the CSM's: the row names the goal as not found.
    const theirs = await send(
      'measurements',
      'goal_id,metric_id,value\ngoal_globex_nope,met_x,1\n',
      CSV,
      { token: 'csm' },
    );
    expect(theirs.status).toBe(422);
    expect(theirs.problem.errors?.[0]).toMatchObject({
      row: 2,
      field: '/goal_id',
      code: 'not_found',
    });
  });

  it('records health observations from CSV (nested columns with dots) and NDJSON', async () => {
    const csv = [
      'customer_id,observed_on,usage,outcomes,relationship,growth,sources.usage,note',
      'cus_imp_initech,2026-03-31,70,60,65,50,product analytics,',
      'cus_imp_initech,2026-04-30,82,75,75,60,product analytics,QBR done',
    ].join('\n');
    const a = await send('health_observations', csv, CSV);
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ rows: 2, created: 2 });
    const h = await call('getCustomerHealth', { customerId: 'cus_imp_initech' });
    expect(h.status).toBe(200);
    const b = await send(
      'health_observations',
      ndjson([
        {
          customer_id: 'cus_imp_pied',
          observed_on: '2026-04-30',
          usage: 40,
          outcomes: 40,
          relationship: 40,
          growth: 40,
          sources: { usage: 'product analytics' },
        },
      ]),
      NDJSON,
    );
    expect(b.status).toBe(201);
    expect(
      await count("health_observations WHERE customer_id IN ('cus_imp_initech', 'cus_imp_pied')"),
    ).toBe(3);
    // A day already observed, and the same day twice in one file, are errors of their rows.
    const again = await send(
      'health_observations',
      [
        'customer_id,observed_on,usage,outcomes,relationship,growth',
        'cus_imp_initech,2026-04-30,1,1,1,1',
        'cus_imp_pied,2026-04-01,1,1,1,1',
        'cus_imp_pied,2026-04-01,2,2,2,2',
      ].join('\n'),
      CSV,
    );
    expect(again.status).toBe(422);
    expect(again.problem.errors?.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, '/observed_on', 'already_exists'],
      [4, '/observed_on', 'duplicate_row'],
    ]);
  });

  it('records KPI observations from CSV (lists separated by ;) and NDJSON, counting updated months', async () => {
    const csv = [
      'customer_id,period,arr.starting_arr,arr.expansion,arr.contraction,arr.churned,surveys.csat,source',
      'cus_imp_initech,2026-03,42000,4200,0,0,0;1;2;12;25,billing export',
    ].join('\n');
    const a = await send('kpi_observations', csv, CSV);
    expect(a.status).toBe(201);
    expect(a.json).toMatchObject({ rows: 1, created: 1, updated: 0 });
    const b = await send(
      'kpi_observations',
      ndjson([
        {
          customer_id: 'cus_imp_initech',
          period: '2026-03',
          tickets: { total: 10, first_contact_resolved: 8, sla_met: 9, handle_minutes: 120 },
        },
        {
          customer_id: 'cus_imp_initech',
          period: '2026-02',
          surveys: { nps: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4] },
        },
      ]),
      NDJSON,
    );
    expect(b.status).toBe(201);
    expect(b.json).toMatchObject({ rows: 2, created: 1, updated: 1 });
    const kpis = await call(
      'getCustomerKpis',
      { customerId: 'cus_imp_initech' },
      { query: { period: '2026-03' } },
    );
    expect(kpis.status).toBe(200);
    const rows = await t.db.query<{ arr: unknown; tickets: unknown; csat: unknown }>(
      "SELECT arr, tickets, csat FROM kpi_observations WHERE customer_id = 'cus_imp_initech' AND period = '2026-03'",
    );
    expect(rows[0]).toMatchObject({
      arr: { starting_arr: 42000, expansion: 4200, contraction: 0, churned: 0 },
      tickets: { total: 10 },
      csat: [0, 1, 2, 12, 25],
    });
  });

  it('rejects a 10,000-row file with one bad row, naming it, and applies nothing', async () => {
    const lines = ['id,name,segment,currency,investment'];
    for (let i = 1; i <= 10_000; i++) {
      lines.push(`cus_bulk_${i},Bulk ${i},${i === 5001 ? 'galactic' : 'smb'},USD,${i}`);
    }
    const r = await send('customers', lines.join('\n'), CSV);
    expect(r.status).toBe(422);
    expect(r.problem.detail).toBe('1 row of 10000 is invalid; nothing was imported.');
    expect(r.problem.error_count).toBe(1);
    // Data row 5001 is line 5002 of the file: the header is row 1.
    expect(r.problem.errors).toEqual([
      {
        row: 5002,
        field: '/segment',
        message: 'Must be one of "enterprise" | "mid_market" | "smb".',
        code: 'enum',
      },
    ]);
    expect(await count("customers WHERE id LIKE 'cus_bulk_%'")).toBe(0);
    const listed = await call('listCustomers', {}, { query: { search: 'Bulk 1' } });
    expect(listed.json.items).toEqual([]);
  }, 60_000);

  it('numbers CSV rows by their line in the file: blank lines counted, a quoted line break too', async () => {
    const file = [
      'name,segment,currency,industry',
      'Multi,smb,USD,"two',
      'lines"',
      '',
      'Bad,smb,usd,x',
    ].join('\n');
    const r = await send('customers', file, CSV);
    expect(r.status).toBe(422);
    expect(r.problem.errors).toEqual([expect.objectContaining({ row: 5, field: '/currency' })]);
  });

  it('lists the first 100 errors and counts them all', async () => {
    const lines = ['name,segment,currency'];
    for (let i = 0; i < 150; i++) lines.push(`Bad ${i},smb,usd`);
    const r = await send('customers', lines.join('\n'), CSV);
    expect(r.status).toBe(422);
    expect(r.problem.errors).toHaveLength(100);
    expect(r.problem.error_count).toBe(150);
    expect(r.problem.errors?.[99]).toMatchObject({ row: 101, field: '/currency', code: 'pattern' });
  });

  it('replays the first summary for a repeated Idempotency-Key and refuses it with another file', async () => {
    const file = 'id,name,segment,currency\ncus_imp_once,Once,smb,USD\n';
    const key = nextKey();
    const a = await send('customers', file, CSV, { key });
    const b = await send('customers', file, CSV, { key });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(await count("customers WHERE id = 'cus_imp_once'")).toBe(1);
    const c = await send('customers', `${file}cus_imp_twice,Twice,smb,USD\n`, CSV, { key });
    expect(c.status).toBe(409);
    // The same bytes as another kind are another request.
    const d = await send('kpi_observations', file, CSV, { key });
    expect(d.status).toBe(409);
  });

  it('refuses a viewer, a missing key, another media type, an unknown column and a kind not given', async () => {
    const file = 'name,segment,currency\nX,smb,USD\n';
    const viewer = await send('customers', file, CSV, { token: 'viewer' });
    expect(viewer.status).toBe(403);
    const noKey = await send('customers', file, CSV, { key: null });
    expect(noKey.status).toBe(428);
    expect(noKey.problem.errors?.[0]?.field).toBe('header.Idempotency-Key');
    const json = await send('customers', '{"name":"X"}', 'application/json');
    expect(json.status).toBe(415);
    const unknown = await send('customers', 'name,segment,currency,colour\nX,smb,USD,red\n', CSV);
    expect(unknown.status).toBe(422);
    expect(unknown.problem.detail).toBe("The file's header row is invalid; nothing was imported.");
    expect(unknown.problem.errors).toEqual([
      expect.objectContaining({ row: 1, field: '/colour', code: 'unknown_property' }),
    ]);
    const noKind = await call(
      'createImport',
      {},
      { raw: file, headers: { 'content-type': CSV, 'idempotency-key': nextKey() } },
    );
    expect(noKind.status).toBe(400);
    expect(noKind.problem.errors?.[0]?.field).toBe('query.kind');
    const badJson = await send(
      'customers',
      '{"name":"X","segment":"smb","currency":"USD"}\n{oops\n',
      NDJSON,
    );
    expect(badJson.status).toBe(422);
    expect(badJson.problem.errors?.[0]).toMatchObject({ row: 2, code: 'invalid_json' });
  });

  it('answers 413 past the row or byte limit', async () => {
    const small = createApp({
      db: t.db,
      clock: t.clock,
      static: false,
      importLimits: { bytes: 200, rows: 3 },
    });
    const post = (body: string) =>
      small.request('http://server.test/api/imports?kind=customers', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TOKENS.manager}`,
          'content-type': CSV,
          'idempotency-key': nextKey(),
        },
        body,
      });
    const rows = await post('name,segment,currency\nA,smb,USD\nB,smb,USD\nC,smb,USD\nD,smb,USD\n');
    expect(rows.status).toBe(413);
    expect(((await rows.json()) as { detail: string }).detail).toMatch(/limited to 3 rows/);
    const bytes = await post(`name,segment,currency\n${'A'.repeat(300)},smb,USD\n`);
    expect(bytes.status).toBe(413);
  });

  it('reads a 100,000-row upload as a stream: memory stays far below the file', async () => {
    const rowsCount = 100_000;
    // ~17 MB of CSV produced on demand; the last row is bad, so everything is read and checked
    // (pass 1) and nothing is written.
    const pad = 'x'.repeat(150);
    const header = 'name,segment,industry,currency\n';
    let i = 0;
    let produced = 0;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i === 0) controller.enqueue(encoder.encode(header));
        if (i >= rowsCount) {
          controller.close();
          return;
        }
        let chunk = '';
        for (let n = 0; n < 1000 && i < rowsCount; n++) {
          i++;
          chunk += `Stream ${i},${i === rowsCount ? 'galactic' : 'smb'},${pad},USD\n`;
        }
        const bytes = encoder.encode(chunk);
        produced += bytes.byteLength;
        controller.enqueue(bytes);
      },
    });
    // What the import holds, not the garbage it leaves: sampled right after a full collection.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const sample = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const base = sample();
    let peak = base;
    const timer = setInterval(() => {
      peak = Math.max(peak, sample());
    }, 250);
    const res = await t.app.request('http://server.test/api/imports?kind=customers', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKENS.manager}`,
        'content-type': CSV,
        'idempotency-key': nextKey(),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const problem = (await res.json()) as { errors: { row: number; field: string }[] };
    clearInterval(timer);
    expect(res.status).toBe(422);
    expect(problem.errors).toEqual([
      expect.objectContaining({ row: rowsCount + 1, field: '/segment' }),
    ]);
    expect(produced).toBeGreaterThan(16_000_000);
    const growth = peak - base;
    console.log(
      `100,000-row import: ${(produced / 1e6).toFixed(1)} MB streamed, peak retained heap+buffers growth ${(growth / 1e6).toFixed(1)} MB`,
    );
    // Holding the file would take its 17 MB as text at least (and several times that parsed).
    expect(growth).toBeLessThan(produced / 4);
  }, 120_000);
});
