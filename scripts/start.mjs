// `npm start`: the reference server (packages/server/src/main.ts), compiled first into one file
// (scripts/build-server.mjs, about a second) and run with plain node, as a deployment runs it.
// Built first too: the demo page's bundle (esbuild, about a second), and the elements' script-tag
// bundle it serves at /cdn/ when that is missing or older than the sources (`npm run build` of
// calc, the SDK and the elements; about half a minute, once). Settings: PORT (default 8787),
// CSCX_DATA_DIR (default .data/), DATABASE_URL (PostgreSQL instead of the embedded database),
// CSCX_CORS_ORIGINS, CSCX_LOG_LEVEL, CSCX_RATE_LIMIT (requests per second per token, default 50,
// `off`), CSCX_REPORT_THREADS (0-8, default 1);
// `npm start -- --no-demo` starts an empty database without the demo data and tokens;
// `npm start -- --customers N` (or CSCX_DEMO_CUSTOMERS=N) seeds a demo of N customers on first start.
import { fileURLToPath, pathToFileURL } from 'node:url';

// The demo data dir and the built bundles are found from the repository's root.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const { cdnIsStale } = await import('./cdn-freshness.mjs');
if (cdnIsStale()) {
  console.log('npm start: building the script-tag bundle served at /cdn/ (once, ~30 s)');
  const { buildPackages } = await import('./build.mjs');
  buildPackages(['calc', 'sdk', 'elements']);
}
// The demo host page the server serves at / embeds the elements: bundle them from source first.
const { buildHostPage } = await import('./build-host-page.mjs');
await buildHostPage();
const { buildServer } = await import('./build-server.mjs');
await import(pathToFileURL(await buildServer()).href);
