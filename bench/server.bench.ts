// The reference server's budget (DESIGN.md, issue 5): getCustomerSuccessMetrics for Acme Corp
// at 50 concurrent connections for 10 s on this machine, p99 < 25 ms; the portfolio endpoint
// measured alongside. The server runs as `npm start` runs it (main.ts compiled by scripts/build-server.mjs, the demo
// data seeded on first start, access log on) in a child process on a temporary data directory;
// autocannon drives it from this process.
import { createRequire } from 'node:module';
import { startServer, writeResult } from './lib.js';

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONNECTIONS = 50;
const DURATION_S = 10;
const BUDGET_P99_MS = 25;
const TOKEN = 'demo-csm-token';

interface Load {
  readonly path: string;
  readonly requests_per_s: number;
  readonly latency_ms: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly requests: number;
  readonly non_2xx: number;
  readonly errors: number;
  readonly first_request_ms: number;
  readonly body_bytes: number;
}

async function measure(url: string, path: string): Promise<Load> {
  const headers = { authorization: `Bearer ${TOKEN}` };
  // The first request computes from the database; later ones hit the read cache until data changes.
  const t0 = performance.now();
  const first = await fetch(`${url}${path}`, { headers });
  const bytes = (await first.arrayBuffer()).byteLength;
  const firstMs = Math.round((performance.now() - t0) * 10) / 10;
  if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
  await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({
    url: `${url}${path}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers,
  });
  return {
    path,
    requests_per_s: Math.round(r.requests.average),
    latency_ms: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    requests: r.requests.total,
    non_2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    first_request_ms: firstMs,
    body_bytes: bytes,
  };
}

const t0 = performance.now();
const server = await startServer({ CSCX_LOG_LEVEL: 'info' });
const startMs = Math.round(performance.now() - t0);
const { url } = server;
try {
  const metrics = await measure(url, '/api/reports/success-metrics/cus_acme');
  const portfolio = await measure(url, '/api/reports/success-metrics');
  const pass =
    metrics.latency_ms.p99 < BUDGET_P99_MS && metrics.errors === 0 && metrics.non_2xx === 0;
  const file = writeResult('server', {
    workload: `autocannon, ${CONNECTIONS} connections x ${DURATION_S} s per endpoint (after 2 s of warm-up), token ${TOKEN}; server: npm start's main.ts in a child process, demo data seeded at start-up, access log on`,
    first_start_with_seed_ms: startMs,
    customer_success_metrics: metrics,
    portfolio_success_metrics: portfolio,
    budgets: { customer_success_metrics_p99_ms: BUDGET_P99_MS },
    pass,
  });
  console.log(
    `server: getCustomerSuccessMetrics ${metrics.requests_per_s} req/s, p50 ${metrics.latency_ms.p50} ms, p99 ${metrics.latency_ms.p99} ms; ` +
      `portfolio ${portfolio.requests_per_s} req/s, p50 ${portfolio.latency_ms.p50} ms, p99 ${portfolio.latency_ms.p99} ms; ` +
      `${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
  );
  if (!pass) process.exitCode = 1;
} finally {
  await server.stop();
}
