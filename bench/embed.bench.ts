// The embed, as a partner and as an npm consumer get it (DESIGN.md "Performance budgets"):
// 1. The script-tag bundle (dist/cdn, built first when stale): each file min+gzip as shipped,
//    and which chunk holds vega.
// 2. A consumer's esbuild bundle of define/success-overview.js from the installed package (its
//    `exports` -> dist/): the initial JS against the 35 KB budget (exit 1 over it), lazy chunks.
// 3. Navigation start to drawn dashboard in Chromium, cold loads: a partner page loading
//    <api>/cdn/success-elements.js from another origin, next to the same page bundled from source
//    as scripts/build-host-page.mjs does. No budget on it.
// A page that never draws the dashboard, or a build that drops a define import, throws (exit 1).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build } from 'esbuild';
import { type Browser, launch } from 'puppeteer-core';
import { CHROMIUM_PATH, chromiumArgs } from '../scripts/chromium.mjs';
import { type Server, startServer, writeResult } from './lib.js';

const started = performance.now();
const repo = fileURLToPath(new URL('..', import.meta.url));
const CDN_DIR = join(repo, 'packages/elements/dist/cdn');
const CDN_ENTRY = 'success-elements.js';
const CONSUMER_IMPORT = '@cscx/success-elements/define/success-overview.js';
const PAGE_IMPORTS = ['@cscx/success-elements/define/success-provider.js', CONSUMER_IMPORT];
const BUDGET_INITIAL_GZIP = 35 * 1024;
const RUNS = 11;
const WARMUP = 2;
const TOKEN = 'demo-viewer-token';
const CUSTOMER = 'cus_acme';
const TAGS = ['success-provider', 'success-overview'];
const NEEDLES = ['$285K', '4.2x'];
// Tall enough that the trend chart is in view: it loads vega only within 200 px of the viewport.
const VIEWPORT = { width: 1280, height: 2000 };
// A load takes well under a second here; a page that has drawn nothing by then never will.
const DRAW_TIMEOUT_MS = 15_000;

/**
 * Bytes of files as served, each gzipped (level 9) on its own. Not lib.ts's minGzipSize: that
 * bundles an entry into one file, and these are already built (the CDN's) or split (esbuild's).
 */
function size(files: Iterable<Uint8Array>) {
  const all = [...files];
  const total = (n: (f: Uint8Array) => number) => all.reduce((s, f) => s + n(f), 0);
  return { min: total((f) => f.byteLength), gzip: total((f) => gzipSync(f, { level: 9 }).length) };
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The npm package (or package of this repo) a source file belongs to. */
const packageOf = (path: string) =>
  /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
  /packages\/([^/]+)\//.exec(path)?.[1] ??
  relative(repo, path);

type Graph = Record<string, { imports: readonly { path: string; kind: string }[] }>;
/** Files reachable from `from` over static imports (and import() with `lazy`), not via `skip`. */
function reach(graph: Graph, from: string, lazy = false, skip = new Set<string>()) {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p) || skip.has(p)) continue;
    seen.add(p);
    for (const i of graph[p]?.imports ?? [])
      if (i.kind === 'import-statement' || (lazy && i.kind === 'dynamic-import'))
        queue.push(i.path);
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// 1. The script-tag bundle.

// scripts/*.mjs have no declarations (but chromium's): typed here by what this bench uses.
const freshness: { cdnIsStale(): boolean } = await import(
  new URL('../scripts/cdn-freshness.mjs', import.meta.url).href
);
const stale = freshness.cdnIsStale();
if (stale) {
  console.log('embed: dist/cdn is missing or older than its sources: building calc, sdk, elements');
  const builder: { buildPackages(names: string[]): void } = await import(
    new URL('../scripts/build.mjs', import.meta.url).href
  );
  builder.buildPackages(['calc', 'sdk', 'elements']);
}

// In memory only: esbuild needs an output folder to name the chunks it returns.
const IN_MEMORY = {
  absWorkingDir: repo,
  outdir: 'bench/.embed-out',
  bundle: true,
  write: false,
  metafile: true,
  logLevel: 'silent',
} as const;

