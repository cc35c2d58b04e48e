// The charts' budgets (issue 6, DESIGN.md "Performance budgets"), measured in Debian's Chromium:
// a trend chart of 5 series x 365 points drawn in < 200 ms once vega is loaded, the same for
// <goal-progress> with 365 measurements, and the size of the vega chunk that only the first
// chart loads. The page is served under `script-src 'self'` (no 'unsafe-eval'), so what is
// timed is the CSP-safe expression interpreter path that ships.
// Issue 7: <success-portfolio> with 10,000 customers given as data (first render < 100 ms, sort
// of all rows < 50 ms, < 2,000 DOM nodes), each next to the same step on a plain <table>.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { launch } from 'puppeteer-core';
import { CHROMIUM_PATH, chromiumArgs } from '../scripts/chromium.mjs';
import { responseExample } from '../testing/openapi-spec.js';
import { minGzipSize, writeResult } from './lib.js';

const repo = new URL('..', import.meta.url).pathname;
const elements = join(repo, 'packages/elements/src');
const RUNS = 15;
// Never written: esbuild needs an output folder to name the chunks it returns in memory.
const OUT = 'bench/.elements-out';
const WARMUP = 3;

// The reference chart: vega-embed compiling a vega-lite spec, the path this kit avoids. Only in
// the timing build; the sizes are measured without it.
const baselineScript = `
const BASELINE = async (trends) => {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([
    import('vega-embed'),
    import('vega-interpreter'),
  ]);
  const values = trends.flatMap((t) => t.points.map((p) => ({ s: t.name, d: p.date, v: p.value })));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 720, height: 200, data: { values },
    mark: { type: 'line' },
    encoding: {
      x: { field: 'd', type: 'temporal', title: null },
      y: { field: 'v', type: 'quantitative', title: null },
      color: { field: 's', type: 'nominal', legend: null },
    },
  };
  const opts = { renderer: 'svg', actions: false, ast: true, expr: expressionInterpreter };
  const runs = [];
  for (let i = 0; i < ${WARMUP} + ${RUNS}; i++) {
    const div = document.createElement('div');
    host.append(div);
    const t0 = performance.now();
    const result = await embed(div, spec, opts);
    const t = performance.now() - t0;
    const paths = div.querySelectorAll('.mark-line path').length;
    result.finalize();
    div.remove();
    await frame();
    if (i >= ${WARMUP}) runs.push({ event: t, frame: t, draw: t, paths });
  }
  return runs;
};
`;

