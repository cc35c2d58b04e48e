// The portfolio (PRD-165 §6.2): summary and top performers over the whole filtered scope on every
// page, pages by name, filters combined with the scope; milestone pages; the HTML report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerSuccessSummary, PortfolioSuccessMetrics } from '../contract.js';
import { type Api, apiOf } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';

describeBackends('portfolio and reports (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  async function allPages(
    query: Record<string, string | number>,
    token: 'manager' | 'csm' = 'manager',
  ) {
    const pages: PortfolioSuccessMetrics[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<Api>> = await call(
        'getPortfolioSuccessMetrics',
        {},
        { token, query: { ...query, ...(cursor ? { cursor } : {}) } },
      );
      expect(r.status).toBe(200);
      const body = r.json as PortfolioSuccessMetrics;
      pages.push(body);
      cursor = body.next_cursor;
    } while (cursor);
    return pages;
  }

  it('pages the customers by name; summary and top performers are the same on every page', async () => {
    const pages = await allPages({ limit: 40 });
    expect(pages.length).toBe(Math.ceil(202 / 40));
    const rows = pages.flatMap((p) => p.customers);
    expect(rows).toHaveLength(202);
    expect(new Set(rows.map((r) => r.customer_id)).size).toBe(202);
    const keys = rows.map((r) => `${r.name}\u0000${r.customer_id}`);
    expect([...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))).toEqual(keys);
    for (const p of pages) {
      expect(p.summary).toEqual(pages[0]!.summary);
      expect(p.top_performers).toEqual(pages[0]!.top_performers);
    }
  });

  it('sums the rows: counts, value per currency (never across currencies), average ROI', async () => {
    const pages = await allPages({ limit: 500 });
    const { summary } = pages[0]!;
    const rows = pages.flatMap((p) => p.customers);
    const sum = (f: (r: CustomerSuccessSummary) => number) => rows.reduce((n, r) => n + f(r), 0);
    expect(summary.customers).toBe(rows.length);
    expect(summary.goals).toBe(sum((r) => r.goals_total));
    expect(summary.achieved).toBe(sum((r) => r.goals_achieved));
    expect(summary.at_risk).toBe(sum((r) => r.goals_at_risk));
    expect(
      summary.achieved + summary.on_track + summary.at_risk + summary.missed + summary.not_started,
    ).toBe(summary.goals);
    expect(summary.achievement_rate).toBeCloseTo((summary.achieved / summary.goals) * 100, 10);
    const byCurrency: Record<string, number> = {};
    for (const r of rows) byCurrency[r.currency] = (byCurrency[r.currency] ?? 0) + r.total_value;
    expect(Object.keys(summary.value_by_currency).sort()).toEqual(Object.keys(byCurrency).sort());
    for (const [cur, v] of Object.entries(byCurrency))
      expect(summary.value_by_currency[cur]).toBeCloseTo(v, 4);
    // The demo has a few accounts in EUR and GBP: no single total is invented.
    expect(Object.keys(byCurrency).length).toBeGreaterThan(1);
    expect(summary.total_value).toBeNull();
    expect(summary.currency).toBeNull();
    const rois = rows.map((r) => r.roi_multiplier).filter((x): x is number => x !== null);
    expect(summary.average_roi).toBeCloseTo(rois.reduce((a, b) => a + b, 0) / rois.length, 8);
    expect(rows.some((r) => r.roi_multiplier === null)).toBe(true);
    expect(rows.some((r) => r.success_score === null && r.goals_total === 0)).toBe(true);
  });

  it('ranks top performers by score, then achievement rate, then ROI; lists the at-risk goals furthest behind', async () => {
    const [page] = await allPages({ limit: 5 });
    const top = page!.top_performers;
    expect(top).toHaveLength(5);
    for (let i = 1; i < top.length; i++)
      expect((top[i - 1]!.success_score ?? -1) >= (top[i]!.success_score ?? -1)).toBe(true);
    const risk = page!.summary.goals_at_risk;
    expect(risk.length).toBeLessThanOrEqual(20);
    const behind = risk.map((g) => (g.expected_pct ?? 0) - (g.achievement_pct ?? 0));
    expect([...behind].sort((a, b) => b - a)).toEqual(behind);
  });

  it("filters by segment and CSM within the token's scope; the demo CSM's portfolio is Acme's, in dollars", async () => {
    const smb = await allPages({ segment: 'smb', limit: 500 });
    expect(smb[0]!.customers.every((c) => c.segment === 'smb')).toBe(true);
    const riley = await allPages({ limit: 500 }, 'csm');
    const rows = riley[0]!.customers;
    expect(rows.map((r) => r.customer_id)).toContain('cus_acme');
    expect(riley[0]!.summary.currency).toBe('USD');
    expect(riley[0]!.summary.total_value).toBeCloseTo(
      rows.reduce((n, r) => n + r.total_value, 0),
      4,
    );
    const acme = rows.find((r) => r.customer_id === 'cus_acme');
    expect(acme).toMatchObject({
      goals_total: 5,
      goals_achieved: 2,
      goals_at_risk: 1,
      achievement_rate: 40,
      success_score: 91,
      success_band: 'strong',
      total_value: 285_000,
    });
    const both = await allPages({ csm_id: 'csm_riley', segment: 'enterprise', limit: 500 });
    expect(
      both[0]!.customers.every((c) => c.csm_id === 'csm_riley' && c.segment === 'enterprise'),
    ).toBe(true);
  });

  it("pages a customer's milestones by target date, then id", async () => {
    for (let i = 0; i < 5; i++) {
      await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        { body: { name: `Step ${i}`, target_date: '2026-05-10' } },
      );
    }
    const seen: { target_date: string; id: string }[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<Api>> = await call(
        'listMilestones',
        { customerId: 'cus_acme' },
        { query: { limit: 2, ...(cursor ? { cursor } : {}) } },
      );
      const body = r.json as {
        items: { target_date: string; id: string }[];
        next_cursor: string | null;
      };
      seen.push(...body.items);
      cursor = body.next_cursor;
    } while (cursor);
    const all = await call('listMilestones', { customerId: 'cus_acme' }, { query: { limit: 500 } });
    expect(seen.map((m) => m.id)).toEqual(all.json.items.map((m) => m.id));
    expect(seen.length).toBe(10);
  });

  describe('generateSuccessReport', () => {
    it('renders a self-contained HTML report with the requested sections, in order', async () => {
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        {
          token: 'viewer',
          body: { format: 'html', include_sections: ['value', 'overview', 'trends'] },
        },
      );
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="acme-corp-success-report-all.html"',
      );
      const html = r.text;
      const order = ['id="value"', 'id="overview"', 'id="trends"'].map((s) => html.indexOf(s));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(html).not.toContain('id="goals"');
      expect(html).toContain('4.2x');
      expect(html).toContain('$285K');
      expect(html).toContain('$285,000');
      expect(html).toContain('2,400 hrs');
      expect(html).toContain('2 / 5');
      expect(html).not.toMatch(/<script|src="http|href="http|@import|url\(/i);
    });

    it('formats numbers and dates in the requested locale', async () => {
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_globex' },
        { body: { format: 'html', locale: 'de-DE', period: '2026' } },
      );
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="globex-corp-success-report-2026.html"',
      );
      expect(r.text).toContain('275.400');
      expect(r.text).toContain('1,8x');
      expect(r.text).toContain('lang="de"');
    });

    it('escapes every text from the data', async () => {
      const xss = '<img src=x onerror=alert(1)>"\'&';
      const g = await call(
        'createSuccessGoal',
        {},
        {
          body: {
            customer_id: 'cus_acme',
            name: xss,
            metric: xss,
            unit: xss,
            baseline_value: 0,
            target_value: 10,
            current_value: 3,
            target_date: '2026-12-31',
            owner: { name: xss, title: xss },
            value_drivers: [{ type: 'cost_reduction', label: xss, annual_amount: 1 }],
          },
        },
      );
      await call(
        'createMilestone',
        { customerId: 'cus_acme' },
        {
          body: {
            name: xss,
            description: xss,
            target_date: '2026-04-01',
            achieved_date: '2026-04-01',
          },
        },
      );
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html' } },
      );
      expect(r.text).not.toContain('<img');
      expect(r.text).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
      await call('deleteSuccessGoal', { goalId: g.json.id });
    });

    it('answers 501 for PDF and PowerPoint until their renderer exists, and 422 for repeated sections', async () => {
      for (const format of ['pdf', 'ppt']) {
        const r = await call(
          'generateSuccessReport',
          { customerId: 'cus_acme' },
          { body: { format } },
        );
        expect(r.status).toBe(501);
        expect(r.problem.detail).toMatch(
          format === 'pdf'
            ? /PDF renderer is not available yet/
            : /PowerPoint renderer is not available yet/,
        );
      }
      const dup = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', include_sections: ['goals', 'goals'] } },
      );
      expect(dup.status).toBe(422);
      expect(dup.problem.errors?.[0]).toMatchObject({
        field: '/include_sections/1',
        code: 'unique_items',
      });
    });
  });
});
