// Compiles the reference server (packages/server/src/main.ts and the workspace packages it
// imports, through tsconfig.json's paths) into one ES module, packages/server/dist/main.js, in
// about a second. `npm start` and the bench run that file with plain `node`, as a deployment
// would: no TypeScript loader in the process. Measured at 202 customers (issue 12): resident
// memory 236-254 MB on the embedded database against 309-318 MB under tsx, and 135-139 MB
// against 166-167 MB on PostgreSQL.
//
// Runs in place only: every `import.meta.url` of the sources keeps the source file's own URL,
// so what the server finds next to its code (migrations/, the report worker, openapi.yaml, the
// demo page, .data/) resolves exactly as it does from source. The report worker thread still
// loads its renderers from source through tsx (report-worker/worker.mjs), only when a report is
// first asked for. Packages with files of their own beside their code stay external (PGlite's
// WebAssembly, pdfkit's fonts) and load from node_modules.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** Where the compiled server is written. */
export const SERVER_BUNDLE = root('packages/server/dist/main.js');

const EXTERNAL = [
  '@electric-sql/pglite',
  'pdfkit',
  'svg-to-pdfkit',
  'pptxgenjs',
  // Optional native binding pg tries to require; never installed here.
  'pg-native',
  // Build tools the server only reaches in development paths (the MCP app's build, tsx).
  'esbuild',
  'tsx',
];

const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/**
 * Compiles the server to `outfile` (default {@link SERVER_BUNDLE}).
 *
 * @example
 * import { buildServer } from './build-server.mjs';
 * await buildServer(); // then: node packages/server/dist/main.js
 */
export async function buildServer(outfile = SERVER_BUNDLE) {
  await build({
    entryPoints: [root('packages/server/src/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: root('tsconfig.json'),
    external: EXTERNAL,
    plugins: [keepSourceUrls],
    // Linked, not inline: a stack trace can be mapped back (`node --enable-source-maps`) without
    // every process holding the map.
    sourcemap: 'linked',
    logLevel: 'warning',
    // Bundled CommonJS (pg, yaml) calls require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __cscxRequire } from 'node:module'; const require = __cscxRequire(import.meta.url);",
    },
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const out = await buildServer(process.argv[2]);
  console.log(`${out} (${Math.round(performance.now() - t0)} ms)`);
}
