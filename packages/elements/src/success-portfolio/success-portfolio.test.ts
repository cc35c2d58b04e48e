import { healthBand, healthDistribution, portfolioSummary } from '@cscx/success-calc';
import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import '../define/success-portfolio.js';
import '../define/success-provider.js';
import { createFormat } from '../format.js';
import { pendingClient } from '../testing/clients.js';
import { XSS_PAYLOADS } from '../testing/fixtures.js';
import { deepElements, deepText, domShape, nextEvent, until } from '../testing/helpers.js';
import { describe, it } from '../testing/mocha.js';
import {
  type AtRiskGoal,
  COLUMNS,
  type Column,
  type CustomerSuccessSummary,
  csvField,
  type PortfolioSuccessMetrics,
  type Segment,
  SIMPLE_NAME,
  simpleCollationKey,
  sortCustomers,
} from './portfolio-model.js';
import { toPortfolioCustomer } from './portfolio-totals.js';
import type { SuccessPortfolio } from './success-portfolio.js';

// The virtualiser's benign ResizeObserver notice is not a failure (testing/resize-notice.ts).
import '../testing/resize-notice.js';

const SEGMENTS: Segment[] = ['enterprise', 'mid_market', 'smb'];

/** Deterministic customers (a small LCG), with nulls, ties, mixed-case names and no goals. */
function generate(n: number, currencies: readonly string[] = ['USD']): CustomerSuccessSummary[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => {
    const total = Math.floor(rnd() * 8);
    const achieved = Math.floor(rnd() * (total + 1));
    const atRisk = Math.floor(rnd() * (total - achieved + 1));
    const score = rnd() < 0.05 ? null : Math.round(rnd() * 100);
    const roi = rnd() < 0.1 ? null : Math.round(rnd() * 800) / 100;
    const health = rnd() < 0.1 ? null : Math.round(rnd() * 1000) / 10;
    return {
      customer_id: `cus_${String(i).padStart(5, '0')}`,
      name: `${rnd() < 0.5 ? 'acme' : 'Globex'} ${Math.floor(rnd() * 3000)}`,
      segment: SEGMENTS[i % 3]!,
      csm_id: i % 2 ? 'csm_riley' : 'csm_morgan',
      currency: currencies[i % currencies.length]!,
      goals_total: total,
      goals_achieved: achieved,
      goals_at_risk: atRisk,
      achievement_rate: total ? (achieved / total) * 100 : null,
      success_score: score,
      success_band:
        score === null ? null : score >= 80 ? 'strong' : score >= 60 ? 'moderate' : 'weak',
      health_score: health,
      health_band: health === null ? null : healthBand(health),
      roi_multiplier: roi,
      total_value: Math.round(rnd() * 500_000),
      last_updated: total ? new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString() : null,
      parent_id: null,
      children_count: 0,
    };
  });
}

/** The plain reference: what a column means, compared the simplest way. */
function referenceSort(rows: CustomerSuccessSummary[], col: Column, desc: boolean) {
  const get = (c: CustomerSuccessSummary): number | string | null =>
    ({
      name: c.name.toLowerCase(),
      segment: c.segment === 'mid_market' ? 'mid-market' : c.segment,
      goals: c.achievement_rate,
      score: c.success_score,
      health: c.health_score,
      healthBand:
        c.health_band === null
          ? null
          : { critical: 0, at_risk: 1, good: 2, excellent: 3 }[c.health_band],
      roi: c.roi_multiplier,
      value: c.total_value,
      atRisk: c.goals_at_risk,
      updated: c.last_updated && new Date(c.last_updated).getTime(),
    })[col];
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const d = typeof x === 'string' ? collator.compare(x, String(y)) : x - Number(y);
      if (d) return desc ? -d : d;
    }
    const n = collator.compare(a.name, b.name);
    return n || (a.customer_id < b.customer_id ? -1 : 1);
  });
}

const ids = (rows: readonly CustomerSuccessSummary[]) => rows.map((c) => c.customer_id);
const root = (el: SuccessPortfolio) => el.shadowRoot!;
const renderedRows = (el: SuccessPortfolio) => [
  ...root(el).querySelectorAll<HTMLElement>('.body [role="row"]'),
];
const card = (el: SuccessPortfolio, title: string) => {
  const c = [...root(el).querySelectorAll('.card')].find(
    (x) => x.querySelector('dt')?.textContent === title,
  );
  return c ? deepText(c.querySelector('dd')!) : '';
};

async function big(n = 10_000, currencies?: string[]) {
  const customers = generate(n, currencies);
  const el = await fixture<SuccessPortfolio>(
    html`<success-portfolio .customers=${customers}></success-portfolio>`,
  );
  await until(() => renderedRows(el).length > 0, 'virtualised rows');
  return { el, customers };
}

