// A rendering thread of ReportPool (pool.ts). The server runs from TypeScript sources, through
// tsx under `npm start` and through Vite under vitest; a worker thread inherits neither, so it
// registers tsx's loader itself, with the repository's tsconfig (its paths map the workspace
// packages to their sources) whatever the working directory.
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

if (!parentPort) throw new Error('worker.mjs runs as a worker thread of ReportPool');
const port = parentPort;

register({ tsconfig: fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url)) });
const { loadRenderers, renderJob } = await import('./render.ts');
// Loaded (a few seconds): from here on the pool times renders, not this start.
await loadRenderers();
port.postMessage({ ready: true });

port.on('message', async ({ id, job }) => {
  try {
    const body = await renderJob(job);
    if (typeof body === 'string') {
      port.postMessage({ id, ok: true, body });
      return;
    }
    // Handed over, not copied: a PDF is a few hundred KB.
    const whole =
      body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
    port.postMessage({ id, ok: true, body: whole }, [whole.buffer]);
  } catch (e) {
    port.postMessage({
      id,
      ok: false,
      name: e instanceof Error ? e.name : 'Error',
      message: e instanceof Error ? e.message : String(e),
    });
  }
});
