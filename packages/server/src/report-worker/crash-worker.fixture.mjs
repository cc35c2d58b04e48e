// A rendering thread that fails on demand, for pool.test.ts: a report of the recommendations
// alone exits the thread mid-render, one of the benchmarks alone never answers; any other
// report renders as worker.mjs renders it. Test-only.
import { parentPort } from 'node:worker_threads';

// worker.mjs first: its listener must be in place before the port starts delivering jobs.
await import('./worker.mjs');
parentPort?.on('message', ({ job }) => {
  const only = job.sections?.length === 1 ? job.sections[0] : null;
  if (only === 'recommendations') process.exit(70);
  if (only === 'benchmarks') while (true) {}
});