// The page script: preload vega, then time each element from insertion to its drawn chart.
const pageScript = `
import './define/success-portfolio.js';
import { sortCustomers } from './success-portfolio/portfolio-model.js';
import './define/success-trend-chart.js';
import './define/goal-progress.js';
import './define/success-overview.js';
import { loadChartRuntime } from './success-trend-chart/success-trend-chart.js';

const DAY = 86400000;
const start = Date.UTC(2025, 0, 1);
const iso = (t) => new Date(t).toISOString();
const series = (i) => ({
  goal_id: 'goal_' + i, metric_id: 'met_' + i, name: 'Metric ' + (i + 1), unit: 'hours',
  direction: 'lower_is_better', target: 12, baseline: 24, forecast_date: null,
  points: Array.from({ length: 365 }, (_, d) => ({
    date: iso(start + d * DAY).slice(0, 10),
    value: Math.round((24 - i - d * 0.03 + Math.sin(d / 7 + i)) * 100) / 100,
  })),
});
const goal = (n) => ({
  id: 'goal_bench', customer_id: 'cus_bench', name: 'Reduce ticket time', description: '',
  category: 'efficiency', owner: { name: 'Sarah Chen', title: 'VP Ops' }, weight: 1,
  start_date: '2025-01-01', target_date: '2026-06-30', currency: 'USD', version: 1,
  created_at: '2025-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
  achievement_pct: 80, progress_note: null, status: 'on_track', exceeded: false,
  expected_pct: 70, annual_value: 1125000, forecast_date: '2026-03-01', recommendations: [],
  metric: 'Average resolution time', baseline_value: 24, target_value: 12, current_value: 14.4, unit: 'hours',
  metrics: [{
    id: 'met_bench', name: 'Average resolution time', unit: 'hours', direction: 'lower_is_better',
    baseline_value: 24, target_value: 12, current_value: 14.4, data_source: null, frequency: 'daily',
    weight: 1, progress_pct: 80, progress_note: null, status: 'on_track', trend: null,
    measurements: Array.from({ length: n }, (_, d) => ({
      measured_at: iso(start + d * DAY), value: Math.round((24 - d * 0.026 + Math.sin(d / 5)) * 100) / 100,
      source: null, note: null,
    })),
  }],
  value_drivers: [{
    type: 'time_saved', label: 'Ticket handling time saved', confidence: 'high', hours_per_unit: 12.5,
    units_per_month: 150, hours_per_month: null, hourly_rate: 50, monthly_amount: null,
    annual_amount: null, annual_hours: 22500, annual_value: 1125000,
  }],
});

const host = document.getElementById('host');
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));

/** Inserts an element, resolves with [ms to the chart's render event, ms to the next frame, spec+draw ms]. */
async function once(make) {
  const el = make();
  const drawn = new Promise((r) => host.addEventListener('success-chart-render', (e) => r(e.detail), { once: true }));
  const t0 = performance.now();
  host.append(el);
  const detail = await drawn;
  const t1 = performance.now();
  await frame();
  const t2 = performance.now();
  const paths = (el.shadowRoot.querySelector('success-trend-chart') ?? el).shadowRoot.querySelectorAll('.mark-line path').length;
  el.remove();
  await frame();
  return { event: t1 - t0, frame: t2 - t0, draw: detail.durationMs, paths };
}

async function measure(make) {
  const cold = await once(make);
  for (let i = 1; i < ${WARMUP}; i++) await once(make);
  const runs = [];
  for (let i = 0; i < ${RUNS}; i++) runs.push(await once(make));
  return { cold, runs };
}

/** Waits until an element and every Lit element in its shadow tree (any depth) has rendered. */
async function settle(el) {
  const pending = [el];
  while (pending.length) {
    const n = pending.pop();
    if (n.updateComplete) await n.updateComplete;
    if (n.shadowRoot) pending.push(...n.shadowRoot.querySelectorAll('*'));
  }
}

/**
 * <success-overview> with Acme's 5 goals from property data, against the DOM floor: the markup it
 * renders (every shadow root serialised as declarative shadow DOM, tags renamed so nothing
 * upgrades) inserted as one static string. Both are timed from insertion to laid out.
 */
async function measureOverview() {
  const data = OVERVIEW_DATA;
  const sample = document.createElement('success-overview');
  sample.data = data;
  host.append(sample);
  await settle(sample);
  const roots = [];
  const walk = (n) => { if (n.shadowRoot) { roots.push(n.shadowRoot); n.shadowRoot.querySelectorAll('*').forEach(walk); } };
  walk(sample);
  const markup = sample.getHTML({ serializableShadowRoots: true, shadowRoots: roots })
    .replace(/<(\\/?)(success-|goal-)/g, '<$1x-$2');
  // getHTML puts the element's own shadow root first, as a declarative template.
  const staticMarkup = '<x-success-overview>' + markup + '</x-success-overview>';
  sample.remove();
  const goals = data.goals.length;
  const el = [], floor = [];
  for (let i = 0; i < ${WARMUP} + ${RUNS}; i++) {
    const o = document.createElement('success-overview');
    o.data = data;
    let t0 = performance.now();
    host.append(o);
    await settle(o);
    void host.offsetHeight;
    const te = performance.now() - t0;
    o.remove();
    await frame();
    const div = document.createElement('div');
    t0 = performance.now();
    div.setHTMLUnsafe(staticMarkup);
    host.append(div);
    void host.offsetHeight;
    const tf = performance.now() - t0;
    div.remove();
    await frame();
    if (i >= ${WARMUP}) { el.push(te); floor.push(tf); }
  }
  return { goals, element: el, floor, markupBytes: staticMarkup.length };
}


/** 10,000 deterministic customers (an LCG), with nulls and ties like a real portfolio. */
function portfolioCustomers(n) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
  const segments = ['enterprise', 'mid_market', 'smb'];
  return Array.from({ length: n }, (_, i) => {
    const total = Math.floor(rnd() * 8);
    const achieved = Math.floor(rnd() * (total + 1));
    const atRisk = Math.floor(rnd() * (total - achieved + 1));
    const score = rnd() < 0.05 ? null : Math.round(rnd() * 100);
    return {
      customer_id: 'cus_' + String(i).padStart(5, '0'),
      name: (rnd() < 0.5 ? 'Acme ' : 'Globex ') + Math.floor(rnd() * 5000),
      segment: segments[i % 3],
      csm_id: 'csm_' + (i % 40),
      currency: 'USD',
      goals_total: total,
      goals_achieved: achieved,
      goals_at_risk: atRisk,
      achievement_rate: total ? (achieved / total) * 100 : null,
      success_score: score,
      success_band: score === null ? null : score >= 80 ? 'strong' : score >= 60 ? 'moderate' : 'weak',
      // From the index, not rnd(): the other columns keep the values earlier results measured.
      health_score: i % 10 === 0 ? null : (i * 37) % 101,
      health_band: i % 10 === 0 ? null : (i * 37) % 101 >= 90 ? 'excellent' : (i * 37) % 101 >= 70 ? 'good' : (i * 37) % 101 >= 50 ? 'at_risk' : 'critical',
      roi_multiplier: rnd() < 0.1 ? null : Math.round(rnd() * 800) / 100,
      total_value: Math.round(rnd() * 500000),
      last_updated: total ? new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString() : null,
    };
  });
}

/** Nodes (elements, text, comments) and elements under root, shadow roots included. */
function countNodes(root) {
  let nodes = 0;
  let elements = 0;
  const visit = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      nodes++;
      if (c.nodeType === 1) {
        elements++;
        if (c.shadowRoot) visit(c.shadowRoot);
      }
      visit(c);
    }
  };
  nodes++;
  elements++;
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return { nodes, elements };
}

const portfolioRows = (p) => p.shadowRoot && p.shadowRoot.querySelectorAll('.body [role="row"]').length;

/** The same columns as the grid, formatted with Intl like the element, as a plain table. */
function plainTable(data) {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact' });
  const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
  const seg = { enterprise: 'Enterprise', mid_market: 'Mid-market', smb: 'SMB' };
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const h of ['Customer', 'Segment', 'Goals achieved', 'Success score', 'Health', 'Health band', 'ROI', 'Value', 'At risk', 'Last update']) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  const byId = new Map();
  for (const c of data) {
    const tr = body.insertRow();
    const cells = [
      c.name, seg[c.segment], num.format(c.goals_achieved) + ' / ' + num.format(c.goals_total),
      c.success_score === null ? '—' : num.format(c.success_score) + ' ' + (c.success_band ?? ''),
      c.health_score === null ? '—' : num.format(c.health_score), c.health_band ?? 'No data',
      c.roi_multiplier === null ? '—' : c.roi_multiplier.toFixed(1) + 'x', money.format(c.total_value),
      num.format(c.goals_at_risk), c.last_updated === null ? '—' : date.format(new Date(c.last_updated)),
    ];
    for (const text of cells) tr.insertCell().textContent = text;
    byId.set(c.customer_id, tr);
  }
  return { table, body, byId };
}

/**
 * <success-portfolio> with 10,000 customers as data against a plain <table> of all of them:
 * insertion to laid out with rows on screen, sorting every row by success score (to laid out),
 * and the DOM each leaves. A fresh element and table each run.
 */
async function measurePortfolio() {
  const data = portfolioCustomers(10000);
  const out = { first: [], update: [], frames: [], sort: [], tableFirst: [], tableSort: [], dom: null, tableDom: null, rows: 0 };
  for (let i = 0; i < ${WARMUP} + ${RUNS}; i++) {
    const p = document.createElement('success-portfolio');
    p.customers = data;
    let t0 = performance.now();
    host.append(p);
    await p.updateComplete;
    const update = performance.now() - t0;
    // The virtualiser renders its rows once it has measured the viewport.
    let frames = 0;
    while (!portfolioRows(p)) {
      await new Promise((r) => requestAnimationFrame(r));
      frames++;
    }
    void p.offsetHeight;
    const first = performance.now() - t0;
    t0 = performance.now();
    p.sortBy('score', 'descending');
    await p.updateComplete;
    void p.offsetHeight;
    const sort = performance.now() - t0;
    if (p.visibleRows[0].success_score !== 100) throw new Error('portfolio not sorted by score');
    await frame();
    if (i === 0) {
      out.dom = countNodes(p);
      out.rows = portfolioRows(p);
    }
    p.remove();
    await frame();
    if (i >= ${WARMUP}) {
      out.first.push(first);
      out.update.push(update);
      out.frames.push(frames);
      out.sort.push(sort);
    }
  }
  // The table takes seconds a run: one warm-up and five timed runs give its order of magnitude.
  for (let i = 0; i < 6; i++) {
    let t0 = performance.now();
    const t = plainTable(data);
    host.append(t.table);
    void host.offsetHeight;
    const tableFirst = performance.now() - t0;
    t0 = performance.now();
    const sorted = sortCustomers(data, 'score', 'descending');
    t.body.append(...sorted.map((c) => t.byId.get(c.customer_id)));
    void host.offsetHeight;
    const tableSort = performance.now() - t0;
    if (i === 0) out.tableDom = countNodes(t.table);
    t.table.remove();
    await frame();
    if (i > 0) {
      out.tableFirst.push(tableFirst);
      out.tableSort.push(tableSort);
    }
  }
  return out;
}

try {
  const portfolio = await measurePortfolio();
  const t = performance.now();
  await loadChartRuntime();
  const vegaLoadMs = performance.now() - t;
  const trends = [0, 1, 2, 3, 4].map(series);
  const chart = await measure(() => {
    const el = document.createElement('success-trend-chart');
    el.trends = trends;
    return el;
  });
  const g = goal(365);
  const progress = await measure(() => {
    const el = document.createElement('goal-progress');
    el.goal = g;
    return el;
  });
  // The reference: the same 5 x 365 chart as a vega-lite spec through vega-embed with the
  // stock CSP-safe interpreter (DESIGN.md "Known hazards": ~140 ms measured that way).
  const baseline = BASELINE ? await BASELINE(trends) : null;
  const overview = await measureOverview();
  window.benchResult = { vegaLoadMs, chart, progress, baseline, overview, portfolio };
} catch (error) {
  window.benchResult = { error: String(error && error.stack || error) };
}
`;

