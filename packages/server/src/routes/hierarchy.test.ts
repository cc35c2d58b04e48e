// The account hierarchy (issue 16): a customer's parent_id and its rules, a parent's rollup in
// its metrics and portfolio row (kept current after writes to a child), and a viewer token of a
// parent seeing its children and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatMultiplier, formatNumber } from '../../../calc/src/index.js';
import { readPdf } from '../../../report/src/testing/read.js';
import type { AccountRollup } from '../contract.js';
import { type Api, apiOf, pathOf } from '../testing/api.js';
import { type TestApp, TOKENS, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

/** The demo's parent account and its children (seed.ts withDemoHierarchy). */
const PARENT = 'cus_0053';
const CHILDREN = ['cus_0061', 'cus_0065', 'cus_0069'];

function finiteEverywhere(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finiteEverywhere);
  if (value && typeof value === 'object') return Object.values(value).every(finiteEverywhere);
  return true;
}

describeBackends('account hierarchy (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  const create = (body: Record<string, unknown>, token: 'manager' | 'csm' = 'manager') =>
    call('createCustomer', {}, { token, body: { segment: 'smb', currency: 'USD', ...body } });

  const replace = async (id: string, patch: Record<string, unknown>) => {
    const got = await call('getCustomer', { customerId: id });
    return call(
      'updateCustomer',
      { customerId: id },
      { body: { ...got.json, ...patch }, headers: { 'if-match': got.headers.get('etag')! } },
    );
  };

  const metrics = async (id: string, token: string = 'manager') => {
    const r = await call('getCustomerSuccessMetrics', { customerId: id }, { token });
    expect(r.status).toBe(200);
    return r.json;
  };

  describe('parent_id', () => {
    it('is set on create and replace, shown by GET, and cleared by a replacement without it', async () => {
      const p = await create({ id: 'cus_h_parent', name: 'H Parent' });
      expect(p.json.parent_id).toBeNull();
      const c = await create({ id: 'cus_h_child', name: 'H Child', parent_id: 'cus_h_parent' });
      expect(c.status).toBe(201);
      expect(c.json.parent_id).toBe('cus_h_parent');
      expect((await call('getCustomer', { customerId: 'cus_h_child' })).json.parent_id).toBe(
        'cus_h_parent',
      );
      const { parent_id: _, ...withoutParent } = (
        await call('getCustomer', { customerId: 'cus_h_child' })
      ).json;
      const got = await call('getCustomer', { customerId: 'cus_h_child' });
      const detached = await call(
        'updateCustomer',
        { customerId: 'cus_h_child' },
        { body: withoutParent, headers: { 'if-match': got.headers.get('etag')! } },
      );
      expect(detached.status).toBe(200);
      expect(detached.json.parent_id).toBeNull();
      const again = await replace('cus_h_child', { parent_id: 'cus_h_parent' });
      expect(again.json.parent_id).toBe('cus_h_parent');
    });

    it('refuses self-parenting, an unknown parent, a cycle and a second level with 422 /parent_id', async () => {
      await create({ id: 'cus_h_a', name: 'H A' });
      await create({ id: 'cus_h_b', name: 'H B', parent_id: 'cus_h_a' });
      const cases: [Promise<{ status: number; problem: { errors?: unknown[] } }>, string][] = [
        [replace('cus_h_a', { parent_id: 'cus_h_a' }), 'self_parent'],
        [create({ name: 'H X', parent_id: 'cus_nobody' }), 'unknown_parent'],
        // a -> b while b -> a: a cycle.
        [replace('cus_h_a', { parent_id: 'cus_h_b' }), 'parent_cycle'],
        // b is a child: nothing nests under it.
        [create({ name: 'H Y', parent_id: 'cus_h_b' }), 'parent_depth'],
        // a has a child: it cannot get a parent.
        [replace('cus_h_a', { parent_id: PARENT }), 'parent_depth'],
        // A parent cannot become a child of another parent's child either.
        [replace(PARENT, { parent_id: 'cus_h_a' }), 'parent_depth'],
      ];
      for (const [pending, code] of cases) {
        const r = await pending;
        expect(r.status, code).toBe(422);
        expect(r.problem.errors).toEqual([
          expect.objectContaining({ field: '/parent_id', code, message: expect.any(String) }),
        ]);
      }
      // Nothing changed.
      expect((await call('getCustomer', { customerId: 'cus_h_a' })).json.parent_id).toBeNull();
    });

    it("refuses a parent outside the caller's scope as unknown, and a malformed id as a 422", async () => {
      // The demo CSM does not own Globex: naming it reads as naming no customer.
      const r = await create({ name: 'H Scoped', parent_id: 'cus_globex' }, 'csm');
      expect(r.status).toBe(422);
      expect(r.problem.errors).toEqual([
        expect.objectContaining({ field: '/parent_id', code: 'unknown_parent' }),
      ]);
      const own = await create({ name: 'H Own', parent_id: PARENT }, 'csm');
      expect(own.status).toBe(201);
      const bad = await create({ name: 'H Bad', parent_id: 'not an id!' });
      expect(bad.status).toBe(422);
      expect(bad.problem.errors?.[0]?.field).toBe('/parent_id');
    });
  });

  describe('rollup', () => {
    it("lists a parent's children and rolls up goals, value per currency and weighted score and ROI", async () => {
      const m = await metrics(PARENT);
      const r = m.rollup as AccountRollup;
      expect(r).toBeDefined();
      expect(r.children.map((c) => c.customer_id).sort()).toEqual(expect.arrayContaining(CHILDREN));
      const kids = await Promise.all(r.children.map((c) => metrics(c.customer_id)));
      const all = [m, ...kids];
      expect(r.accounts).toBe(all.length);
      expect(r.goals.total).toBe(all.reduce((n, x) => n + x.metrics.goals.total, 0));
      expect(r.goals.achieved).toBe(all.reduce((n, x) => n + x.metrics.goals.achieved, 0));
      for (const [i, k] of kids.entries()) {
        expect(r.children[i]).toMatchObject({
          customer_id: k.customer.id,
          goals_total: k.metrics.goals.total,
          total_value: k.metrics.value_delivered.total_value,
          success_score: k.metrics.success_score.score,
        });
      }
      // Every account here is in USD: one total, and score and ROI weighted by investment.
      const usd = all.filter((x) => x.customer.currency === 'USD');
      expect(r.by_currency.map((c) => c.currency)).toEqual(['USD']);
      expect(r.by_currency[0]!.total_value).toBeCloseTo(
        usd.reduce((v, x) => v + x.metrics.value_delivered.total_value, 0),
        6,
      );
      const invested = usd.filter((x) => (x.customer.investment ?? 0) > 0);
      const inv = invested.reduce((v, x) => v + x.customer.investment!, 0);
      expect(r.roi_multiplier).toBeCloseTo(
        invested.reduce((v, x) => v + x.metrics.value_delivered.total_value, 0) / inv,
        9,
      );
      const scored = invested.filter((x) => x.metrics.success_score.score !== null);
      expect(r.success_score).toBeCloseTo(
        scored.reduce((v, x) => v + x.metrics.success_score.score! * x.customer.investment!, 0) /
          scored.reduce((v, x) => v + x.customer.investment!, 0),
        9,
      );
      // A child has no rollup; nor has a customer without children.
      expect(kids[0]!.rollup).toBeUndefined();
      expect((await metrics('cus_acme')).rollup).toBeUndefined();
    });

    it('explains every rollup figure with ?explain=true: results and inputs are the figures at their pointers', async () => {
      const r = await call(
        'getCustomerSuccessMetrics',
        { customerId: PARENT },
        { query: { explain: true } },
      );
      const at = (pointer: string): unknown =>
        pointer
          .split('/')
          .slice(1)
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r.json);
      const keys = Object.keys(r.json.explanations ?? {}).filter((k) => k.startsWith('/rollup/'));
      expect(keys).toEqual(
        expect.arrayContaining([
          '/rollup/by_currency/0/total_value',
          '/rollup/by_currency/0/roi_multiplier',
          '/rollup/by_currency/0/success_score',
          '/rollup/roi_multiplier',
          '/rollup/success_score',
        ]),
      );
      for (const k of keys) {
        const e = r.json.explanations![k]!;
        expect(e.result, k).toBeCloseTo(at(k) as number, 9);
        expect(e.formula).toMatch(/^rollup\./);
        for (const input of e.inputs)
          if (input.pointer) expect(at(input.pointer), `${k} ${input.name}`).toBe(input.value);
      }
    });

    it("gives getAccountSuccessMetrics the same rollup as the parent's metrics, explained, and none to a non-parent", async () => {
      for (const query of [{}, { period: '2026-Q1' }]) {
        const account = await call('getAccountSuccessMetrics', { customerId: PARENT }, { query });
        expect(account.status).toBe(200);
        const m = await call('getCustomerSuccessMetrics', { customerId: PARENT }, { query });
        expect(account.json.rollup).toBeDefined();
        expect(account.json.rollup).toEqual(m.json.rollup);
      }
      const csm = await call('getAccountSuccessMetrics', { customerId: PARENT }, { token: 'csm' });
      expect(csm.json.rollup).toEqual((await metrics(PARENT, 'csm')).rollup);
      for (const id of ['cus_acme', CHILDREN[0]!]) {
        const plain = await call('getAccountSuccessMetrics', { customerId: id });
        expect(plain.status).toBe(200);
        expect(plain.json.rollup).toBeUndefined();
      }
      const r = await call(
        'getAccountSuccessMetrics',
        { customerId: PARENT },
        { query: { explain: true } },
      );
      const at = (pointer: string): unknown =>
        pointer
          .split('/')
          .slice(1)
          .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], r.json);
      const keys = Object.keys(r.json.explanations ?? {}).filter((k) => k.startsWith('/rollup/'));
      expect(keys).toEqual(
        expect.arrayContaining(['/rollup/by_currency/0/total_value', '/rollup/roi_multiplier']),
      );
      for (const k of keys) {
        const e = r.json.explanations![k]!;
        expect(e.result, k).toBeCloseTo(at(k) as number, 9);
        for (const input of e.inputs)
          if (input.pointer) expect(at(input.pointer), `${k} ${input.name}`).toBe(input.value);
      }
    });

    it("rolls up a past period with each child's figures for that period", async () => {
      const query = { period: '2026-Q1' };
      const parent = await call('getCustomerSuccessMetrics', { customerId: PARENT }, { query });
      const r = parent.json.rollup!;
      expect(r.children.length).toBeGreaterThanOrEqual(3);
      let goals = parent.json.metrics.goals.total;
      for (const c of r.children) {
        const own = await call(
          'getCustomerSuccessMetrics',
          { customerId: c.customer_id },
          { query },
        );
        goals += own.json.metrics.goals.total;
        expect(c).toMatchObject({
          goals_total: own.json.metrics.goals.total,
          goals_achieved: own.json.metrics.goals.achieved,
          goals_at_risk: own.json.metrics.goals.at_risk,
          total_value: own.json.metrics.value_delivered.total_value,
          success_score: own.json.metrics.success_score.score,
          roi_multiplier: own.json.metrics.value_delivered.roi_multiplier,
        });
      }
      expect(r.goals.total).toBe(goals);
    });

    it('keeps currencies apart and never gives NaN, with a child of no investment and no goals', async () => {
      await create({ id: 'cus_h_group', name: 'H Group', investment: 100_000 });
      await create({
        id: 'cus_h_eu',
        name: 'H Europe',
        currency: 'EUR',
        investment: 0,
        parent_id: 'cus_h_group',
      });
      await create({ id: 'cus_h_jp', name: 'H Japan', currency: 'JPY', parent_id: 'cus_h_group' });
      const r = (await metrics('cus_h_group')).rollup!;
      expect(r.by_currency.map((c) => [c.currency, c.total_value, c.roi_multiplier])).toEqual([
        ['EUR', 0, null],
        ['JPY', 0, null],
        ['USD', 0, 0],
      ]);
      expect(r).toMatchObject({ success_score: null, roi_multiplier: null, accounts: 3 });
      expect(r.note).toMatch(/several currencies/);
      expect(r.goals).toMatchObject({ total: 0, achievement_rate: null });
      expect(finiteEverywhere(r)).toBe(true);
    });

    it("updates a parent's metrics and portfolio row after a measurement on a child, and after a child leaves", async () => {
      const portfolioRow = async () => {
        const rows = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof call<'getPortfolioSuccessMetrics'>>> = await call(
            'getPortfolioSuccessMetrics',
            {},
            { query: { limit: 500, ...(cursor ? { cursor } : {}) } },
          );
          rows.push(...page.json.customers);
          cursor = page.json.next_cursor;
        } while (cursor);
        return rows;
      };
      const before = await metrics(PARENT);
      const rowsBefore = await portfolioRow();
      const parentRow = rowsBefore.find((x) => x.customer_id === PARENT)!;
      expect(parentRow.children_count).toBe(before.rollup!.children.length);
      expect(parentRow.rollup!.goals.total).toBe(before.rollup!.goals.total);
      for (const id of CHILDREN)
        expect(rowsBefore.find((x) => x.customer_id === id)).toMatchObject({
          parent_id: PARENT,
          children_count: 0,
        });

      // A goal on a child, measured at its target: achieved, and its value delivered.
      const goal = await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: CHILDREN[0],
            name: 'Rollup probe',
            category: 'efficiency',
            start_date: '2026-01-01',
            target_date: '2026-06-30',
            metrics: [{ name: 'Spend', unit: 'h', baseline_value: 100, target_value: 50 }],
            value_drivers: [
              {
                type: 'cost_reduction',
                label: 'Savings',
                confidence: 'high',
                monthly_amount: 1000,
              },
            ],
          },
        },
      );
      expect(goal.status).toBe(201);
      const measured = await call(
        'recordMeasurement',
        { goalId: goal.json.id },
        {
          body: {
            metric_id: goal.json.metrics[0]!.id,
            value: 50,
            measured_at: '2026-04-29T12:00:00Z',
          },
        },
      );
      expect(measured.status).toBe(201);
      const after = await metrics(PARENT);
      expect(after.rollup!.goals.total).toBe(before.rollup!.goals.total + 1);
      expect(after.rollup!.goals.achieved).toBe(before.rollup!.goals.achieved + 1);
      expect(after.rollup!.by_currency[0]!.total_value).toBeGreaterThan(
        before.rollup!.by_currency[0]!.total_value,
      );
      const rowAfter = (await portfolioRow()).find((x) => x.customer_id === PARENT)!;
      expect(rowAfter.rollup!.goals.total).toBe(parentRow.rollup!.goals.total + 1);
      expect(rowAfter.rollup!.by_currency[0]!.total_value).toBeGreaterThan(
        parentRow.rollup!.by_currency[0]!.total_value,
      );

      // A child leaves: the parent's rollup and row no longer count it.
      expect((await replace(CHILDREN[2]!, { parent_id: null })).status).toBe(200);
      const left = await metrics(PARENT);
      expect(left.rollup!.children.map((c) => c.customer_id)).not.toContain(CHILDREN[2]);
      const rowLeft = (await portfolioRow()).find((x) => x.customer_id === PARENT)!;
      expect(rowLeft.children_count).toBe(rowAfter.children_count - 1);
      expect((await replace(CHILDREN[2]!, { parent_id: PARENT })).status).toBe(200);
      expect((await metrics(PARENT)).rollup!.children.map((c) => c.customer_id)).toContain(
        CHILDREN[2],
      );
    });
  });

  describe('report', () => {
    const decode = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
    /** The rows of the report's "Accounts in this group" table: name and five figures. */
    const rollupRows = (html: string): string[][] => {
      const section = /<section id="rollup">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
      return [...section.matchAll(/<tr(?: class="total")?>([\s\S]*?)<\/tr>/g)]
        .map((m) => [...(m[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)])
        .map((cells) => cells.map((c) => decode(c[1] ?? '')))
        .slice(1);
    };
    const score = (v: number | null) =>
      v === null ? '—' : formatNumber(v, { locale: 'en-US', maximumFractionDigits: 0 });
    const roi = (v: number | null) => (v === null ? '—' : formatMultiplier(v, { locale: 'en-US' }));
    const report = (id: string, body: Record<string, unknown>, token = 'manager') =>
      call('generateSuccessReport', { customerId: id }, { token, body });

    it("prints a parent's accounts and group totals in its default report with the API's numbers", async () => {
      const m = await metrics(PARENT);
      const r = m.rollup!;
      const html = await report(PARENT, { format: 'html' });
      expect(html.status).toBe(200);
      expect(html.text).toContain('<h2>Accounts in this group</h2>');
      const money = (v: number, c: string) => formatMoney(v, c, { locale: 'en-US' });
      const own = m.metrics;
      const expected = [
        [
          `${m.customer.name} (this account)`,
          `${own.goals.achieved} / ${own.goals.total}`,
          String(own.goals.at_risk),
          money(own.value_delivered.total_value, own.currency),
          score(own.success_score.score),
          roi(own.value_delivered.roi_multiplier),
        ],
        ...r.children.map((c) => [
          c.name,
          `${c.goals_achieved} / ${c.goals_total}`,
          String(c.goals_at_risk),
          money(c.total_value, c.currency),
          score(c.success_score),
          roi(c.roi_multiplier),
        ]),
        // One currency: the group total is the API's (calc's) only.
        [
          'Group total',
          `${r.goals.achieved} / ${r.goals.total}`,
          String(r.goals.at_risk),
          money(r.by_currency[0]!.total_value, r.by_currency[0]!.currency),
          score(r.success_score),
          roi(r.roi_multiplier),
        ],
      ];
      expect(r.by_currency).toHaveLength(1);
      expect(rollupRows(html.text)).toEqual(expected);
      // The PDF prints the same figures (as bytes: the JSON helper would decode them as text).
      const res = await t.app.request(
        `http://server.test${pathOf('generateSuccessReport', { customerId: PARENT })}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKENS.manager}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ format: 'pdf' }),
        },
      );
      expect(res.status).toBe(200);
      const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
      const text = pdf.pages.join('\n');
      for (const row of expected) for (const f of row) expect(text, f).toContain(f);
      // A child's report has no such section by default; named, it says so in one line.
      const child = await report(CHILDREN[0]!, { format: 'html' });
      expect(child.text).not.toContain('id="rollup"');
      const named = await report('cus_acme', { format: 'html', include_sections: ['rollup'] });
      expect(named.status).toBe(200);
      expect(named.text).toContain('<p class="empty">Acme Corp has no child accounts.</p>');
    });

    it("keeps each currency's total apart in the report of a mixed-currency group, and a CSM's report rolls up its own children only", async () => {
      await create({ id: 'cus_h_rep', name: 'H Report Group', investment: 50_000 });
      await create({
        id: 'cus_h_rep_eu',
        name: 'H Report <EU>',
        currency: 'EUR',
        investment: 20_000,
        parent_id: 'cus_h_rep',
      });
      const r = (await metrics('cus_h_rep')).rollup!;
      const html = await report('cus_h_rep', { format: 'html', locale: 'en-US' });
      const rows = rollupRows(html.text);
      expect(rows.map((x) => x[0])).toEqual([
        'H Report Group (this account)',
        'H Report <EU>',
        'Total in EUR',
        'Total in USD',
        'Group total',
      ]);
      expect(rows.at(-1)).toEqual(['Group total', '0 / 0', '0', '—', '—', '—']);
      expect(rows[2]![3]).toBe(
        formatMoney(r.by_currency[0]!.total_value, 'EUR', { locale: 'en-US' }),
      );
      expect(decode(html.text)).toContain('The accounts are in several currencies (EUR, USD)');
      expect(html.text).toContain('H Report &lt;EU&gt;');
      // The CSM's report of the demo parent: the children of its own portfolio only.
      const csm = (await metrics(PARENT, 'csm')).rollup!;
      const csmRows = rollupRows((await report(PARENT, { format: 'html' }, 'csm')).text);
      expect(csmRows.slice(1, -1).map((x) => x[0])).toEqual(csm.children.map((c) => c.name));
    });
  });

  describe('scope', () => {
    it('gives a viewer token of a parent the parent and its children, and 404 for anyone else', async () => {
      const issued = await call('createEmbedToken', {}, { body: { customer_id: PARENT } });
      expect(issued.status).toBe(201);
      const token = issued.json.token;
      const listed = await call('listCustomers', {}, { token });
      expect(listed.status).toBe(200);
      const ids = listed.json.items.map((c) => c.id);
      expect(ids).toContain(PARENT);
      for (const id of CHILDREN) expect(ids).toContain(id);
      // Children this suite added under the parent are its children too; nothing else is listed.
      expect(listed.json.items.every((c) => c.id === PARENT || c.parent_id === PARENT)).toBe(true);
      // A child's metrics, goals and report.
      const child = await call(
        'getCustomerSuccessMetrics',
        { customerId: CHILDREN[0]! },
        { token },
      );
      expect(child.status).toBe(200);
      const g = child.json.goals[0];
      if (g) expect((await call('getSuccessGoal', { goalId: g.id }, { token })).status).toBe(200);
      expect((await call('listMilestones', { customerId: CHILDREN[0]! }, { token })).status).toBe(
        200,
      );
      const report = await call(
        'generateSuccessReport',
        { customerId: CHILDREN[1]! },
        { token, body: { format: 'html' } },
      );
      expect(report.status).toBe(200);
      // The parent's metrics with its rollup.
      expect((await metrics(PARENT, token)).rollup!.children.length).toBeGreaterThanOrEqual(3);
      // Anyone else: the same 404 as a missing customer.
      for (const other of ['cus_acme', 'cus_globex', 'cus_0001']) {
        expect((await call('getCustomer', { customerId: other }, { token })).status).toBe(404);
        expect(
          (await call('getCustomerSuccessMetrics', { customerId: other }, { token })).status,
        ).toBe(404);
      }
      // Alerts: the parent's and its children's, no one else's.
      const alerts = await call('listAlerts', {}, { token, query: { limit: 500 } });
      expect(alerts.status).toBe(200);
      const family = new Set([PARENT, ...CHILDREN, ...ids]);
      expect(alerts.json.items.every((a) => family.has(a.customer_id))).toBe(true);
      const expected = new Set<string>();
      for (const id of family) {
        const own = await call('listAlerts', {}, { query: { customer_id: id, limit: 500 } });
        for (const a of own.json.items) expected.add(a.id);
      }
      expect(new Set(alerts.json.items.map((a) => a.id))).toEqual(expected);
      expect(alerts.json.items.some((a) => CHILDREN.includes(a.customer_id))).toBe(true);
      // The demo viewer (Acme, no children) still sees Acme only.
      const acme = await call('listCustomers', {}, { token: 'viewer' });
      expect(acme.json.items.map((c) => c.id)).toEqual(['cus_acme']);
    });

    it("rolls up for a CSM only the children of the CSM's portfolio", async () => {
      // A manager may give the demo CSM's parent a child another CSM owns.
      await create({
        id: 'cus_h_morgan',
        name: 'H Morgan Child',
        csm_id: 'csm_morgan',
        parent_id: PARENT,
      });
      const manager = await metrics(PARENT);
      const csm = await metrics(PARENT, 'csm');
      expect(manager.rollup!.children.map((c) => c.customer_id)).toContain('cus_h_morgan');
      expect(csm.rollup!.children.map((c) => c.customer_id)).not.toContain('cus_h_morgan');
      expect(csm.rollup!.accounts).toBe(manager.rollup!.accounts - 1);
    });
  });
});
