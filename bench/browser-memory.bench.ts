// Seed 004's "memory_usage: <150MB browser consumption for extended sessions", measured: the demo
// host page (`npm start`'s, the elements as the Success tab installs them) in Debian's Chromium
// against the reference server holding BROWSER_CUSTOMERS customers (default 10,002), through an
// extended session as a manager would work: the portfolio of every customer (streamed in pages),
// then customer after customer (Success tab, a goal's detail, the Health tab), back to the
// portfolio now and then, the locale switched once.
//
// After each step the page's memory is read twice: as it stands, and after a forced collection
// (what the page retains). JS heap and DOM nodes from the DevTools protocol
// (Performance.getMetrics), and the page's renderer process from /proc: its private dirty memory
// (what the tab alone costs, Chrome's "memory footprint") and its RSS (which also counts the
// Chromium code every process shares). The same tab on an empty page first is the floor. The
// budget is on the tab's peak private memory; the retained JS heap's growth from the first round
// of customers to the last says whether a long session leaks.
//
// The server runs on PostgreSQL (a throwaway local cluster: seeding 10,000 customers there takes
// about a minute, against several on PGlite); the browser's memory does not depend on the
// database. BROWSER_CUSTOMERS and BROWSER_ROUNDS (default 3 rounds of 12 customers) shorten a
// trial run.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, launch, type Page } from 'puppeteer-core';
import { CHROMIUM_PATH, chromiumArgs } from '../scripts/chromium.mjs';
import { startServer, writeResult } from './lib.js';
import { startPostgres } from './postgres.js';

const CUSTOMERS = Number(process.env.BROWSER_CUSTOMERS ?? 10_002);
const ROUNDS = Number(process.env.BROWSER_ROUNDS ?? 3);
const PER_ROUND = 12;
const BUDGET_MB = 150;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * The largest Chromium renderer process (the page's tab): its resident memory (VmRSS, which
 * counts the shared Chromium code every process maps) and its private dirty memory
 * (smaps_rollup: what the tab alone costs, as Chrome's task manager "Memory footprint" counts).
 */
function renderer(): { rss: number; private: number } {
  let best = { rss: 0, private: 0 };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const smaps = readFileSync(`/proc/${name}/smaps_rollup`, 'utf8');
      const kb = (field: string) =>
        Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(smaps)?.[1] ?? 0) * 1024;
      const r = { rss: kb('Rss'), private: kb('Private_Dirty') };
      if (r.rss > best.rss) best = r;
    } catch {
      // Gone meanwhile.
    }
  }
  return best;
}