// esbuild reads the imports between the built files (static and import()), not a regex; the
// files measured are those the entry reaches, so nothing left in dist/cdn counts.
const cdnGraph = await build({ ...IN_MEMORY, entryPoints: [join(CDN_DIR, CDN_ENTRY)] });
const cdnEntryKey = relative(repo, join(CDN_DIR, CDN_ENTRY));
const cdnInitial = reach(cdnGraph.metafile.inputs, cdnEntryKey);
const cdnFiles = new Map<string, Uint8Array>(); // path under dist/cdn -> code
// The entry first (reach() starts there), then the chunks by name.
const [, ...cdnLazy] = reach(cdnGraph.metafile.inputs, cdnEntryKey, true);
const cdnChunks = [cdnEntryKey, ...cdnLazy.sort()].map((key) => {
  const path = join(repo, key);
  const map: { sources: string[]; sourceRoot?: string } = JSON.parse(
    readFileSync(`${path}.map`, 'utf8'),
  );
  const root = resolve(dirname(path), map.sourceRoot ?? '');
  const sources = new Set(map.sources.map((s) => packageOf(resolve(root, s))));
  const file = relative(CDN_DIR, path);
  cdnFiles.set(file, readFileSync(path));
  return {
    file,
    kind: key === cdnEntryKey ? 'entry' : cdnInitial.has(key) ? 'static' : 'lazy',
    ...size([cdnFiles.get(file)!]),
    holds_vega: [...sources].some((g) => /^vega(-|$)/.test(g)),
    sources: [...sources].sort(),
  };
});
const cdn = {
  chunks: cdnChunks,
  initial: size(cdnChunks.filter((c) => c.kind !== 'lazy').map((c) => cdnFiles.get(c.file)!)),
  total: { ...size(cdnFiles.values()), files: cdnFiles.size },
  vega_chunks: cdnChunks.filter((c) => c.holds_vega).map((c) => c.file),
};

// ---------------------------------------------------------------------------------------------
// 2. (and the page of 3.) esbuild bundles with splitting, as a consumer's build makes them.

async function bundle(
  label: string,
  imports: readonly string[],
  options: Pick<BuildOptions, 'alias' | 'tsconfigRaw'>,
) {
  const out = await build({
    stdin: {
      contents: imports.map((i) => `import '${i}';`).join('\n'),
      resolveDir: repo,
      sourcefile: 'entry.js',
      loader: 'js',
    },
    ...IN_MEMORY,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    ...options,
  });
  // A define module that package.json "sideEffects" does not list is dropped with only a
  // warning, and the page then registers no element: a broken build, not a smaller one.
  const dropped = out.warnings
    .filter((w) => w.id === 'ignored-bare-import')
    .map((w) => /"([^"]+)" was marked/.exec(w.text)?.[1] ?? w.text);
  if (dropped.length > 0)
    throw new Error(
      `${label}: esbuild dropped ${dropped.length} define import(s) as side-effect free ` +
        `(packages/elements/package.json "sideEffects"): ${dropped.join(', ')}`,
    );
  const outputs = out.metafile.outputs;
  const name = (p: string) => relative(IN_MEMORY.outdir, p);
  const code = new Map(out.outputFiles.map((f) => [name(relative(repo, f.path)), f.contents]));
  const sizeOf = (paths: Iterable<string>) => size([...paths].map((p) => code.get(name(p))!));
  const entry = Object.keys(outputs).find((k) => outputs[k]!.entryPoint === 'entry.js')!;
  const initial = reach(outputs, entry);
  const lazy = new Set<string>();
  for (const i of Object.values(outputs).flatMap((o) => o.imports))
    if (i.kind === 'dynamic-import' && !initial.has(i.path)) lazy.add(i.path);
  return {
    entry: name(entry),
    code,
    inputs: Object.keys(out.metafile.inputs),
    initial: { ...sizeOf(initial), files: [...initial].map(name) },
    // What each import() downloads beyond the initial JS (a shared chunk counts under each).
    lazy_chunks: [...lazy]
      .map((to) => ({
        chunk: outputs[to]!.entryPoint ?? name(to),
        ...sizeOf(reach(outputs, to, false, initial)),
      }))
      .sort((a, b) => b.gzip - a.gzip),
  };
}