/** A client answering from `pages`, one page per request, with an optional delay per page. */
function pagedClient(pages: PortfolioSuccessMetrics[], onRequest?: (url: URL) => void) {
  return createSuccessClient({
    baseUrl: location.origin,
    token: 't',
    retries: 0,
    fetch: async (input) => {
      const url = new URL((input as Request).url);
      onRequest?.(url);
      const cursor = url.searchParams.get('cursor');
      const page = pages[cursor ? Number(cursor) : 0]!;
      return new Response(JSON.stringify(page), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
  });
}

function pagesOf(customers: CustomerSuccessSummary[], size: number): PortfolioSuccessMetrics[] {
  const s = portfolioSummary(customers.map(toPortfolioCustomer));
  const summary: PortfolioSuccessMetrics['summary'] = {
    customers: s.customers,
    goals: s.goals,
    achieved: s.achieved,
    on_track: s.onTrack,
    at_risk: s.atRisk,
    missed: s.missed,
    not_started: s.notStarted,
    achievement_rate: s.achievementRate,
    average_roi: s.averageRoi,
    total_value: s.totalValue,
    currency: s.currency,
    value_by_currency: { ...s.valueByCurrency },
    goals_at_risk: [],
    health_distribution: healthDistribution(customers.map((c) => c.health_band)),
  };
  const pages: PortfolioSuccessMetrics[] = [];
  for (let i = 0; i < customers.length; i += size) {
    const next = i + size < customers.length ? String(pages.length + 1) : null;
    pages.push({
      summary,
      customers: customers.slice(i, i + size),
      top_performers: [],
      next_cursor: next,
    });
  }
  return pages;
}

describe('<success-portfolio>', () => {
  describe('10,000 customers as a property', () => {
    it('keeps the DOM bounded (< 2,000 nodes) and counts every customer in the cards', async () => {
      const { el } = await big();
      const nodes = deepElements(el).length;
      expect(nodes).to.be.below(2000);
      expect(renderedRows(el).length).to.be.below(100);
      expect(card(el, 'Customers')).to.equal('10,000');
      await expect(el).to.be.accessible();
    });

    it('sorts by every column exactly as the reference sort does, with aria-sort on the header', async () => {
      const { el, customers } = await big();
      for (const col of COLUMNS) {
        for (const dir of ['ascending', 'descending'] as const) {
          el.sortBy(col, dir);
          await el.updateComplete;
          expect(ids(el.visibleRows), `${col} ${dir}`).to.deep.equal(
            ids(referenceSort(customers, col, dir === 'descending')),
          );
          const header = root(el).querySelector(`[role="columnheader"].c-${col}`)!;
          expect(header.getAttribute('aria-sort')).to.equal(dir);
        }
      }
      const others = root(el).querySelectorAll('[role="columnheader"][aria-sort="none"]');
      expect(others).to.have.length(COLUMNS.length - 1);
    });

    it('sorts from a header button (keyboard and click), toggling direction, and announces it', async () => {
      const { el } = await big(500);
      const roi = root(el).querySelector<HTMLButtonElement>('.c-roi button')!;
      roi.focus();
      await sendKeys({ press: 'Enter' });
      await until(
        () =>
          /Sorted by ROI, ascending/.test(el.shadowRoot!.querySelector('#announce')!.textContent!),
        'announce',
      );
      roi.click();
      await until(
        () =>
          /Sorted by ROI, descending\. 500 of 500/.test(
            root(el).querySelector('#announce')!.textContent!,
          ),
        'announce desc',
      );
    });

    it('filters by status, segment and text like a plain filter, with calc totals for the cards', async () => {
      const { el, customers } = await big();
      const search = root(el).querySelector<HTMLInputElement>('input.search')!;
      const segment = root(el).querySelector<HTMLSelectElement>('select.segment-filter')!;
      segment.value = 'smb';
      segment.dispatchEvent(new Event('change'));
      root(el).querySelectorAll<HTMLButtonElement>('button.quick')[1]!.click();
      search.value = 'ACME 1';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const expected = customers.filter(
        (c) =>
          c.segment === 'smb' && c.goals_at_risk > 0 && c.name.toLowerCase().includes('acme 1'),
      );
      expect(expected.length).to.be.above(10);
      expect(new Set(ids(el.visibleRows))).to.deep.equal(new Set(ids(expected)));
      const s = portfolioSummary(expected.map(toPortfolioCustomer));
      const f = createFormat('en-US', undefined);
      expect(card(el, 'Customers')).to.equal(f.number(expected.length, 0));
      expect(card(el, 'Goals at risk')).to.equal(f.number(s.atRisk, 0));
      expect(card(el, 'Achievement rate')).to.include(f.percent(s.achievementRate));
      expect(card(el, 'Average ROI')).to.include(f.multiplier(s.averageRoi));
      expect(card(el, 'Total value')).to.equal(f.money(s.totalValue, 'USD'));
      await until(
        () => /of 10,000 customers shown/.test(root(el).querySelector('#announce')!.textContent!),
        'announce',
      );
      await expect(el).to.be.accessible();
    });

    it("shows each customer's health score and band, \u2014 and No data without one, in rows of one height", async () => {
      const { el, customers } = await big(300);
      el.sortBy('name', 'ascending');
      await el.updateComplete;
      const rows = renderedRows(el);
      const heights = new Set(rows.map((r) => r.getBoundingClientRect().height));
      expect(heights.size, 'one row height').to.equal(1);
      for (const r of rows.slice(0, 10)) {
        const c = el.visibleRows[Number(r.id.slice(4))]!;
        const health = r.querySelector('.c-health')!.textContent!.trim();
        const band = r.querySelector('.c-healthBand')!.textContent!.trim();
        if (c.health_score === null) {
          expect([health, band]).to.deep.equal(['\u2014', 'No data']);
        } else {
          expect(health).to.equal(createFormat('en-US', undefined).number(c.health_score, 0));
          expect(band).to.equal(
            { excellent: 'Excellent', good: 'Good', at_risk: 'At risk', critical: 'Critical' }[
              c.health_band!
            ],
          );
        }
      }
      expect(customers.some((c) => c.health_score === null)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('counts customers per health band with calc, no data apart, and filters to a band from the count or the select', async () => {
      const { el, customers } = await big(2000);
      const counts = () =>
        Object.fromEntries(
          [
            ...root(el).querySelectorAll<HTMLButtonElement>('[part="health-distribution"] button'),
          ].map((b) => [b.dataset.band, b.querySelector('.count')!.textContent]),
        );
      const d = healthDistribution(customers.map((c) => c.health_band));
      const f = createFormat('en-US', undefined);
      expect(counts()).to.deep.equal({
        excellent: f.number(d.excellent, 0),
        good: f.number(d.good, 0),
        at_risk: f.number(d.at_risk, 0),
        critical: f.number(d.critical, 0),
        no_data: f.number(d.no_data, 0),
      });
      expect(d.no_data).to.be.greaterThan(0);
      // A count is a toggle: pressed, the grid shows that band only.
      const critical = root(el).querySelector<HTMLButtonElement>('button[data-band="critical"]')!;
      critical.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(critical.getAttribute('aria-pressed')).to.equal('true');
      expect(el.visibleRows).to.have.length(d.critical);
      expect(el.visibleRows.every((c) => c.health_band === 'critical')).to.equal(true);
      expect(card(el, 'Customers')).to.equal(f.number(d.critical, 0));
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.visibleRows).to.have.length(2000);
      // The toolbar's select filters the same way; No data is the customers without a score.
      const select = root(el).querySelector<HTMLSelectElement>('select.health-filter')!;
      select.value = 'no_data';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.visibleRows).to.have.length(d.no_data);
      expect(el.visibleRows.every((c) => c.health_score === null)).to.equal(true);
      expect(counts().no_data).to.equal(f.number(d.no_data, 0));
      expect(counts().good).to.equal('0');
      // Sorting by health puts the lowest first and the customers without a score last.
      el.filter = {};
      el.sortBy('health', 'ascending');
      await el.updateComplete;
      const scores = el.visibleRows.map((c) => c.health_score);
      const known = scores.filter((x): x is number => x !== null);
      expect(known).to.deep.equal([...known].sort((a, b) => a - b));
      expect(scores.slice(known.length).every((x) => x === null)).to.equal(true);
    });

    it('"Top performers" shows strong scores only and toggles off again', async () => {
      const { el, customers } = await big(2000);
      const top = root(el).querySelector<HTMLButtonElement>('button.quick')!;
      top.click();
      await el.updateComplete;
      expect(top.getAttribute('aria-pressed')).to.equal('true');
      expect(el.visibleRows.length).to.equal(
        customers.filter((c) => c.success_band === 'strong').length,
      );
      top.click();
      await el.updateComplete;
      expect(el.visibleRows.length).to.equal(2000);
    });
  });

  it('orders plain names by a key exactly as Intl.Collator does, and other names by the collator', () => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const sign = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const name = fc.string({
      unit: fc.constantFrom('a', 'A', 'b', 'z', 'Z', ' ', '0', '1', '2', '9'),
      maxLength: 10,
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(SIMPLE_NAME.test(a) && SIMPLE_NAME.test(b)).to.equal(true);
        expect(sign(simpleCollationKey(a), simpleCollationKey(b)), `${a} | ${b}`).to.equal(
          Math.sign(collator.compare(a, b)),
        );
      }),
      { numRuns: 5000 },
    );
    // One name outside the plain alphabet sends the whole set through the collator.
    const rows = generate(60).map((c, i) => ({
      ...c,
      name: ['Zoë 2', 'zoe 10', 'Émile', 'emile', '"Quoted"', "O'Brien", 'acme 7'][i % 7]!,
    }));
    expect(SIMPLE_NAME.test('Zoë 2')).to.equal(false);
    for (const dir of ['ascending', 'descending'] as const)
      expect(ids(sortCustomers(rows, 'name', dir))).to.deep.equal(
        ids(referenceSort(rows, 'name', dir === 'descending')),
      );
  });

  describe('readable from 360 px to wide', () => {
    const cases: Array<[number, readonly Column[]]> = [
      [360, ['name', 'score', 'health', 'roi', 'value', 'atRisk']],
      [720, ['name', 'score', 'health', 'roi', 'value', 'atRisk']],
      [800, ['name', 'goals', 'score', 'health', 'roi', 'value', 'atRisk']],
      [1000, ['name', 'goals', 'score', 'health', 'healthBand', 'roi', 'value', 'atRisk']],
      [1200, COLUMNS],
    ];
    const shown = (cells: Iterable<Element>) =>
      [...cells].filter((c) => getComputedStyle(c).display !== 'none');
    const columnOf = (cell: Element) =>
      [...cell.classList].find((c) => c.startsWith('c-'))!.slice(2) as Column;

    for (const [width, columns] of cases) {
      it(`at ${width} px shows ${columns.join(', ')} unclipped, nothing wider than the element`, async () => {
        const customers = generate(200);
        // The widest values each column can hold, in the first row (sorted by name).
        Object.assign(customers[0]!, {
          name: 'AAA Widest Values',
          segment: 'mid_market',
          goals_total: 12,
          goals_achieved: 10,
          goals_at_risk: 2,
          achievement_rate: 83.33,
          success_score: 79,
          success_band: 'moderate',
          health_score: 100,
          health_band: 'excellent',
          roi_multiplier: 12.34,
          total_value: 987_654_321,
          last_updated: '2026-12-31T00:00:00Z',
        });
        const wrap = await fixture<HTMLElement>(
          html`<div style=${`width:${width}px`}><success-portfolio .customers=${customers}></success-portfolio></div>`,
        );
        const el = wrap.querySelector('success-portfolio')!;
        // The virtualiser renders the rows in view: at 360 px the cards and the health
        // distribution push the grid below the test page's fold, where a user scrolls to it.
        await until(() => root(el).querySelector('.grid') !== null, 'grid');
        root(el).querySelector('.grid')!.scrollIntoView();
        await until(() => renderedRows(el).length > 5, 'rows');
        const header = root(el).querySelector('.head [role="row"]')!;
        const headers = shown(header.querySelectorAll('[role="columnheader"]'));
        expect(headers.map(columnOf)).to.deep.equal([...columns]);
        const host = el.getBoundingClientRect();
        expect(Math.round(host.width)).to.equal(width);
        for (const row of renderedRows(el)) {
          const cells = shown(row.querySelectorAll('[role="gridcell"]'));
          // Every row keeps exactly the header's columns: hidden cells leave the accessibility tree.
          expect(cells.map(columnOf), row.id).to.deep.equal([...columns]);
          for (const cell of cells) {
            if (columnOf(cell) === 'name' && row !== renderedRows(el)[0]) continue;
            expect(cell.scrollWidth, `${row.id} ${cell.className}`).to.be.at.most(cell.clientWidth);
          }
        }
        // Each header fits with its sort arrow showing.
        for (const col of columns) {
          el.sortBy(col, 'descending');
          await el.updateComplete;
          const cell = root(el).querySelector(`.head .c-${col}`)!;
          expect(cell.scrollWidth, `header ${col}`).to.be.at.most(cell.clientWidth);
        }
        const grid = root(el).querySelector<HTMLElement>('[role="grid"]')!;
        expect(grid.scrollWidth).to.be.at.most(grid.clientWidth);
        for (const e of deepElements(el)) {
          const r = e.getBoundingClientRect();
          // Cells clip by design (asserted above); the live region is a 1 px clipped box.
          if (r.width === 0 || e.closest('.cell, .visually-hidden')) continue;
          expect(r.right, e.className || e.localName).to.be.at.most(host.right + 0.5);
          expect(r.left, e.className || e.localName).to.be.at.least(host.left - 0.5);
        }
        await expect(el).to.be.accessible();
      });
    }
  });

  it('moves the active row with arrow keys and selects with Enter (cancelable event)', async () => {
    const { el } = await big(300);
    const grid = root(el).querySelector<HTMLElement>('[role="grid"]')!;
    grid.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(grid.getAttribute('aria-activedescendant')).to.equal('row-1');
    expect(root(el).querySelector('#row-1')!.classList.contains('active')).to.equal(true);
    const fired = nextEvent(document, 'success-customer-select');
    await sendKeys({ press: 'Enter' });
    const event = await fired;
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail.customerId).to.equal(el.visibleRows[1]!.customer_id);
    await el.updateComplete;
    expect(el.selectedCustomerId).to.equal(el.visibleRows[1]!.customer_id);
    expect(root(el).querySelector('#row-1')!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    await until(() => root(el).querySelector('#row-299') !== null, 'last row rendered');
    expect(grid.getAttribute('aria-activedescendant')).to.equal('row-299');
    await expect(el).to.be.accessible();
  });

  describe('account hierarchy', () => {
    /** Six customers; the first is the parent of the fourth and fifth. */
    function family() {
      const rows = generate(6);
      const parent = rows[0]!;
      rows[0] = { ...parent, children_count: 2 };
      for (const i of [3, 4]) rows[i] = { ...rows[i]!, parent_id: parent.customer_id };
      return {
        rows,
        parent: parent.customer_id,
        kids: [rows[3]!.customer_id, rows[4]!.customer_id],
      };
    }
    const ids = (el: SuccessPortfolio) =>
      renderedRows(el).map((r) => el.displayRows[Number(r.id.slice(4))]!.customer_id);
    const disclosure = (el: SuccessPortfolio) =>
      root(el).querySelector<HTMLButtonElement>('button.disclosure')!;

    it('shows a parent with a disclosure (aria-expanded) that shows its children under it', async () => {
      const { rows, parent, kids } = family();
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${rows}></success-portfolio>`,
      );
      await until(() => renderedRows(el).length === 4, 'parents and top-level rows');
      expect(ids(el)).not.to.include(kids[0]);
      const button = disclosure(el);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-label')).to.contain('2').and.contain(rows[0]!.name);
      // The cards and the CSV still count every customer, children of a collapsed parent too.
      expect(el.visibleRows).to.have.length(6);
      expect(card(el, 'Customers')).to.contain('6');
      let selected = false;
      el.addEventListener('success-customer-select', () => {
        selected = true;
      });
      button.click();
      await el.updateComplete;
      await until(() => renderedRows(el).length === 6, 'children shown');
      expect(selected, 'the disclosure does not select the row').to.equal(false);
      expect(disclosure(el).getAttribute('aria-expanded')).to.equal('true');
      const order = ids(el);
      const at = order.indexOf(parent);
      expect(order.slice(at + 1, at + 3).sort()).to.deep.equal([...kids].sort());
      const child = renderedRows(el)[at + 1]!.querySelector('.c-name')!;
      expect(child.classList.contains('child')).to.equal(true);
      expect(child.textContent).to.contain(`Child account of ${rows[0]!.name}`);
      await expect(el).to.be.accessible();
      // The same button from the keyboard: Tab reaches it, Enter closes it.
      disclosure(el).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => renderedRows(el).length === 4, 'children hidden');
      expect(disclosure(el).getAttribute('aria-expanded')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('opens and closes with Right and Left on the active row, and Left on a child goes to its parent', async () => {
      const { rows, parent, kids } = family();
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${rows}></success-portfolio>`,
      );
      await until(() => renderedRows(el).length === 4, 'rows');
      const grid = root(el).querySelector<HTMLElement>('[role="grid"]')!;
      grid.focus();
      const at = el.displayRows.findIndex((c) => c.customer_id === parent);
      await sendKeys({ press: 'Home' });
      for (let i = 0; i < at; i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowRight' });
      await until(() => renderedRows(el).length === 6, 'opened from the keyboard');
      expect(grid.getAttribute('aria-activedescendant')).to.equal(`row-${at}`);
      await sendKeys({ press: 'ArrowDown' });
      expect(kids).to.include(el.displayRows[el._active]!.customer_id);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(el._active).to.equal(at);
      await sendKeys({ press: 'ArrowLeft' });
      await until(() => renderedRows(el).length === 4, 'closed from the keyboard');
      expect(disclosure(el).getAttribute('aria-expanded')).to.equal('false');
    });

    it('shows a child whose parent is filtered out as a row of its own', async () => {
      const { rows, kids } = family();
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${rows}></success-portfolio>`,
      );
      await until(() => renderedRows(el).length === 4, 'rows');
      el.filter = { query: rows[3]!.customer_id };
      await el.updateComplete;
      await until(() => renderedRows(el).length === 1, 'the child alone');
      expect(ids(el)).to.deep.equal([kids[0]]);
      expect(root(el).querySelector('button.disclosure')).to.equal(null);
    });
  });

  it('keeps the selection when the host cancels success-customer-select', async () => {
    const customers = generate(5);
    const el = await fixture<SuccessPortfolio>(
      html`<success-portfolio .customers=${customers} @success-customer-select=${(e: Event) => e.preventDefault()}></success-portfolio>`,
    );
    await until(() => renderedRows(el).length === 5, 'rows');
    renderedRows(el)[2]!.querySelector<HTMLElement>('.c-roi')!.click();
    await el.updateComplete;
    expect(el.selectedCustomerId).to.equal(undefined);
  });

  it('exports the visible rows as CSV: strings quoted, quotes doubled, formulas defused', async () => {
    const customers = generate(4);
    customers[0]!.name = '=HYPERLINK("http://evil","x")';
    customers[1]!.name = 'Say "hi", Inc.';
    customers[2]!.name = '@SUM(A1)';
    customers[3]!.name = '-2+3';
    const el = await fixture<SuccessPortfolio>(
      html`<success-portfolio .customers=${customers}></success-portfolio>`,
    );
    el.sortBy('name', 'ascending');
    el.filter = { query: '' };
    await el.updateComplete;
    const lines = el.toCsv().split('\r\n');
    expect(lines[0]).to.equal(
      '"Customer ID","Customer","Segment","Goals achieved","Goals total","Success score","Band","Health score","Health band","ROI","Value","Currency","Goals at risk","Last update"',
    );
    expect(lines).to.have.length(6);
    expect(el.toCsv()).to.include(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(el.toCsv()).to.include('"Say ""hi"", Inc."');
    expect(el.toCsv()).to.include(`"'@SUM(A1)"`);
    expect(el.toCsv()).to.include(`"'-2+3"`);
    const c = customers[1]!;
    const row = lines.find((l) => l.startsWith(`"${c.customer_id}"`))!;
    expect(row.split(',')[0]).to.equal(csvField(c.customer_id));
    expect(row).to.include(`,${c.total_value},"USD",`);
    el.filter = { segment: 'smb' };
    await el.updateComplete;
    expect(el.toCsv().trim().split('\r\n')).to.have.length(1 + el.visibleRows.length);
  });

  it('defuses every cell a spreadsheet could run as a formula, full-width and after whitespace too', () => {
    for (const trigger of [
      '=',
      '+',
      '-',
      '@',
      '\t',
      '\r',
      '\n',
      ' ',
      '\u3000',
      '＝',
      '＋',
      '－',
      '＠',
    ]) {
      const text = `${trigger}HYPERLINK("http://evil")`;
      expect(csvField(text), JSON.stringify(text)).to.equal(`"'${text.replaceAll('"', '""')}"`);
    }
    expect(csvField('\n=1+1')).to.equal(`"'\n=1+1"`);
    expect(csvField('Acme Corp')).to.equal('"Acme Corp"');
    expect(csvField('Ｆull-width name')).to.equal('"Ｆull-width name"');
    expect(csvField(-2)).to.equal('-2');
  });

  it('shows value per currency when currencies are mixed', async () => {
    const { el, customers } = await big(30, ['USD', 'EUR']);
    const s = portfolioSummary(customers.map(toPortfolioCustomer));
    expect(s.totalValue).to.equal(null);
    const f = createFormat('en-US', undefined);
    const text = card(el, 'Total value');
    expect(text).to.include(f.money(s.valueByCurrency.USD!, 'USD'));
    expect(text).to.include(f.money(s.valueByCurrency.EUR!, 'EUR'));
  });

  it('keeps XSS payloads in names as text', async () => {
    const harmless = generate(XSS_PAYLOADS.length);
    const hostile = generate(XSS_PAYLOADS.length).map((c, i) => ({ ...c, name: XSS_PAYLOADS[i]! }));
    harmless.forEach((c, i) => {
      c.name = `Customer ${'x'.repeat(i)}`;
    });
    // One at a time: the virtualiser renders only rows inside the viewport.
    const render = async (customers: CustomerSuccessSummary[]) => {
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${customers}></success-portfolio>`,
      );
      el.sortBy('updated', 'ascending');
      await until(() => renderedRows(el).length === XSS_PAYLOADS.length, 'all rows');
      return { el, shape: domShape(el) };
    };
    const a = await render(harmless);
    fixtureCleanup();
    const { el: b, shape } = await render(hostile);
    expect(shape).to.deep.equal(a.shape);
    expect(deepText(b)).to.include(XSS_PAYLOADS[0]);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('passes axe in the dark theme with the at-risk quick filter on', async () => {
    const el = await fixture<SuccessPortfolio>(
      html`<success-portfolio theme="dark" .customers=${generate(40)}></success-portfolio>`,
    );
    await until(() => renderedRows(el).length > 0, 'rows');
    root(el).querySelectorAll<HTMLButtonElement>('button.quick')[1]!.click();
    await el.updateComplete;
    expect(el.visibleRows.every((c) => c.goals_at_risk > 0)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  describe('states', () => {
    it('loading: a skeleton while the first page is on its way', async () => {
      const p = await fixture<HTMLElement>(
        html`<success-provider .client=${pendingClient()}><success-portfolio></success-portfolio></success-provider>`,
      );
      const el = p.querySelector('success-portfolio')!;
      await el.updateComplete;
      expect(root(el).querySelectorAll('.bone').length).to.be.above(0);
      await expect(el).to.be.accessible();
    });

    it('empty: says there are no customers', async () => {
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${[]}></success-portfolio>`,
      );
      expect(deepText(el)).to.include('No customers in this portfolio.');
      await expect(el).to.be.accessible();
    });

    it('filtered to nothing: offers Clear filters', async () => {
      const el = await fixture<SuccessPortfolio>(
        html`<success-portfolio .customers=${generate(20)}></success-portfolio>`,
      );
      el.filter = { query: 'no such customer' };
      await el.updateComplete;
      expect(deepText(el)).to.include('No customers match these filters.');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('.empty button')!.click();
      await el.updateComplete;
      expect(el.visibleRows).to.have.length(20);
    });

    it('error: the problem title with Retry, which loads the portfolio', async () => {
      let fail = true;
      const pages = pagesOf(generate(12), 5);
      const client: SuccessClient = createSuccessClient({
        baseUrl: location.origin,
        token: 't',
        retries: 0,
        fetch: async (input) => {
          if (fail) {
            fail = false;
            return new Response(
              JSON.stringify({ type: 'about:blank', title: 'Portfolio unavailable', status: 503 }),
              { status: 503, headers: { 'content-type': 'application/problem+json' } },
            );
          }
          const url = new URL((input as Request).url);
          const page = pages[Number(url.searchParams.get('cursor') ?? 0)]!;
          return new Response(JSON.stringify(page), {
            headers: { 'content-type': 'application/json' },
          });
        },
      });
      const errored = nextEvent(document, 'success-error');
      const p = await fixture<HTMLElement>(
        html`<success-provider .client=${client}><success-portfolio></success-portfolio></success-provider>`,
      );
      const el = p.querySelector('success-portfolio')!;
      await errored;
      await until(() => deepText(el).includes('Portfolio unavailable'), 'error');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('.error button')!.click();
      await until(() => el.visibleRows.length === 12, 'rows after retry');
    });
  });

  it('streams pages in through the provider with the scope as query and the API totals', async () => {
    const customers = generate(1200);
    const pages = pagesOf(customers, 500);
    const urls: URL[] = [];
    const p = await fixture<HTMLElement>(
      html`<success-provider .client=${pagedClient(pages, (u) => urls.push(u))}><success-portfolio csm-id="csm_riley" segment="smb"></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await until(() => el.visibleRows.length === 1200, 'all pages');
    expect(urls).to.have.length(3);
    expect(urls[0]!.searchParams.get('csm_id')).to.equal('csm_riley');
    expect(urls[0]!.searchParams.get('segment')).to.equal('smb');
    expect(urls[0]!.searchParams.get('limit')).to.equal('500');
    expect(urls[2]!.searchParams.get('cursor')).to.equal('2');
    expect(card(el, 'Customers')).to.equal('1,200');
    await expect(el).to.be.accessible();
  });

  it('streaming: shows the first page with "Loading more" while the next is on its way, passing axe', async () => {
    const pages = pagesOf(generate(700), 500);
    const client = createSuccessClient({
      baseUrl: location.origin,
      token: 't',
      retries: 0,
      fetch: async (input) => {
        const url = new URL((input as Request).url);
        // The second page never arrives during this test.
        if (url.searchParams.get('cursor')) return new Promise<Response>(() => {});
        return new Response(JSON.stringify(pages[0]), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    const p = await fixture<HTMLElement>(
      html`<success-provider .client=${client}><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await until(() => root(el).querySelector('.loading-more') !== null, 'streaming');
    await until(() => renderedRows(el).length > 0, 'first rows');
    expect(deepText(el)).to.include('Loading more customers… 500 so far.');
    expect(root(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.visibleRows).to.have.length(500);
    await expect(el).to.be.accessible();
  });

  it('aborts the page stream when disconnected', async () => {
    let aborted = false;
    const client = createSuccessClient({
      baseUrl: location.origin,
      token: 't',
      retries: 0,
      fetch: (input) =>
        new Promise<Response>((_, reject) => {
          const signal = (input as Request).signal;
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    });
    const p = await fixture<HTMLElement>(
      html`<success-provider .client=${client}><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await el.updateComplete;
    el.remove();
    await until(() => aborted, 'aborted');
    aborted = false;
    p.append(el);
    await el.updateComplete;
    expect(root(el).querySelectorAll('.bone').length, 'loading again').to.be.above(0);
  });
});

/** `n` at-risk goals in the API's order, with the odd null and long, markup-like names. */
function atRiskOf(n: number): AtRiskGoal[] {
  return Array.from({ length: n }, (_, i) => ({
    customer_id: `cus_${String(Math.floor(i / 3)).padStart(4, '0')}`,
    customer_name: `Customer ${String(Math.floor(i / 3)).padStart(4, '0')}`,
    goal_id: `goal_${String(i).padStart(4, '0')}`,
    name: i === 7 ? '<img src=x onerror="window.__xss=1">' : `Goal ${i}`,
    achievement_pct: i % 11 === 0 ? null : 20 + (i % 40),
    expected_pct: 70,
    target_date: '2026-09-30',
  }));
}

/**
 * A client serving the portfolio from `portfolio` and the at-risk goals from `goals`, `limit` a
 * page with the page number as cursor, recording every request.
 */
function portfolioClient(
  portfolio: PortfolioSuccessMetrics[],
  goals: AtRiskGoal[],
  urls: URL[],
  fail?: (url: URL) => boolean,
) {
  return createSuccessClient({
    baseUrl: location.origin,
    token: 't',
    retries: 0,
    fetch: async (input) => {
      const url = new URL((input as Request).url);
      urls.push(url);
      if (fail?.(url))
        return new Response(
          JSON.stringify({ type: 'about:blank', title: 'At-risk list unavailable', status: 503 }),
          { status: 503, headers: { 'content-type': 'application/problem+json' } },
        );
      const page = Number(url.searchParams.get('cursor') ?? 0);
      const body = url.pathname.endsWith('/api/portfolio/at-risk-goals')
        ? (() => {
            const limit = Number(url.searchParams.get('limit'));
            const items = goals.slice(page * limit, (page + 1) * limit);
            return {
              items,
              next_cursor: (page + 1) * limit < goals.length ? String(page + 1) : null,
            };
          })()
        : portfolio[page];
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    },
  });
}

describe('<success-portfolio> goals at risk', () => {
  const details = (el: SuccessPortfolio) =>
    root(el).querySelector<HTMLDetailsElement>('details.goals-at-risk');
  const listed = (el: SuccessPortfolio) =>
    [...root(el).querySelectorAll('.at-risk-list li')].map(
      (li) => li.querySelector('.at-risk-goal')!.textContent,
    );
  const more = (el: SuccessPortfolio) =>
    root(el).querySelector<HTMLButtonElement>('.goals-at-risk .more');
  const atRiskRequests = (urls: URL[]) =>
    urls.filter((u) => u.pathname.endsWith('/api/portfolio/at-risk-goals'));

  it('asks for nothing until opened, then pages through every goal with the scope and next_cursor', async () => {
    const goals = atRiskOf(124);
    const pages = pagesOf(generate(30), 500);
    pages[0]!.summary = { ...pages[0]!.summary, at_risk: 124 };
    const urls: URL[] = [];
    const p = await fixture<HTMLElement>(
      html`<success-provider .client=${portfolioClient(pages, goals, urls)}><success-portfolio csm-id="csm_riley" segment="smb"></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await until(() => details(el) !== null, 'the disclosure');
    expect(deepText(details(el)!.querySelector('summary')!)).to.equal('Goals at risk (124)');
    expect(atRiskRequests(urls), 'closed: nothing fetched').to.have.length(0);

    details(el)!.querySelector('summary')!.click();
    await until(() => listed(el).length === 50, 'first page');
    expect(deepText(el)).to.include('Showing 50 of 124 goals at risk.');
    await expect(el).to.be.accessible();
    more(el)!.click();
    await until(() => listed(el).length === 100, 'second page');
    more(el)!.click();
    await until(() => listed(el).length === 124, 'last page');
    expect(more(el), 'no more after the last page').to.equal(null);
    expect(listed(el)).to.deep.equal(goals.map((g) => g.name));
    const requests = atRiskRequests(urls);
    expect(requests.map((u) => u.searchParams.get('cursor'))).to.deep.equal([null, '1', '2']);
    for (const u of requests) {
      expect(u.searchParams.get('csm_id')).to.equal('csm_riley');
      expect(u.searchParams.get('segment')).to.equal('smb');
      expect(u.searchParams.get('limit')).to.equal('50');
    }
    // Names are text, never markup.
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(root(el).querySelector('.at-risk-list img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('starts over for a new scope while open, and shows an error with Retry that resumes', async () => {
    const goals = atRiskOf(60);
    let failing = false;
    const urls: URL[] = [];
    const client = portfolioClient(
      pagesOf(generate(10), 500),
      goals,
      urls,
      (u) => failing && u.pathname.endsWith('/at-risk-goals'),
    );
    const p = await fixture<HTMLElement>(
      html`<success-provider .client=${client}><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await until(() => details(el) !== null, 'the disclosure');
    details(el)!.querySelector('summary')!.click();
    await until(() => listed(el).length === 50, 'first page');
    failing = true;
    const errored = nextEvent(document, 'success-error');
    more(el)!.click();
    await errored;
    await until(() => deepText(details(el)!).includes('At-risk list unavailable'), 'error');
    expect(listed(el), 'the goals shown stay').to.have.length(50);
    await expect(el).to.be.accessible();
    failing = false;
    details(el)!.querySelector<HTMLButtonElement>('.error button')!.click();
    await until(() => listed(el).length === 60, 'resumed from the cursor');
    expect(atRiskRequests(urls).map((u) => u.searchParams.get('cursor'))).to.deep.equal([
      null,
      '1',
      '1',
    ]);

    el.segment = 'enterprise';
    await until(
      () => atRiskRequests(urls).some((u) => u.searchParams.get('segment') === 'enterprise'),
      'the new scope fetched',
    );
    await until(() => listed(el).length === 50, 'first page of the new scope');
  });

  it("reveals given goals a page at a time, and the summary's 20 of .data, saying which they are", async () => {
    const el = await fixture<SuccessPortfolio>(
      html`<success-portfolio .customers=${generate(5)} .atRiskGoals=${atRiskOf(120)}></success-portfolio>`,
    );
    details(el)!.open = true;
    await until(() => listed(el).length === 50, 'first 50');
    more(el)!.click();
    await el.updateComplete;
    more(el)!.click();
    await el.updateComplete;
    expect(listed(el)).to.have.length(120);
    expect(more(el)).to.equal(null);

    const data = pagesOf(generate(8), 500)[0]!;
    data.summary = { ...data.summary, at_risk: 124, goals_at_risk: atRiskOf(20) };
    const withData = await fixture<SuccessPortfolio>(
      html`<success-portfolio .data=${data}></success-portfolio>`,
    );
    details(withData)!.open = true;
    await until(() => listed(withData).length === 20, "the summary's 20");
    expect(deepText(withData)).to.include(
      'Showing 20 of 124 goals at risk: the furthest behind their pace.',
    );
    await expect(withData).to.be.accessible();

    const bare = await fixture<SuccessPortfolio>(
      html`<success-portfolio .customers=${generate(5)}></success-portfolio>`,
    );
    expect(details(bare), 'rows alone have no at-risk list').to.equal(null);
  });

  it('fires a cancelable success-goal-select with the goal id when a goal is chosen', async () => {
    const el = await fixture<SuccessPortfolio>(
      html`<success-portfolio .customers=${generate(5)} .atRiskGoals=${atRiskOf(3)}></success-portfolio>`,
    );
    details(el)!.open = true;
    await until(() => listed(el).length === 3, 'goals');
    const selected = nextEvent(el, 'success-goal-select');
    root(el).querySelectorAll<HTMLButtonElement>('.at-risk-goal')[1]!.click();
    const event = (await selected) as CustomEvent<{ goalId: string }>;
    expect(event.detail.goalId).to.equal('goal_0001');
    expect(event.cancelable).to.equal(true);
    expect(event.composed).to.equal(true);
  });
});

describe('<success-portfolio> against the reference server', () => {
  it("shows the manager's whole portfolio with the server's totals", async () => {
    const api = `${location.origin}/reference-api`;
    const p = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-manager-token"><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    await until(() => el.visibleRows.some((c) => c.customer_id === 'cus_acme'), 'rows', 9000);
    await until(() => !root(el).querySelector('.loading-more'), 'every page', 9000);
    expect(ids(el.visibleRows)).to.include('cus_globex');
    expect(card(el, 'Customers')).to.equal(
      createFormat('en-US', undefined).number(el.visibleRows.length, 0),
    );
    expect(deepText(el)).to.include('Achievement rate');
    await expect(el).to.be.accessible();
  });

  it("shows the demo CSM's parent account with its three children under its disclosure", async () => {
    const api = `${location.origin}/reference-api`;
    const p = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-csm-token"><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio') as SuccessPortfolio;
    await until(
      () => !root(el).querySelector('.loading-more') && el.visibleRows.length > 0,
      'every page',
      9000,
    );
    const parent = el.visibleRows.find((c) => c.customer_id === 'cus_0053')!;
    expect(parent.children_count).to.equal(3);
    expect(parent.rollup?.children.map((c) => c.customer_id)).to.deep.equal(
      el.visibleRows.filter((c) => c.parent_id === 'cus_0053').map((c) => c.customer_id),
    );
    expect(el.displayRows.some((c) => c.parent_id === 'cus_0053')).to.equal(false);
    el.toggleChildren('cus_0053', true);
    await el.updateComplete;
    const at = el.displayRows.indexOf(parent);
    expect(el.displayRows.slice(at + 1, at + 4).map((c) => c.parent_id)).to.deep.equal([
      'cus_0053',
      'cus_0053',
      'cus_0053',
    ]);
  });

  it("pages through every one of the manager's goals at risk, none twice", async () => {
    const api = `${location.origin}/reference-api`;
    const p = await fixture<HTMLElement>(
      html`<success-provider base-url=${api} token="demo-manager-token"><success-portfolio></success-portfolio></success-provider>`,
    );
    const el = p.querySelector('success-portfolio')!;
    const summary = () => root(el).querySelector<HTMLElement>('details.goals-at-risk summary');
    await until(() => summary()?.textContent?.includes('(') === true, 'the count', 9000);
    const total = Number(/\(([\d,]+)\)/.exec(summary()!.textContent!)![1]!.replace(/,/g, ''));
    expect(total, 'more than one page').to.be.above(50);
    summary()!.click();
    const items = () => root(el).querySelectorAll('.at-risk-list li');
    const more = () =>
      root(el).querySelector<HTMLButtonElement>('.goals-at-risk .more:not([disabled])');
    for (let page = 1; page * 50 < total; page++) {
      await until(() => items().length === page * 50 && more() !== null, `page ${page}`, 9000);
      more()!.click();
    }
    await until(() => items().length === total, 'every goal', 9000);
    expect(root(el).querySelector('.goals-at-risk .more')).to.equal(null);
    // What the API's own pages hold, in its order: each goal once.
    const expected = [];
    for await (const g of createSuccessClient({
      baseUrl: api,
      token: 'demo-manager-token',
    }).listAtRiskGoals.all({ limit: 500 }))
      expected.push(g.name);
    expect([...items()].map((li) => li.querySelector('.at-risk-goal')!.textContent)).to.deep.equal(
      expected,
    );
    expect(card(el, 'Goals at risk')).to.include(createFormat('en-US', undefined).number(total, 0));
    await expect(el).to.be.accessible();
  });
});