interface Sample {
  readonly step: string;
  readonly js_heap_mb: number;
  readonly js_heap_retained_mb: number;
  readonly dom_nodes: number;
  readonly renderer_rss_mb: number;
  readonly renderer_private_mb: number;
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

async function sample(cdp: CDPSession, step: string): Promise<Sample> {
  const before = await metrics(cdp);
  const tab = renderer();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await metrics(cdp);
  return {
    step,
    js_heap_mb: mb(before.JSHeapUsedSize ?? 0),
    js_heap_retained_mb: mb(after.JSHeapUsedSize ?? 0),
    dom_nodes: after.Nodes ?? 0,
    renderer_rss_mb: mb(tab.rss),
    renderer_private_mb: mb(tab.private),
  };
}

/** Until the page has had no request in flight for half a second (the elements have loaded). */
const settle = (page: Page) => page.waitForNetworkIdle({ idleTime: 500, timeout: 120_000 });

const pg = await startPostgres();
if ('missing' in pg) {
  console.log(`browser memory: skipped (${pg.missing})`);
  writeResult('browser-memory', { skipped: pg.missing, pass: true });
  process.exit(0);
}
const { buildHostPage } = await import('../scripts/build-host-page.mjs');
await buildHostPage();
const t0 = performance.now();
const server = await startServer({
  DATABASE_URL: await pg.database(`cscx_browser_${CUSTOMERS}`),
  CSCX_DEMO_CUSTOMERS: String(CUSTOMERS),
});
const startMs = Math.round(performance.now() - t0);
const profile = mkdtempSync(join(tmpdir(), 'browser-memory-'));
const browser = await launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(profile) });
const samples: Sample[] = [];
let failure: string | null = null;
/** Goal detail views opened (customers without a goal have none). */
let goalViews = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // The floor: the same browser's tab on an empty page.
  await page.goto('about:blank');
  samples.push(await sample(cdp, 'empty page (the floor)'));

  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  await settle(page);
  samples.push(await sample(cdp, 'CSM landing (portfolio of own customers)'));

  // The manager: every customer in the list and the portfolio.
  await page.select('#token', 'demo-manager-token');
  await page.waitForFunction(
    (n) => document.getElementById('list-status')?.textContent?.includes(`of ${n} customers`),
    { timeout: 120_000 },
    CUSTOMERS,
  );
  await settle(page);
  samples.push(await sample(cdp, `manager portfolio (${CUSTOMERS} customers)`));

  const ids = await page.$$eval('#customer-list [role=option]', (els) =>
    els.map((e) => (e as HTMLElement).dataset.id ?? ''),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i++) {
      const id = ids[(round * PER_ROUND + i) % ids.length]!;
      await page.click(`#customer-list [data-id="${id}"]`);
      await settle(page);
      // A goal's detail and back, when the customer has a goal.
      const opened = await page.evaluate(() => {
        const table = document
          .getElementById('overview')
          ?.shadowRoot?.querySelector('success-goals-table');
        const row = table?.shadowRoot?.querySelector<HTMLElement>('button.goal');
        row?.click();
        return row != null;
      });
      if (opened) {
        goalViews++;
        await settle(page);
        await page.click('#back');
      }
      if (i % 4 === 3) {
        await page.click('#health-tab');
        await settle(page);
        await page.click('#success-tab');
      }
    }
    if (round === 0) {
      await page.select('#locale', 'de-DE');
      await settle(page);
    }
    await page.click('#to-portfolio');
    await settle(page);
    samples.push(await sample(cdp, `after round ${round + 1} (${PER_ROUND} customers)`));
  }
  if (errors.length > 0) failure = `page errors: ${errors.slice(0, 3).join('; ')}`;
} catch (e) {
  failure = e instanceof Error ? e.message : String(e);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
  await pg.stop();
}

const floor = samples[0];
const onPage = samples.slice(1);
const peakRss = Math.max(0, ...onPage.map((s) => s.renderer_rss_mb));
const peakPrivate = Math.max(0, ...onPage.map((s) => s.renderer_private_mb));
const rounds = samples.filter((s) => s.step.startsWith('after round'));
const first = rounds[0];
const last = rounds.at(-1);
const pass = failure === null && peakPrivate > 0 && peakPrivate < BUDGET_MB;
const file = writeResult('browser-memory', {
  workload: `the demo host page in Chromium (1280 x 900) against ${CUSTOMERS} customers on PostgreSQL: the CSM's landing, the manager's portfolio of everyone, then ${ROUNDS} rounds of ${PER_ROUND} customers (Success tab, a goal's detail, the Health tab every fourth), the locale switched after the first round, the portfolio after each round`,
  server_start_ms: startMs,
  goal_views_opened: goalViews,
  samples,
  renderer_private_peak_mb: peakPrivate,
  renderer_rss_peak_mb: peakRss,
  floor_empty_page: floor ?? null,
  retained_js_heap_growth_mb:
    first && last
      ? Math.round((last.js_heap_retained_mb - first.js_heap_retained_mb) * 10) / 10
      : null,
  budget: { renderer_private_peak_mb: BUDGET_MB },
  failure,
  pass,
});
console.log(
  `browser memory: the tab's private memory peak ${peakPrivate} MB (budget < ${BUDGET_MB} MB; empty page ${floor?.renderer_private_mb} MB), RSS peak ${peakRss} MB (empty page ${floor?.renderer_rss_mb} MB), retained JS heap ${samples.map((s) => s.js_heap_retained_mb).join(' -> ')} MB, DOM nodes ${samples.map((s) => s.dom_nodes).join(' -> ')}${failure ? `; FAILED: ${failure}` : ''} -> ${file}`,
);
if (!pass) process.exitCode = 1;
