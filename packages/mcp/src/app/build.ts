// Builds the MCP App's one HTML file: the view and every module it needs (lit, the elements,
// calc, the ext-apps App, the chart runtime) bundled into one inline script, so the page loads
// nothing and runs under the CSP the resource declares (no network, no eval). `npm run build`
// writes it to dist/; a clone without dist builds it from source on first read.
import { fileURLToPath } from 'node:url';

const pkg = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));

// The kit's own packages from source (tests import source, and dist may not be built).
const ALIASES: Record<string, string> = {
  '@cscx/success-calc': pkg('calc/src/index.ts'),
  // esbuild takes the longest matching alias: subpaths need their own.
  '@cscx/success-calc/i18n': pkg('calc/src/i18n.ts'),
  '@cscx/success-calc/locales/de-DE': pkg('calc/src/locales/de-DE.ts'),
  '@cscx/success-calc/locales/fr-FR': pkg('calc/src/locales/fr-FR.ts'),
  '@cscx/success-calc/locales/es-ES': pkg('calc/src/locales/es-ES.ts'),
  '@cscx/success-calc/locales/ja-JP': pkg('calc/src/locales/ja-JP.ts'),
  '@cscx/success-sdk': pkg('sdk/src/index.ts'),
  '@cscx/success-elements/define/success-overview.js': pkg(
    'elements/src/define/success-overview.ts',
  ),
};

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ONE_ZOD = Symbol('one zod');

const STYLE = `html,body{margin:0;font-family:system-ui,sans-serif;background:transparent}
#app{padding:8px}.message{margin:0;padding:12px;color:#374151}`;

/** The HTML of the MCP App, with its script inline. */
export async function buildAppHtml(): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./view.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    // Lit's production build, not its dev-mode warnings.
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'cscx-source',
        setup(b) {
          b.onResolve({ filter: /^@cscx\// }, (args) => {
            const path = ALIASES[args.path];
            return path ? { path } : undefined;
          });
          // One zod for the App and the MCP SDK under it (each would bring its own copy), so
          // the view's jitless setting reaches every schema.
          b.onResolve({ filter: /^zod(\/|$)/ }, (args) =>
            args.pluginData === ONE_ZOD
              ? undefined
              : b.resolve(args.path, { kind: args.kind, resolveDir: HERE, pluginData: ONE_ZOD }),
          );
        },
      },
    ],
  });
  const js = out.outputFiles[0]?.text ?? '';
  // A "</script" inside the bundle would end the inline script early.
  const safe = js.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Customer success</title>
<style>${STYLE}</style>
</head>
<body>
<main id="app"></main>
<script>${safe}</script>
</body>
</html>
`;
}

/** Where `npm run build` puts the HTML: beside dist/index.js and dist/cli.js, which read it. */
export const BUILT_NAME = 'success-overview-app.html';

// `node --import tsx src/app/build.ts` (the package's build script, after tsup).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  mkdirSync(dist, { recursive: true });
  writeFileSync(`${dist}${BUILT_NAME}`, await buildAppHtml());
}
