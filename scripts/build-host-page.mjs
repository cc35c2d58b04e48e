// Bundles the demo host page (examples/host-page/main.ts) with the elements from source into
// examples/host-page/dist/. `npm start` runs it before serving; the vega stack stays in its own
// chunk, loaded only when a chart is about to show.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

export async function buildHostPage({ minify = true } = {}) {
  const result = await build({
    entryPoints: [root('examples/host-page/main.ts')],
    outdir: root('examples/host-page/dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    alias: {
      '@cscx/success-elements': root('packages/elements/src'),
      '@cscx/success-sdk': root('packages/sdk/src/index.ts'),
      '@cscx/success-calc': root('packages/calc/src/index.ts'),
    },
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meta = await buildHostPage();
  const outputs = Object.entries(meta.outputs).filter(([f]) => f.endsWith('.js'));
  for (const [file, { bytes }] of outputs) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`);
}
