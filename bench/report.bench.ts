// @cscx/success-report: Acme Corp's full report (all seven sections, the API's real response
// shapes, captured in packages/report/src/testing/acme.ts) rendered from memory as HTML, PDF
// and PPTX, with output sizes; then the end-to-end POST generateSuccessReport against the
// reference server (`npm start`'s main.ts in a child process, demo data seeded), one request at
// a time. Budgets: PDF < 1 s, PPTX < 1 s, HTML < 20 ms, the PDF POST < 1.5 s (medians).
// Then what reports cost the dashboard: getCustomerSuccessMetrics latency (200 requests, 10 at a
// time, 3 rounds) with no report running, and while PDFs are generated back to back, with reports on the
// server's rendering thread (the default) and, as the baseline, in its main thread
// (CSCX_REPORT_THREADS=0). Metrics budget: p99 < 25 ms.
import {
  REPORT_SECTIONS,
  renderReportHtml,
  renderReportPdf,
  renderReportPptx,
} from '../packages/report/src/index.js';
import { ACME_ACCOUNT, ACME_METRICS } from '../packages/report/src/testing/acme.js';
import { startServer, type Timing, writeResult } from './lib.js';

const BUDGET_MS = { html: 20, pdf: 1000, pptx: 1000, post_pdf: 1500, metrics_p99: 25 };
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

const post = (url: string, format: string) => async () => {
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

interface Latency {
  readonly requests: number;
  readonly concurrency: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
  /** PDFs generated while the metrics requests ran. */
  readonly reports_during: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * getCustomerSuccessMetrics latencies, `requests` of them `concurrency` at a time, optionally
 * while `reporters` clients generate PDFs back to back until the last metrics answer.
 */
async function metricsLatency(
  url: string,
  { requests = 200, concurrency = 10, reporters = 0 } = {},
): Promise<Latency> {
  const get = async () => {
    const t0 = performance.now();
    const r = await fetch(`${url}/api/reports/success-metrics/cus_acme`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`metrics: ${r.status}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await get();
  let done = false;
  let reports = 0;
  const pdf = post(url, 'pdf');
  const background = Array.from({ length: reporters }, async () => {
    while (!done) {
      await pdf();
      reports++;
    }
  });
  // Let the first report get under way so every metrics request meets one.
  if (reporters > 0) await new Promise((r) => setTimeout(r, 50));
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        samples.push(await get());
      }
    }),
  );
  done = true;
  await Promise.all(background);
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)] ?? 0;
  return {
    requests: samples.length,
    concurrency,
    median: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(samples.at(-1) ?? 0),
    reports_during: reports,
  };
}

interface Rounds {
  /** Medians over the rounds of each round's median and p99: one busy moment skews one round. */
  readonly median: number;
  readonly p99: number;
  readonly rounds: Latency[];
}

const ROUNDS = 3;

async function rounds(url: string, reporters: number): Promise<Rounds> {
  const all: Latency[] = [];
  for (let i = 0; i < ROUNDS; i++) all.push(await metricsLatency(url, { reporters }));
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  return {
    median: mid(all.map((r) => r.median)),
    p99: mid(all.map((r) => r.p99)),
    rounds: all,
  };
}

const pooled = await startServer();
let postPdf: Timing;
let postPptx: Timing;
let postHtml: Timing;
let idle: Rounds;
let withReports: Rounds;
try {
  const { url } = pooled;
  postPdf = await timeAsync(post(url, 'pdf'), { runs: 10, warmup: 2 });
  postPptx = await timeAsync(post(url, 'ppt'), { runs: 10, warmup: 2 });
  postHtml = await timeAsync(post(url, 'html'), { runs: 20, warmup: 3 });
  idle = await rounds(url, 0);
  withReports = await rounds(url, 1);
} finally {
  await pooled.stop();
}
const inThread = await startServer({ CSCX_REPORT_THREADS: '0' });
let inThreadIdle: Rounds;
let inThreadWithReports: Rounds;
try {
  await post(inThread.url, 'pdf')();
  inThreadIdle = await rounds(inThread.url, 0);
  inThreadWithReports = await rounds(inThread.url, 1);
} finally {
  await inThread.stop();
}

const pass =
  html.median < BUDGET_MS.html &&
  pdf.median < BUDGET_MS.pdf &&
  pptx.median < BUDGET_MS.pptx &&
  postPdf.median < BUDGET_MS.post_pdf &&
  withReports.p99 < BUDGET_MS.metrics_p99;
const file = writeResult('report', {
  workload:
    "Acme Corp's full report (7 sections: 5 goals, 4 value sources, 5 milestones, 3 benchmark rows, 5 trend charts, 1 recommendation), en-US; render from memory, then POST generateSuccessReport one at a time against npm start's main.ts in a child process; then getCustomerSuccessMetrics(cus_acme) x 200 at 10 concurrent (3 rounds, medians of the rounds' p50 and p99), alone and while 1 client generates PDFs back to back, with reports on the rendering thread (default) and in the main thread (CSCX_REPORT_THREADS=0)",
  render_ms: { html, pdf, pptx },
  size_bytes: sizes,
  post_ms: { pdf: postPdf, ppt: postPptx, html: postHtml },
  metrics_latency_ms: {
    report_thread: { idle, with_reports: withReports },
    main_thread: { idle: inThreadIdle, with_reports: inThreadWithReports },
  },
  budgets_ms: BUDGET_MS,
  pass,
});
console.log(
  `report: render html ${html.median} ms, pdf ${pdf.median} ms, pptx ${pptx.median} ms; ` +
    `sizes html ${sizes.html} B, pdf ${sizes.pdf} B, pptx ${sizes.pptx} B; ` +
    `POST pdf ${postPdf.median} ms, ppt ${postPptx.median} ms, html ${postHtml.median} ms; ` +
    `metrics p50/p99 idle ${idle.median}/${idle.p99} ms, during PDFs ${withReports.median}/${withReports.p99} ms ` +
    `(in the main thread: idle ${inThreadIdle.median}/${inThreadIdle.p99} ms, during PDFs ${inThreadWithReports.median}/${inThreadWithReports.p99} ms); ` +
    `${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
);
if (!pass) process.exitCode = 1;