// Acme Corp's dashboard data from openapi.yaml's example, without trends: the chart is timed on
// its own above, and the static floor could not draw one either.
// The example carries one goal; PRD-165's dashboard has five, so the bench shows five (its goal
// names, distinct ids, alternating statuses).
const acme = responseExample<{ goals: Record<string, unknown>[] }>('getCustomerSuccessMetrics');
const goalNames = [
  'Reduce ticket time',
  'Increase NPS',
  'API response time',
  'User adoption',
  'Revenue from upsell',
];
const overviewData = JSON.stringify({
  ...acme,
  goals: goalNames.map((name, i) => ({
    ...acme.goals[0],
    id: `goal_bench_${i}`,
    name,
    status: i === 4 ? 'at_risk' : i % 2 ? 'on_track' : 'achieved',
  })),
  trends: [],
});

// npm resolved several vega-* packages twice (vega 6.2 pins ~5.1 scenegraph, vega-view wants
// ^5.2): the shipped chunk carries both copies. This plugin shows what one copy of each weighs.
const dedupeVega: Plugin = {
  name: 'dedupe-vega',
  setup(b) {
    b.onResolve({ filter: /^(vega-[a-z-]+|d3-[a-z-]+)$/ }, (args) =>
      args.pluginData === 'top'
        ? undefined
        : b.resolve(args.path, { resolveDir: repo, kind: args.kind, pluginData: 'top' }),
    );
  },
};