// A consumer's project has no tsconfig paths into our sources; the repo root's tsconfig.json
// (which esbuild would read) maps @cscx/success-elements/* to packages/elements/src.
const consumer = await bundle('consumer bundle', [CONSUMER_IMPORT], { tsconfigRaw: {} });
const fromSource = consumer.inputs.filter((i) => /^packages\/[^/]+\/src\//.test(i));
if (fromSource.length > 0)
  throw new Error(`consumer bundle resolved into sources, not dist/: ${fromSource.join(', ')}`);
const consumerPass = consumer.initial.gzip <= BUDGET_INITIAL_GZIP;

const monorepo = await bundle('monorepo page bundle', PAGE_IMPORTS, {
  alias: {
    '@cscx/success-elements': join(repo, 'packages/elements/src'),
    '@cscx/success-sdk': join(repo, 'packages/sdk/src/index.ts'),
    '@cscx/success-calc': join(repo, 'packages/calc/src/index.ts'),
    // esbuild takes the longest matching alias: subpaths need their own.
    '@cscx/success-calc/i18n': join(repo, 'packages/calc/src/i18n.ts'),
    '@cscx/success-calc/locales/de-DE': join(repo, 'packages/calc/src/locales/de-DE.ts'),
    '@cscx/success-calc/locales/fr-FR': join(repo, 'packages/calc/src/locales/fr-FR.ts'),
    '@cscx/success-calc/locales/es-ES': join(repo, 'packages/calc/src/locales/es-ES.ts'),
    '@cscx/success-calc/locales/ja-JP': join(repo, 'packages/calc/src/locales/ja-JP.ts'),
  },
});

// ---------------------------------------------------------------------------------------------
// 3. Navigation start to drawn dashboard.

type Variant = 'cdn' | 'monorepo';

// Runs in the page before its scripts. Every frame (and on a chart's success-chart-render) it
// walks the DOM, shadow roots included, noting when the overview's numbers are on screen and
// when a trend chart has an SVG path. performance.now() counts from navigation start.
const PROBE = `(() => {
  const state = (window.__embed = { text: 0, chart: 0, ready: 0, paths: 0 });
  const scan = (root, seen) => {
    for (const n of root.childNodes) {
      if (n.nodeType === 3) seen.text += n.data + ' ';
      if (n.nodeType !== 1 || n.localName === 'style' || n.localName === 'script') continue;
      if (n.localName === 'success-trend-chart' && n.shadowRoot)
        seen.paths += n.shadowRoot.querySelectorAll('.canvas svg path').length;
      if (n.shadowRoot) scan(n.shadowRoot, seen);
      scan(n, seen);
    }
    return seen;
  };
  const check = () => {
    if (state.ready || !document.body) return;
    const now = performance.now();
    const seen = scan(document.body, { text: '', paths: 0 });
    if (!state.text && ${JSON.stringify(NEEDLES)}.every((n) => seen.text.includes(n))) state.text = now;
    if (!state.chart && seen.paths > 0) [state.chart, state.paths] = [now, seen.paths];
    if (state.text && state.chart) state.ready = Math.max(state.text, state.chart);
  };
  document.addEventListener('success-chart-render', check, true);
  const frame = () => { check(); if (!state.ready) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;
type Probe = { text: number; chart: number; ready: number; paths: number };

const page = (api: string, script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>embed bench</title></head>
<body style="margin:0;font:15px system-ui,sans-serif"><main style="max-width:1200px;margin:0 auto">
<script type="module" src="${script}"></script>
<${TAGS[0]} base-url="${api}" token="${TOKEN}"><${TAGS[1]} customer-id="${CUSTOMER}"></${TAGS[1]}></${TAGS[0]}>
</main></body></html>`;

/** Nearest-rank quantiles (RUNS is odd, so the median is the middle load). */
function stats(values: readonly number[]) {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.max(0, Math.ceil(q * s.length) - 1)]! * 10) / 10;
  return { median: at(0.5), p90: at(0.9), min: at(0), max: at(1) };
}

