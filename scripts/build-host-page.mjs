// Bundles the demo host page (examples/host-page/main.ts) with the elements from source into
// examples/host-page/dist/. `npm start` runs it before serving; the vega stack stays in its own
// chunk, loaded only when a chart is about to show.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = (p) => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** calc's shipped translations by their published names, as source. */
export function calcLocales(at = root) {
  return Object.fromEntries(
    ['de-DE', 'fr-FR', 'es-ES', 'ja-JP'].map((tag) => [
      `@cscx/success-calc/locales/${tag}`,
      at(`packages/calc/src/locales/${tag}.ts`),
    ]),
  );
}

export async function buildHostPage({ minify = true } = {}) {
  const result = await build({
    // The demo page, and the page a share link opens (/share/<token>).
    entryPoints: [root('examples/host-page/main.ts'), root('examples/host-page/share.ts')],
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
      // Subpaths first by specificity: esbuild matches the longest alias (the main entry's
      // alias would otherwise remap `@cscx/success-calc/i18n` to `index.ts/i18n`).
      '@cscx/success-calc/i18n': root('packages/calc/src/i18n.ts'),
      ...calcLocales(),
    },
  });
  return result.metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const meta = await buildHostPage();
  const outputs = Object.entries(meta.outputs).filter(([f]) => f.endsWith('.js'));
  for (const [file, { bytes }] of outputs) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KB`);
}
