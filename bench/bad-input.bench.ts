// What hostile request bodies cost the server in memory (issue 18: the server peaked at 1.4 GB
// during a bad-input run and settled near 670 MB). Each body is just under the 1 MiB limit and
// built to make a naive server allocate: 100,000 levels of nesting, a million-element array,
// one huge string, thousands of keys. Measured from /proc on the server process: its peak RSS
// (VmHWM, reset before each case) next to the peak of the same number of ordinary requests,
// which is the floor. Every answer must be a 4xx: a 5xx fails the bench.
import { readFileSync, writeFileSync } from 'node:fs';
import { startServer, writeResult } from './lib.js';

const REQUESTS = 200;
const CONCURRENCY = 10;
const AUTH = { authorization: 'Bearer demo-manager-token' };

function memory(pid: number): { rss_mb: number; peak_mb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss_mb: Math.round(kb('VmRSS') / 1024), peak_mb: Math.round(kb('VmHWM') / 1024) };
}

/** Resets the process's peak RSS to its current RSS (Linux: clear_refs 5). */
function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

const goal = (name: string) =>
  `{"customer_id":"cus_acme","name":${name},"metric":"m","baseline_value":1,"target_value":2,"unit":"h","target_date":"2027-01-01"}`;
const LIMIT = 1024 * 1024 - 4096;
const BODIES: Record<string, () => string> = {
  // The case: nesting the validator recursed into until its stack ran out.
  deep_100k_levels: () => goal(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  wide_array: () => goal(`[${'0,'.repeat((LIMIT - 200) / 2)}0]`),
  huge_string: () => goal(JSON.stringify('x'.repeat(LIMIT - 200))),
  many_keys: () => {
    const keys: string[] = [];
    for (let i = 0, size = 0; size < LIMIT - 400; i++) {
      const k = `"k${i}":0`;
      keys.push(k);
      size += k.length + 1;
    }
    return goal(`{${keys.join(',')}}`);
  },
};

async function run(
  send: () => Promise<number>,
): Promise<{ statuses: Record<string, number>; median_ms: number }> {
  const statuses: Record<string, number> = {};
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const t0 = performance.now();
        const status = await send();
        times.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { statuses, median_ms: Math.round(times[times.length >> 1]! * 10) / 10 };
}

const server = await startServer();
const cases: Record<string, unknown> = {};
let failed = false;
try {
  const started = memory(server.pid);
  // The floor: as many ordinary reads of Acme's metrics, the same concurrency.
  resetPeak(server.pid);
  const normal = await run(async () => {
    const r = await fetch(`${server.url}/api/reports/success-metrics/cus_acme`, { headers: AUTH });
    await r.arrayBuffer();
    return r.status;
  });
  cases.ordinary_reads = { ...normal, ...memory(server.pid) };
  for (const [name, make] of Object.entries(BODIES)) {
    const body = make();
    resetPeak(server.pid);
    const result = await run(async () => {
      const r = await fetch(`${server.url}/api/success-goals`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body,
      });
      await r.arrayBuffer();
      return r.status;
    });
    const bad = Object.keys(result.statuses).filter((s) => !/^4\d\d$/.test(s));
    if (bad.length > 0) {
      failed = true;
      console.error(`${name}: answers other than 4xx: ${bad.join(', ')}`);
    }
    cases[name] = { body_bytes: Buffer.byteLength(body), ...result, ...memory(server.pid) };
  }
  const file = writeResult('bad-input', {
    requests_per_case: REQUESTS,
    concurrency: CONCURRENCY,
    server_after_start: started,
    cases,
    note: 'peak_mb is the server process peak RSS during the case (VmHWM reset before it); ordinary_reads is the floor.',
  });
  console.log(JSON.stringify(cases, null, 2));
  console.log(`wrote ${file}`);
} finally {
  await server.stop();
}
if (failed) process.exit(1);