let api: Server | undefined;
let browser: Browser | undefined;
// The page's origin serves both pages and the monorepo bundle; the API's origin serves /cdn/.
const pageServer = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0]!;
  const code = path.startsWith('/monorepo/') && monorepo.code.get(path.slice('/monorepo/'.length));
  if (path === '/cdn.html' || path === '/monorepo.html') {
    const script =
      path === '/cdn.html' ? `${api!.url}/cdn/${CDN_ENTRY}` : `/monorepo/${monorepo.entry}`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(page(api!.url, script));
  } else if (code) res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
  else res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
});
const profile = mkdtempSync(join(tmpdir(), 'cscx-bench-embed-chrome-'));
const loads: Record<Variant, (Probe & { scripts: string[] })[]> = { cdn: [], monorepo: [] };
try {
  await new Promise<void>((ok, fail) => {
    pageServer.once('error', fail);
    pageServer.listen(0, '127.0.0.1', ok);
  });
  const address = pageServer.address();
  const pageOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  api = await startServer({ CSCX_CORS_ORIGINS: pageOrigin });
  const b = await launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(profile) });
  browser = b;

  /** One cold load: a new browser context (empty HTTP and code cache, no connections). */
  const loadOnce = async (variant: Variant) => {
    const context = await b.createBrowserContext();
    try {
      const tab = await context.newPage();
      const problems: string[] = [];
      const scripts = new Set<string>();
      tab.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
      tab.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
      tab.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      tab.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      tab.on('request', (r) => r.resourceType() === 'script' && scripts.add(r.url()));
      await tab.setViewport(VIEWPORT);
      await tab.evaluateOnNewDocument(PROBE);
      await tab.goto(`${pageOrigin}/${variant}.html`, { waitUntil: 'domcontentloaded' });
      const drawn = await tab
        .waitForFunction('window.__embed?.ready > 0', { timeout: DRAW_TIMEOUT_MS, polling: 50 })
        .catch(() => null);
      const probe = JSON.parse(
        (await tab.evaluate('JSON.stringify(window.__embed ?? null)')) as string,
      ) as Probe;
      if (!drawn) {
        const defined = await tab.evaluate(
          `${JSON.stringify(TAGS)}.filter(customElements.get, customElements)`,
        );
        throw new Error(
          `the ${variant === 'cdn' ? 'partner page (CDN script tag)' : 'monorepo page'} did not ` +
            `draw the dashboard within ${DRAW_TIMEOUT_MS} ms: probe ${JSON.stringify(probe)}, ` +
            `defined: ${JSON.stringify(defined)}${problems.map((p) => `; ${p}`).join('')}`,
        );
      }
      if (problems.length > 0) throw new Error(`${variant} page: ${problems.join('; ')}`);
      return { ...probe, scripts: [...scripts].map((u) => new URL(u).pathname).sort() };
    } finally {
      await context.close();
    }
  };

  const order: Variant[] = ['cdn', 'monorepo'];
  for (let i = 0; i < WARMUP; i++) for (const v of order) await loadOnce(v);
  // Interleaved, and the first of each pair alternating, so drift on the machine hits both.
  for (let i = 0; i < RUNS; i++)
    for (const v of i % 2 ? [...order].reverse() : order) loads[v].push(await loadOnce(v));
} finally {
  await browser?.close().catch(() => undefined);
  await api?.stop().catch(() => undefined);
  await new Promise<void>((ok) => (pageServer.listening ? pageServer.close(() => ok()) : ok()));
  rmSync(profile, { recursive: true, force: true });
}