interface Sizes {
  readonly min: number;
  readonly gzip: number;
}

/** Minified and gzipped bytes of some output chunks, each gzipped as it would be served. */
function sizesOf(paths: Iterable<string>, contents: ReadonlyMap<string, Uint8Array>): Sizes {
  let min = 0;
  let gzip = 0;
  for (const p of paths) {
    const code = contents.get(p)!;
    min += code.byteLength;
    gzip += gzipSync(code, { level: 9 }).byteLength;
  }
  return { min, gzip };
}

async function bundle(dedupe: boolean, withBaseline = false) {
  const out = await build({
    stdin: {
      // First, so BASELINE is initialised before the page script's top-level await reaches it.
      contents: `const OVERVIEW_DATA = ${overviewData};\n${withBaseline ? baselineScript : 'const BASELINE = null;'}\n${pageScript}`,
      resolveDir: elements,
      sourcefile: 'bench-page.js',
      loader: 'js',
    },
    absWorkingDir: repo,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    outdir: OUT,
    metafile: true,
    tsconfig: join(repo, 'packages/elements/tsconfig.json'),
    logLevel: 'error',
    plugins: dedupe ? [dedupeVega] : [],
  });
  return { files: out.outputFiles, metafile: out.metafile };
}

/** The package index and every define file: what a page that registers every element imports. */
function allElementsEntry(): string {
  const defineDir = join(elements, 'define');
  return [
    "export * from './packages/elements/src/index.ts';",
    ...readdirSync(defineDir).map((f) => `import './packages/elements/src/define/${f}';`),
  ].join('\n');
}

