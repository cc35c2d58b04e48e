// The portfolio (PRD-165 §6.2): summary and top performers over the whole filtered scope on every
// page, pages by name, filters combined with the scope; milestone pages; the reports as HTML,
// PDF and PowerPoint through the API, the SDK and the CLI.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthDistribution } from '@cscx/success-calc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../../calc/src/index.js';
import { KPI_FIGURES } from '../../../calc/src/kpi.js';
import {
  HEALTH_BAND_TEXT,
  HEALTH_TEXT,
  KPI_TEXT,
  kpiValueText,
} from '../../../report/src/sections.js';
import { readPdf, readPptx, runs } from '../../../report/src/testing/read.js';
import { runCli } from '../../../sdk/src/cli/run.js';
import { createSuccessClient } from '../../../sdk/src/index.js';
import type {
  CustomerHealth,
  CustomerKpis,
  CustomerSuccessSummary,
  PortfolioSuccessMetrics,
} from '../contract.js';
import { type Api, apiOf, pathOf } from '../testing/api.js';
import { responseProblems } from '../testing/contract.js';
import { type TestApp, TOKENS, testApp } from '../testing/harness.js';
import { listen } from '../testing/listen.js';
import { describeBackends } from '../testing/test-db.js';
import { kpiMonthIn } from './reports.js';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

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

  it("carries each customer's health score and band as getCustomerHealth gives them, and their distribution", async () => {
    const pages = await allPages({ limit: 500 });
    const rows = pages.flatMap((p) => p.customers);
    const health = await Promise.all(
      rows.map((r) => call('getCustomerHealth', { customerId: r.customer_id })),
    );
    rows.forEach((r, i) => {
      const h = health[i]!.json;
      expect([r.customer_id, r.health_score, r.health_band]).toEqual([
        r.customer_id,
        h.score,
        h.band,
      ]);
    });
    // Seed 002's executive dashboard: customers per band, the ones without health apart.
    const d = pages[0]!.summary.health_distribution;
    expect(d).toEqual(healthDistribution(rows.map((r) => r.health_band)));
    expect(d.excellent + d.good + d.at_risk + d.critical + d.no_data).toBe(202);
    expect(rows.filter((r) => r.health_score === null)).toHaveLength(d.no_data);
    for (const p of pages) expect(p.summary.health_distribution).toEqual(d);
    // The demo data exercises every band.
    expect(Math.min(d.excellent, d.good, d.at_risk, d.critical)).toBeGreaterThan(0);
    // A filtered scope counts its own customers only.
    const smb = await allPages({ segment: 'smb', limit: 500 });
    expect(smb[0]!.summary.health_distribution).toEqual(
      healthDistribution(smb[0]!.customers.map((r) => r.health_band)),
    );
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

    it('speaks the requested locale: a de-DE report reads German, not only German numbers', async () => {
      const html = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', locale: 'de-DE' } },
      );
      expect(html.text).toContain('<h2>Erzielter Nutzen</h2>');
      expect(html.text).toMatch(/bei 68\.000\s\$ Investition/);
      expect(html.text).not.toContain('<h2>Value delivered</h2>');
      expect(html.text).not.toContain('investment</div>');
      const pdf = await readPdf((await report({ format: 'pdf', locale: 'de-DE' })).bytes);
      const all = pdf.pages.join(' ');
      expect(all).toContain('ERFOLGSBERICHT');
      expect(all).toContain('Erreichte Ziele');
      expect(all).not.toContain('Goals achieved');
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

    it('answers 422 for repeated sections', async () => {
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

    it('answers 422 for a section it does not know, naming it', async () => {
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', include_sections: ['overview', 'health_kpis'] } },
      );
      expect(r.status).toBe(422);
      expect(r.problem.errors?.[0]?.field).toBe('/include_sections/1');
    });

    it('renders Health and KPIs with the numbers getCustomerHealth and getCustomerKpis serve', async () => {
      const health = (await call('getCustomerHealth', { customerId: 'cus_acme' }))
        .json as CustomerHealth;
      const kpis = (await call('getCustomerKpis', { customerId: 'cus_acme' })).json as CustomerKpis;
      expect(health.score).not.toBeNull();
      expect(kpis.observation).not.toBeNull();
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { token: 'viewer', body: { format: 'html', include_sections: ['overview', 'health'] } },
      );
      expect(r.status).toBe(200);
      const html = r.text;
      expect(html.indexOf('id="overview"')).toBeLessThan(html.indexOf('id="health"'));
      const section = html.slice(html.indexOf('<section id="health">'));
      expect(section).toContain(
        `<div class="big">${formatNumber(health.score ?? Number.NaN, { maximumFractionDigits: 0 })} / 100</div>`,
      );
      expect(section).toContain(`${HEALTH_BAND_TEXT[health.band ?? 'critical']}</span>`);
      for (const c of health.components)
        expect(section).toContain(
          `<td class="num">${formatNumber(c.score, { maximumFractionDigits: 1 })}</td>`,
        );
      for (const key of KPI_FIGURES) {
        const k = kpis.kpis[key];
        const shown =
          k.value === null ? HEALTH_TEXT.notMeasured : kpiValueText(k.value, k.unit, 'en-US');
        expect(section, key).toContain(
          `<tr data-kpi="${key}"><th scope="row">${KPI_TEXT[key]}</th><td class="num">${shown.replace('&', '&amp;')}</td>`,
        );
      }
      // Absent include_sections: every section, health included for a customer with its data.
      const all = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html' } },
      );
      expect(all.text).toContain('<section id="health">');
    });

    it('takes the KPI month from the report period: the latest observed month in it', async () => {
      const r = await call(
        'generateSuccessReport',
        { customerId: 'cus_acme' },
        { body: { format: 'html', period: '2025-Q4', include_sections: ['health'] } },
      );
      expect(r.status).toBe(200);
      expect(r.text).toContain('KPIs for December 2025, trends against November 2025');
      const dec = (
        await call('getCustomerKpis', { customerId: 'cus_acme' }, { query: { period: '2025-12' } })
      ).json as CustomerKpis;
      expect(r.text).toContain(
        `<td class="num">${kpiValueText(dec.kpis.nrr.value, dec.kpis.nrr.unit, 'en-US')}</td>`,
      );
    });

    it('leaves health out of the default sections for a customer with no health or KPI data, and says so when asked', async () => {
      const created = await call(
        'createCustomer',
        {},
        {
          body: {
            id: 'cus_report_new',
            name: 'Newco',
            segment: 'smb',
            industry: null,
            csm_id: 'csm_riley',
            currency: 'USD',
            contract_start: '2026-01-01',
            investment: 1000,
          },
        },
      );
      expect(created.status).toBe(201);
      const byDefault = await call(
        'generateSuccessReport',
        { customerId: 'cus_report_new' },
        { body: { format: 'html' } },
      );
      expect(byDefault.status).toBe(200);
      expect(byDefault.text).toContain('<section id="overview">');
      expect(byDefault.text).not.toContain('<section id="health">');
      const asked = await call(
        'generateSuccessReport',
        { customerId: 'cus_report_new' },
        { body: { format: 'html', include_sections: ['health'] } },
      );
      expect(asked.text).toContain(
        `<section id="health"><h2>Health and KPIs</h2><p class="empty">${HEALTH_TEXT.none}</p>`,
      );
    });

    /** A report through the API as bytes (the JSON helper would decode them as text). */
    async function report(
      body: Record<string, unknown>,
      o: { token?: keyof typeof TOKENS; key?: string; customerId?: string } = {},
    ) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${TOKENS[o.token ?? 'manager']}`,
        'content-type': 'application/json',
      };
      if (o.key) headers['idempotency-key'] = o.key;
      const res = await t.app.request(
        `http://server.test${pathOf('generateSuccessReport', { customerId: o.customerId ?? 'cus_acme' })}`,
        { method: 'POST', headers, body: JSON.stringify(body) },
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = res.headers.get('content-type')?.includes('json')
        ? new TextDecoder().decode(bytes)
        : '';
      expect(responseProblems('generateSuccessReport', res.status, res.headers, text)).toEqual([]);
      return { status: res.status, headers: res.headers, bytes, text };
    }

    it("renders a PDF with the requested sections and Acme's numbers (TC-165.3)", async () => {
      const r = await report(
        { format: 'pdf', include_sections: ['overview', 'goals', 'value', 'milestones'] },
        { token: 'viewer' },
      );
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="acme-corp-success-report-all.pdf"',
      );
      const pdf = await readPdf(r.bytes);
      const all = pdf.pages.join('\n');
      for (const s of ['Success overview', 'Goals', 'Value delivered', 'Milestones'])
        expect(all).toContain(s);
      for (const s of ['Benchmarks', 'Progress over time', 'Recommended actions'])
        expect(all).not.toContain(s);
      for (const s of ['2 / 5', '$285K', '4.2x', '2,400 hrs', 'Reduce ticket time'])
        expect(all).toContain(s);
      expect(pdf.info).toMatchObject({
        Title: 'Acme Corp: success report',
        CreationDate: 'D:20260430090000Z',
      });
    });

    it('renders a PowerPoint deck (.pptx) for format ppt, in the requested locale and period', async () => {
      const r = await report({ format: 'ppt', period: '2026', locale: 'de-DE' });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe(PPTX);
      expect(r.headers.get('content-disposition')).toBe(
        'attachment; filename="acme-corp-success-report-2026.pptx"',
      );
      const deck = await readPptx(r.bytes);
      expect(deck.slides.length).toBeGreaterThanOrEqual(8);
      expect(runs(deck.slides[0] ?? '')).toContain('Acme Corp');
      expect(runs(deck.slides[1] ?? '').join('|')).toContain('4,2x');
      expect(runs(deck.slides[1] ?? '')).toContain('Erfolgsübersicht');
      expect([...deck.chartsBySlide.values()].flat().length).toBeGreaterThanOrEqual(2);
    });

    it("brands the deck and the PDF with the body's logo, colour and font", async () => {
      const PNG_1PX =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      const branding = {
        logo: { media_type: 'image/png', data: PNG_1PX },
        primary_color: '#0F766E',
        font_family: 'Helvetica Neue',
      };
      const ppt = await report({ format: 'ppt', branding });
      expect(ppt.status).toBe(200);
      const deck = await readPptx(ppt.bytes);
      expect(deck.files.some((f) => /^ppt\/media\/.+\.png$/.test(f))).toBe(true);
      expect(deck.slides[0]).toContain('<a:srgbClr val="0F766E"/>');
      expect(deck.slides[1]).toContain('typeface="Helvetica Neue"');
      const pdf = await report({ format: 'pdf', branding });
      expect(pdf.status).toBe(200);
      expect((await readPdf(pdf.bytes)).images[0]).toBeGreaterThan(0);
    });

    it('answers 422 for a logo that is not the image its media type says, naming the field', async () => {
      type Problem = { errors?: { field: string; code: string }[] };
      const r = await report({
        format: 'pdf',
        branding: { logo: { media_type: 'image/png', data: 'PHN2ZyB4bWxucz0iIi8+' } },
      });
      expect(r.status).toBe(422);
      expect((JSON.parse(r.text) as Problem).errors?.[0]).toMatchObject({
        field: '/branding/logo/data',
        code: 'media_type',
      });
      const color = await report({ format: 'pdf', branding: { primary_color: 'teal' } });
      expect(color.status).toBe(422);
      expect((JSON.parse(color.text) as Problem).errors?.[0]?.field).toBe(
        '/branding/primary_color',
      );
    });

    it('replays the first report byte for byte for a repeated Idempotency-Key', async () => {
      for (const format of ['pdf', 'ppt']) {
        const key = `report-replay-${format}-${backend}`;
        const first = await report({ format }, { key });
        // A re-render would differ (a later creation date, new zip timestamps): a replay cannot.
        t.clock.advance(61_000);
        const again = await report({ format }, { key });
        expect(again.status).toBe(200);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
        expect(again.headers.get('content-disposition')).toBe(
          first.headers.get('content-disposition'),
        );
        expect(again.bytes.length).toBe(first.bytes.length);
        expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true);
        const fresh = await report({ format }, { key: `${key}-other` });
        expect(Buffer.from(fresh.bytes).equals(Buffer.from(first.bytes))).toBe(false);
      }
      t.clock.set(new Date('2026-04-30T09:00:00Z'));
    });

    it('keeps the scope rules: a viewer or CSM outside the customer gets 404, for every format', async () => {
      for (const format of ['pdf', 'ppt', 'html']) {
        const viewer = await report({ format }, { token: 'viewer', customerId: 'cus_globex' });
        expect(viewer.status).toBe(404);
        const csm = await report({ format }, { token: 'otherCsm' });
        expect(csm.status).toBe(404);
        expect((await report({ format }, { token: 'csm' })).status).toBe(200);
      }
    });

    it('serves the files to the SDK and the CLI over HTTP, bytes intact', async () => {
      const server = await listen(t.app);
      const dir = await mkdtemp(join(tmpdir(), 'cscx-report-cli-'));
      try {
        const client = createSuccessClient({ baseUrl: server.url, token: TOKENS.csm, retries: 0 });
        const deck = await client.generateSuccessReport({
          customerId: 'cus_acme',
          body: { format: 'ppt', include_sections: ['value'] },
        });
        expect(deck.name).toBe('acme-corp-success-report-all.pptx');
        expect(deck.type).toBe(PPTX);
        const read = await readPptx(new Uint8Array(await deck.arrayBuffer()));
        expect(read.slides).toHaveLength(2);

        const out = join(dir, 'acme.pdf');
        let stdout = '';
        let stderr = '';
        const code = await runCli(
          ['report', 'cus_acme', '--format', 'pdf', '--out', out],
          { CSCX_BASE_URL: server.url, CSCX_TOKEN: TOKENS.csm },
          { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) },
        );
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const bytes = new Uint8Array(await readFile(out));
        expect(stdout).toContain(`Wrote ${out} (${bytes.length} bytes, application/pdf)`);
        expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
        const pdf = await readPdf(bytes);
        expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
        // A report is customer-facing unless asked otherwise: no internal recommendations.
        expect(pdf.pages.join('\n')).not.toContain('Recommended actions');
      } finally {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('kpiMonthIn', () => {
  const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-04'];
  it("takes the latest observed month of the report period, else the period's last month", () => {
    expect(kpiMonthIn('all')(months)).toBe('2026-04');
    expect(kpiMonthIn('all')([])).toBeNull();
    expect(kpiMonthIn('2026-Q1')(months)).toBe('2026-02');
    expect(kpiMonthIn('2025-Q4')(months)).toBe('2025-12');
    expect(kpiMonthIn('2026')(months)).toBe('2026-04');
    expect(kpiMonthIn('2026-02')(months)).toBe('2026-02');
    expect(kpiMonthIn('2026-03')(months)).toBe('2026-03');
    expect(kpiMonthIn('2024-Q2')(months)).toBe('2024-06');
    // A month just before the period is not in it.
    expect(kpiMonthIn('2025-Q4')(['2025-09'])).toBe('2025-12');
    expect(kpiMonthIn('2026')(['2025-12'])).toBe('2026-12');
  });
});