function timing(variant: Variant) {
  const runs = loads[variant];
  return {
    runs: runs.length,
    navigation_to_drawn_ms: stats(runs.map((r) => r.ready)),
    navigation_to_numbers_ms: stats(runs.map((r) => r.text)),
    chart_svg_paths: runs[0]!.paths,
    // Every script a load fetched; their sizes are under cdn_bundle and monorepo_page_bundle.
    scripts_downloaded: [...new Set(runs.flatMap((r) => r.scripts))].sort(),
  };
}

const cdnTiming = timing('cdn');
const monoTiming = timing('monorepo');
const ratio = (k: 'median' | 'p90') =>
  Math.round((cdnTiming.navigation_to_drawn_ms[k] / monoTiming.navigation_to_drawn_ms[k]) * 100) /
  100;

const file = writeResult('embed', {
  workload:
    `Chromium headless ${VIEWPORT.width}x${VIEWPORT.height}, page and API (CORS) on two 127.0.0.1 ports, ` +
    `${page('<api>', '<script>').split('\n')[3]}; ${RUNS} cold loads per variant (new browser context ` +
    `each) after ${WARMUP} warm-ups, interleaved; timed from navigation start until the overview ` +
    `shows ${NEEDLES.join(' and ')} and its trend chart has an SVG path. Sizes: min+gzip level 9 per ` +
    'file (served uncompressed). esbuild bundles: splitting+minify, esm, es2022; initial = the entry ' +
    "and its static imports; a lazy chunk is what its import() adds. Monorepo: build-host-page.mjs's aliases.",
  built_before_measuring: stale,
  bench_seconds: Math.round((performance.now() - started) / 100) / 10,
  cdn_bundle: cdn, // kind: entry, static (the entry imports it) or lazy (behind an import())
  consumer_esbuild: {
    import: CONSUMER_IMPORT,
    resolved: 'node_modules/@cscx/success-elements -> packages/elements, exports -> dist/',
    initial: consumer.initial,
    lazy_chunks: consumer.lazy_chunks,
    budget_initial_gzip_bytes: BUDGET_INITIAL_GZIP,
    pass: consumerPass,
  },
  monorepo_page_bundle: {
    imports: PAGE_IMPORTS,
    initial: monorepo.initial,
    lazy_chunks: monorepo.lazy_chunks,
  },
  script_tag_to_dashboard: {
    cdn: cdnTiming,
    monorepo: monoTiming,
    ratio_cdn_to_monorepo: { median: ratio('median'), p90: ratio('p90') },
  },
  pass: consumerPass,
});

const row = (c: (typeof cdnChunks)[number]) =>
  `  ${c.kind.padEnd(6)} ${c.file.padEnd(40)} ${String(c.min).padStart(7)} B min ${String(c.gzip).padStart(7)} B gzip`;
const loadTime = (x: typeof cdnTiming) =>
  `${x.navigation_to_drawn_ms.median} / ${x.navigation_to_drawn_ms.p90} ms (${x.scripts_downloaded.length} scripts)`;
console.log(
  [
    `embed: CDN bundle ${kb(cdn.total.gzip)} min+gzip in ${cdn.total.files} files, initial ` +
      `${kb(cdn.initial.gzip)}; vega in ${cdn.vega_chunks.join(', ')}`,
    ...cdnChunks.map(row),
    `consumer esbuild (${CONSUMER_IMPORT}): initial ${consumer.initial.gzip} B min+gzip in ` +
      `${consumer.initial.files.length} chunk(s) vs budget ${BUDGET_INITIAL_GZIP} B: ` +
      `${consumerPass ? 'within budget' : 'OVER BUDGET'}; lazy: ` +
      consumer.lazy_chunks.map((c) => `${c.chunk} ${c.gzip} B`).join(', '),
    `navigation to drawn dashboard (median / p90, ${RUNS} cold loads): CDN ${loadTime(cdnTiming)}, ` +
      `monorepo ${loadTime(monoTiming)}; ratio CDN/monorepo ${ratio('median')} (p90 ${ratio('p90')})`,
    `-> ${file}`,
  ].join('\n'),
);
if (!consumerPass) process.exitCode = 1;
