// @cscx/success-report: Acme Corp's full report (all seven sections, the API's real response
// shapes, captured in packages/report/src/testing/acme.ts) rendered from memory as HTML, PDF
// and PPTX, with output sizes; then the end-to-end POST generateSuccessReport against the
// reference server (`npm start`'s main.ts in a child process, demo data seeded), one request at
// a time. Budgets: PDF < 1 s, PPTX < 1 s, HTML < 20 ms, the PDF POST < 1.5 s (medians).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REPORT_SECTIONS,
  renderReportHtml,
  renderReportPdf,
  renderReportPptx,
} from '../packages/report/src/index.js';
import { ACME_ACCOUNT, ACME_METRICS } from '../packages/report/src/testing/acme.js';
import { type Timing, writeResult } from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUDGET_MS = { html: 20, pdf: 1000, pptx: 1000, post_pdf: 1500 };
const TOKEN = 'demo-csm-token';

/** `time` for async work: warm-up runs untimed, then the median of `runs`. */
async function timeAsync(
  fn: () => Promise<unknown>,
  { runs = 15, warmup = 3 } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = samples.length >> 1;
  const median =
    samples.length % 2 ? (samples[mid] ?? 0) : ((samples[mid - 1] ?? 0) + (samples[mid] ?? 0)) / 2;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    runs,
    median: round(median),
    min: round(samples[0] ?? 0),
    max: round(samples.at(-1) ?? 0),
  };
}

const input = {
  metrics: ACME_METRICS,
  account: ACME_ACCOUNT,
  sections: REPORT_SECTIONS,
  locale: 'en-US',
  generatedAt: ACME_METRICS.as_of,
};

const html = await timeAsync(async () => renderReportHtml(input), { runs: 50, warmup: 10 });
const pdf = await timeAsync(() => renderReportPdf(input));
const pptx = await timeAsync(() => renderReportPptx(input));
const sizes = {
  html: new TextEncoder().encode(renderReportHtml(input)).length,
  pdf: (await renderReportPdf(input)).length,
  pptx: (await renderReportPptx(input)).length,
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log()}`);
    try {
      const r = await fetch(`${url}/openapi.yaml`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 180_000) throw new Error(`server did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const home = mkdtempSync(join(tmpdir(), 'cscx-bench-report-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let output = '';
const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), CSCX_DATA_DIR: home, CSCX_RATE_LIMIT: '999999' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout?.on('data', (b: Buffer) => {
  if (output.length < 20_000) output += b.toString();
});
child.stderr?.on('data', (b: Buffer) => {
  output += b.toString();
});
try {
  await waitUntilUp(url, child, () => output);
  const post = (format: string) => async () => {
    const r = await fetch(`${url}/api/reports/success-metrics/cus_acme/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ format }),
    });
    const bytes = await r.arrayBuffer();
    if (r.status !== 200)
      throw new Error(`${format}: ${r.status} ${new TextDecoder().decode(bytes)}`);
    return bytes.byteLength;
  };
  const postPdf = await timeAsync(post('pdf'), { runs: 10, warmup: 2 });
  const postPptx = await timeAsync(post('ppt'), { runs: 10, warmup: 2 });
  const postHtml = await timeAsync(post('html'), { runs: 20, warmup: 3 });
  const pass =
    html.median < BUDGET_MS.html &&
    pdf.median < BUDGET_MS.pdf &&
    pptx.median < BUDGET_MS.pptx &&
    postPdf.median < BUDGET_MS.post_pdf;
  const file = writeResult('report', {
    workload:
      "Acme Corp's full report (7 sections: 5 goals, 4 value sources, 5 milestones, 3 benchmark rows, 5 trend charts, 1 recommendation), en-US; render from memory, then POST generateSuccessReport one at a time against npm start's main.ts in a child process",
    render_ms: { html, pdf, pptx },
    size_bytes: sizes,
    post_ms: { pdf: postPdf, ppt: postPptx, html: postHtml },
    budgets_ms: BUDGET_MS,
    pass,
  });
  console.log(
    `report: render html ${html.median} ms, pdf ${pdf.median} ms, pptx ${pptx.median} ms; ` +
      `sizes html ${sizes.html} B, pdf ${sizes.pdf} B, pptx ${sizes.pptx} B; ` +
      `POST pdf ${postPdf.median} ms, ppt ${postPptx.median} ms, html ${postHtml.median} ms; ` +
      `${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
  );
  if (!pass) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(home, { recursive: true, force: true });
}
