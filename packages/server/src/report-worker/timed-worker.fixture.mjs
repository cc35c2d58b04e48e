// A rendering thread with known timings, for pool.test.ts's Retry-After estimates: it takes
// LOAD_MS to become ready (worker.mjs loads the real renderers) and then RENDER_MS per report of
// each format, answering with the format's name. Test-only.
import { parentPort } from 'node:worker_threads';

export const LOAD_MS = 800;
export const RENDER_MS = { pdf: 120, ppt: 120, html: 30 };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
if (!parentPort) throw new Error('timed-worker.fixture.mjs runs as a worker thread of ReportPool');
const port = parentPort;
await sleep(LOAD_MS);
port.on('message', async ({ id, job }) => {
  await sleep(RENDER_MS[job.format]);
  port.postMessage({ id, ok: true, body: job.format });
});
port.postMessage({ ready: true });