/** Where a bundled input comes from, for the breakdown: an npm package or a source folder. */
function sourceGroup(input: string): string {
  return input
    .replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
    .replace(/^packages\/(\w+)\/src\/([^/]+\/)?.*/, (_, pkg: string, dir?: string) =>
      dir ? `${pkg}/${dir.slice(0, -1)}` : pkg,
    );
}

/**
 * Initial and lazy sizes of every element: the initial figure is the closure of static imports
 * from the entry (each chunk gzipped on its own, as it is served); each dynamic import's own
 * closure beyond the initial one is a lazy chunk, reported apart.
 */
async function allElementsSizes() {
  const out = await build({
    stdin: {
      contents: allElementsEntry(),
      resolveDir: repo,
      sourcefile: 'all-elements.ts',
      loader: 'ts',
    },
    absWorkingDir: repo,
    alias: {
      '@cscx/success-calc': join(repo, 'packages/calc/src/index.ts'),
      // esbuild takes the longest matching alias: subpaths need their own.
      '@cscx/success-calc/i18n': join(repo, 'packages/calc/src/i18n.ts'),
      '@cscx/success-calc/locales/de-DE': join(repo, 'packages/calc/src/locales/de-DE.ts'),
      '@cscx/success-calc/locales/fr-FR': join(repo, 'packages/calc/src/locales/fr-FR.ts'),
      '@cscx/success-calc/locales/es-ES': join(repo, 'packages/calc/src/locales/es-ES.ts'),
      '@cscx/success-calc/locales/ja-JP': join(repo, 'packages/calc/src/locales/ja-JP.ts'),
      '@cscx/success-sdk': join(repo, 'packages/sdk/src/index.ts'),
    },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    outdir: OUT,
    metafile: true,
    treeShaking: true,
    logLevel: 'error',
  });
  const contents = new Map(out.outputFiles.map((f) => [f.path.slice(repo.length), f.contents]));
  const outputs = out.metafile.outputs;
  const staticClosure = (from: string, skip: ReadonlySet<string> = new Set()) => {
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const p = queue.pop()!;
      if (seen.has(p) || skip.has(p)) continue;
      seen.add(p);
      for (const i of outputs[p]?.imports ?? []) {
        // Nothing is marked external; one that appears anyway would go uncounted.
        if (i.external) throw new Error(`${p} imports ${i.path} as an external: not measured`);
        if (i.kind === 'import-statement') queue.push(i.path);
      }
    }
    return seen;
  };
  const sum = (paths: Iterable<string>) => sizesOf(paths, contents);
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === 'all-elements.ts')!;
  const initial = staticClosure(entry);
  const dynamicTargets = new Set(
    Object.values(outputs).flatMap((o) =>
      o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  const lazy = [...dynamicTargets]
    .filter((p) => !initial.has(p))
    .map((p) => {
      const own = staticClosure(p, initial);
      const o = outputs[p]!;
      return { chunk: o.entryPoint ?? p.slice(OUT.length + 1), ...sum(own) };
    })
    .sort((a, b) => b.gzip - a.gzip);
  // Minified bytes each source folder or package adds to the initial chunks (before gzip).
  const breakdown = new Map<string, number>();
  for (const p of initial)
    for (const [input, v] of Object.entries(outputs[p]!.inputs)) {
      const g = sourceGroup(input);
      breakdown.set(g, (breakdown.get(g) ?? 0) + v.bytesInOutput);
    }
  const everyLazy = new Set(
    Object.keys(outputs).filter((p) => p.endsWith('.js') && !initial.has(p)),
  );
  return {
    initial: {
      ...sum(initial),
      chunks: initial.size,
      min_bytes_by_source: Object.fromEntries(
        [...breakdown].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]),
      ),
    },
    lazy: { ...sum(everyLazy), chunks: lazy },
  };
}

