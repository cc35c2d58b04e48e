// Bulk import (POST /api/imports) on `npm start`'s server in its own process, fresh PGlite data
// dir: 100,000 customer rows as CSV (~10 MB), streamed by fetch from a generator, so neither side
// holds the file. Measured: wall time of the whole import (pass 1 reads and checks every row
// into the spool, pass 2 applies them in one transaction), rows per second, and the server's RSS
// before and its peak (VmHWM, reset first) during the import. Then the same file with its last
// row bad: every row read and checked, nothing applied (422). No budget: a record to compare.
import { readFileSync, writeFileSync } from 'node:fs';
import { startServer, writeResult } from './lib.js';

const ROWS = 100_000;
const TOKEN = 'demo-manager-token';

function memory(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss_mb: Math.round(kb('VmRSS') / 1024), peak_mb: Math.round(kb('VmHWM') / 1024) };
}

function csv(
  prefix: string,
  badLast: boolean,
): { body: ReadableStream<Uint8Array>; bytes: () => number } {
  const encoder = new TextEncoder();
  let i = 0;
  let bytes = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk = i === 0 ? 'id,name,segment,industry,currency,investment\n' : '';
      if (i >= ROWS) {
        controller.close();
        return;
      }
      for (let n = 0; n < 2000 && i < ROWS; n++) {
        i++;
        const segment =
          badLast && i === ROWS ? 'galactic' : ['enterprise', 'mid_market', 'smb'][i % 3];
        chunk += `${prefix}${i},Imported customer ${i},${segment},Software,USD,${1000 + i}\n`;
      }
      const b = encoder.encode(chunk);
      bytes += b.byteLength;
      controller.enqueue(b);
    },
  });
  return { body, bytes: () => bytes };
}

async function run(url: string, pid: number, prefix: string, badLast: boolean) {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = memory(pid);
  const file = csv(prefix, badLast);
  const started = performance.now();
  const res = await fetch(`${url}/api/imports?kind=customers`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'text/csv',
      'idempotency-key': `bench-${prefix}`,
    },
    body: file.body,
    duplex: 'half',
  } as RequestInit);
  const text = await res.text();
  const ms = performance.now() - started;
  const after = memory(pid);
  return {
    status: res.status,
    answer: text.slice(0, 300),
    rows: ROWS,
    mb: Math.round(file.bytes() / 1e5) / 10,
    seconds: Math.round(ms / 100) / 10,
    rows_per_second: Math.round(ROWS / (ms / 1000)),
    rss_before_mb: before.rss_mb,
    peak_rss_mb: after.peak_mb,
    peak_growth_mb: after.peak_mb - before.rss_mb,
  };
}

const server = await startServer();
try {
  const applied = await run(server.url, server.pid, 'cus_bench_', false);
  console.log('100,000 rows applied:', applied);
  const rejected = await run(server.url, server.pid, 'cus_bench_bad_', true);
  console.log('100,000 rows, last bad:', rejected);
  if (applied.status !== 201 || rejected.status !== 422) throw new Error('unexpected status');
  console.log(`wrote ${writeResult('import', { applied, rejected })}`);
} finally {
  await server.stop();
}