/** Sizes of what the entry loads statically (initial) and what only the dynamic import adds. */
function split(out: Awaited<ReturnType<typeof bundle>>) {
  const contents = new Map(out.files.map((f) => [f.path.slice(repo.length), f.contents]));
  const outputs = out.metafile.outputs;
  const closure = (from: string, kinds: readonly string[]) => {
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const p = queue.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      // Externals (the SDK, vega) are not outputs: they are measured apart or not at all.
      for (const i of outputs[p]?.imports ?? [])
        if (kinds.includes(i.kind) && !i.external) queue.push(i.path);
    }
    return seen;
  };
  // Lazy chunks name their dynamic import's target as entryPoint too: the page is bench-page.js.
  const entry = Object.keys(outputs).find((k) =>
    outputs[k]!.entryPoint?.endsWith('bench-page.js'),
  )!;
  const initial = closure(entry, ['import-statement']);
  const all = closure(entry, ['import-statement', 'dynamic-import']);
  const sum = (paths: Iterable<string>) => sizesOf(paths, contents);
  return {
    initial: sum(initial),
    vega: sum([...all].filter((p) => !initial.has(p))),
    entry,
    /** Every output by the URL path the bench page requests it at. */
    served: new Map([...contents].map(([p, c]) => [`/${p.slice(OUT.length + 1)}`, c])),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
const round = (n: number) => Math.round(n * 10) / 10;

interface Run {
  readonly event: number;
  readonly frame: number;
  readonly draw: number;
  readonly paths: number;
}
interface Measured {
  readonly cold: Run;
  readonly runs: Run[];
}
function summary(m: Measured) {
  const pick = (k: 'event' | 'frame' | 'draw') => {
    const v = m.runs.map((r) => r[k]);
    return { median: round(median(v)), min: round(Math.min(...v)), max: round(Math.max(...v)) };
  };
  return {
    runs: m.runs.length,
    insert_to_drawn_ms: pick('event'),
    insert_to_next_frame_ms: pick('frame'),
    spec_and_vega_draw_ms: pick('draw'),
    first_draw_cold_jit_ms: round(m.cold.event),
    first_draw_cold_spec_and_vega_ms: round(m.cold.draw),
    line_paths: m.runs[0]?.paths ?? 0,
  };
}

const sizes = split(await bundle(false));
const dedupedSizes = split(await bundle(true));
const timed = split(await bundle(false, true));

const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";
const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>elements bench</title>
<body style="margin:0"><div id="host" style="width:800px"></div>
<script type="module" src="/${timed.entry.slice(OUT.length + 1)}"></script></body></html>`;
const server: Server = createServer((req, res) => {
  const code = timed.served.get((req.url ?? '/').split('?')[0]!);
  if (code) {
    res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': CSP });
    res.end(code);
  } else {
    res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': CSP });
    res.end(html);
  }
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const port = (server.address() as { port: number }).port;

const profile = mkdtempSync(join(tmpdir(), 'cscx-bench-chrome-'));
const browser = await launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: chromiumArgs(profile),
});
let result: {
  vegaLoadMs: number;
  chart: Measured;
  progress: Measured;
  baseline: Run[];
  overview: { goals: number; element: number[]; floor: number[]; markupBytes: number };
  portfolio: {
    first: number[];
    update: number[];
    frames: number[];
    sort: number[];
    tableFirst: number[];
    tableSort: number[];
    dom: { nodes: number; elements: number };
    tableDom: { nodes: number; elements: number };
    rows: number;
  };
  error?: string;
};
try {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction('window.benchResult', { timeout: 120_000 });
  result = (await page.evaluate('window.benchResult')) as typeof result;
  if (result.error) throw new Error(result.error);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}

const chart = summary(result.chart);
const progress = summary(result.progress);
const reference = median(result.baseline.map((r) => r.event));
// What a page that registers every element downloads before it can show anything: every static
// import's closure from the package index and every define file, bundled as a bundler splits it.
// Nothing is external, so a static import of the SDK (or of vega) anywhere in that closure is
// counted here rather than hidden. Only code behind a dynamic import (the SDK the provider loads
// on its first request, vega with the first chart, the parts an element loads when it shows or
// uses them) is left out, and reported apart, chunk by chunk: `all_elements_lazy_chunks`.
const allSizes = await allElementsSizes();
const allElements = allSizes.initial;
const allElementsLazy = allSizes.lazy;
// The same entry as one file with every dynamic import inlined (the measure before issue 7);
// vega stays out of it, the SDK is in.
const allElementsOneFile = await minGzipSize(
  { contents: allElementsEntry(), resolveDir: repo },
  ['vega', 'vega-*'],
  {
    '@cscx/success-calc': join(repo, 'packages/calc/src/index.ts'),
    // esbuild takes the longest matching alias: subpaths need their own.
    '@cscx/success-calc/i18n': join(repo, 'packages/calc/src/i18n.ts'),
    '@cscx/success-calc/locales/de-DE': join(repo, 'packages/calc/src/locales/de-DE.ts'),
    '@cscx/success-calc/locales/fr-FR': join(repo, 'packages/calc/src/locales/fr-FR.ts'),
    '@cscx/success-calc/locales/es-ES': join(repo, 'packages/calc/src/locales/es-ES.ts'),
    '@cscx/success-calc/locales/ja-JP': join(repo, 'packages/calc/src/locales/ja-JP.ts'),
    '@cscx/success-sdk': join(repo, 'packages/sdk/src/index.ts'),
  },
);

const pf = result.portfolio;
const timing = (v: number[]) => ({
  median: round(median(v)),
  min: round(Math.min(...v)),
  max: round(Math.max(...v)),
});
const portfolio = {
  customers: 10_000,
  runs: pf.first.length,
  first_render_ms: timing(pf.first),
  insert_to_update_complete_ms: timing(pf.update),
  animation_frames_until_rows: timing(pf.frames),
  sort_all_rows_ms: timing(pf.sort),
  dom: { ...pf.dom, rows_rendered: pf.rows },
  plain_table: {
    runs: pf.tableFirst.length,
    first_render_ms: timing(pf.tableFirst),
    sort_all_rows_ms: timing(pf.tableSort),
    dom: pf.tableDom,
  },
  note:
    'first render: insertion (customers as a property, no network) to laid out with rows on screen ' +
    '(insert_to_update_complete_ms is the part before the virtualiser waits for animation frames); ' +
    'sort: sortBy(score, descending) of all 10,000 rows to laid out. The plain <table> builds all ' +
    'rows with the same columns formatted by Intl, and sorts by re-appending its rows in the order ' +
    'the same sort function gives. DOM counts include shadow roots; nodes count text and comment nodes.',
};

const overviewMs = round(median(result.overview.element));
const overviewFloorMs = round(median(result.overview.floor));
const overviewRatio = Math.round((overviewMs / overviewFloorMs) * 100) / 100;

const budgets = {
  overview_to_static_markup_ratio: 2,
  trend_chart_5x365_ms: 200,
  goal_progress_365_ms: 200,
  all_elements_initial_gzip_bytes: 35 * 1024,
  portfolio_10k_first_render_ms: 100,
  portfolio_10k_sort_ms: 50,
  portfolio_10k_dom_nodes: 2000,
};
const portfolioPass =
  portfolio.first_render_ms.median < budgets.portfolio_10k_first_render_ms &&
  portfolio.sort_all_rows_ms.median < budgets.portfolio_10k_sort_ms &&
  portfolio.dom.nodes < budgets.portfolio_10k_dom_nodes;
const pass =
  overviewRatio <= budgets.overview_to_static_markup_ratio &&
  allElements.gzip <= budgets.all_elements_initial_gzip_bytes &&
  chart.insert_to_drawn_ms.median < budgets.trend_chart_5x365_ms &&
  progress.insert_to_drawn_ms.median < budgets.goal_progress_365_ms &&
  chart.line_paths === 5 &&
  portfolioPass;
const file = writeResult('elements', {
  workload:
    'Chromium, CSP script-src self (vega expression interpreter), SVG, 800 px wide: ' +
    `<success-trend-chart> 5 series x 365 daily points; <goal-progress> 1 metric x 365 measurements; ` +
    `${RUNS} runs after ${WARMUP} warm-ups, each from insertion to the success-chart-render event`,
  vega_import_ms: round(result.vegaLoadMs),
  success_overview: {
    goals: result.overview.goals,
    runs: result.overview.element.length,
    insert_to_rendered_ms: overviewMs,
    static_markup_floor_ms: overviewFloorMs,
    ratio_to_floor: overviewRatio,
    markup_bytes: result.overview.markupBytes,
  },
  success_portfolio_10k: { ...portfolio, pass: portfolioPass },
  trend_chart_5x365: chart,
  goal_progress_365: progress,
  reference_vega_embed_vega_lite_interpreter_5x365_ms: {
    median: round(reference),
    line_paths: result.baseline[0]?.paths ?? 0,
    note: 'the same data as a vega-lite spec through vega-embed with the stock interpreter',
  },
  size_bytes: {
    all_elements_initial: allElements,
    all_elements_lazy_chunks: allElementsLazy,
    all_elements_one_file_with_lazy_parts_inlined: allElementsOneFile,
    vega_chunk: sizes.vega,
    vega_chunk_if_vega_deduped: dedupedSizes.vega,
    trend_chart_and_goal_progress_initial: sizes.initial,
    note:
      'all_elements_initial: every static import reachable from the package index and all define files, ' +
      'nothing external (a static import of the SDK or vega would be counted), each chunk gzipped as served; ' +
      'min_bytes_by_source is what each folder or package adds to it before gzip. all_elements_lazy_chunks: ' +
      'what each dynamic import downloads beyond it when it is the first to load (vega with the first chart, ' +
      "the SDK with the first request, the goal editor's form, the portfolio's grid and virtualiser, the trend " +
      "chart's figure, goal-progress's goal view, milestones); lazy chunks they share (the SDK's) count under " +
      'each, the total counts every file once. vega_chunk is what loads with the first chart in the timing build. ' +
      'trend_chart_and_goal_progress_initial is the timing page (portfolio, trend chart, goal-progress, overview).',
  },
  budgets,
  pass,
});
console.log(
  `elements: success-overview ${overviewMs} ms vs static markup ${overviewFloorMs} ms (${overviewRatio}x); trend chart 5x365 ${chart.insert_to_drawn_ms.median} ms (cold ${chart.first_draw_cold_jit_ms} ms), ` +
    `goal-progress 365 ${progress.insert_to_drawn_ms.median} ms (vega-embed reference ` +
    `${round(reference)} ms); vega chunk ${sizes.vega.gzip} B ` +
    `min+gzip (${dedupedSizes.vega.gzip} B deduped); all elements initial ${allElements.gzip} B (+${allElementsLazy.gzip} B lazy); ` +
    `portfolio 10k: first render ${portfolio.first_render_ms.median} ms (table ${portfolio.plain_table.first_render_ms.median} ms), ` +
    `sort ${portfolio.sort_all_rows_ms.median} ms (table ${portfolio.plain_table.sort_all_rows_ms.median} ms), ` +
    `${portfolio.dom.nodes} nodes / ${portfolio.dom.elements} elements (table ${portfolio.plain_table.dom.nodes} nodes); ` +
    `${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
);
if (!pass) process.exitCode = 1;
