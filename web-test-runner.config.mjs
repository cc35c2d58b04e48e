// Browser tests of @cscx/success-elements and @cscx/success-react, in Debian's Chromium (never a
// downloaded browser). `npx web-test-runner` runs them all; pass file globs to run a subset.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { fixtureApi } from './packages/elements/src/testing/fixture-api.mjs';
import {
  demoScreenshotPlugin,
  referenceApi,
  startReferenceServer,
} from './packages/elements/src/testing/reference-server.mjs';
import { buildHostPage } from './scripts/build-host-page.mjs';
import { CHROMIUM_PATH, chromiumArgs } from './scripts/chromium.mjs';
import { examplesModule, VIRTUAL_ID } from './storybook/examples.mjs';

const profile = mkdtempSync(join(tmpdir(), 'cscx-wtr-'));
process.on('exit', () => rmSync(profile, { recursive: true, force: true }));

// Tests import source, never dist: workspace packages resolve to their src/index.ts.
const workspaceSources = {
  '@cscx/success-calc': '/packages/calc/src/index.ts',
  '@cscx/success-calc/i18n': '/packages/calc/src/i18n.ts',
  '@cscx/success-calc/explain': '/packages/calc/src/explain.ts',
  '@cscx/success-sdk': '/packages/sdk/src/index.ts',
  '@cscx/success-elements': '/packages/elements/src/index.ts',
};
// The React wrappers import each element's define module by its published name.
const elementsDefine = /^@cscx\/success-elements\/define\/([\w-]+)\.js$/;
const calcLocale = /^@cscx\/success-calc\/locales\/([\w-]+)$/;
const resolveWorkspace = (source) => {
  const define = elementsDefine.exec(source);
  if (define) return `/packages/elements/src/define/${define[1]}.ts`;
  const locale = calcLocale.exec(source);
  return locale ? `/packages/calc/src/locales/${locale[1]}.ts` : workspaceSources[source];
};

// React and react-dom ship CommonJS only, which a browser cannot import, and the dev server has
// no CommonJS plugin installed. esbuild bundles them once into one ES module (one copy of React
// for react and react-dom alike), served behind a facade per entry that gives it its named
// exports, as Node lists them (the development build: React's warnings catch real mistakes).
const reactEntries = ['react', 'react-dom', 'react-dom/client'];
const reactPath = (id) => `/__react__/${id}.js`;
const identifier = /^[A-Za-z_$][\w$]*$/;
function reactEsm() {
  const require = createRequire(import.meta.url);
  const local = (id) => `m${reactEntries.indexOf(id)}`;
  let bundle;
  const bundled = () => {
    bundle ??= build({
      stdin: {
        contents: `${reactEntries.map((id) => `import ${local(id)} from '${id}';`).join('\n')}
export { ${reactEntries.map(local).join(', ')} };`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      },
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'warning',
    }).then((r) => r.outputFiles[0].text);
    return bundle;
  };
  // Read now, at start-up: React's development build wraps console methods as it loads, which
  // the runner's own console wrapping does not survive once tests run.
  const facades = new Map(
    reactEntries.map((id) => {
      const names = Object.keys(require(id)).filter((n) => identifier.test(n) && n !== 'default');
      const body = `import { ${local(id)} as m } from '/__react__/bundle.js';
export default m;
export const { ${names.join(', ')} } = m;`;
      return [reactPath(id), body];
    }),
  );
  return {
    name: 'react-esm',
    resolveImport: ({ source }) => (reactEntries.includes(source) ? reactPath(source) : undefined),
    serve: async (ctx) => {
      if (ctx.path === '/__react__/bundle.js') return { body: await bundled(), type: 'js' };
      const body = facades.get(ctx.path);
      return body ? { body, type: 'js' } : undefined;
    },
  };
}

// The real reference server as well, for the tests that show what a host page sees.
// The server serves the demo host page at / when its bundle exists, as `npm start` builds it.
await buildHostPage();
const referenceOrigin = await startReferenceServer();

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // The elements' tests, the React wrappers' tests (.tsx: vitest's Node run collects
  // packages/*/src/**/*.test.ts), and the Storybook stories rendered as Storybook shows them.
  files: [
    'packages/elements/src/**/*.test.ts',
    'packages/react/src/**/*.test.tsx',
    'storybook/stories/**/*.test.ts',
  ],
  nodeResolve: true,
  // One page at a time: concurrent pages are background tabs in headless Chromium and get no
  // animation frames or IntersectionObserver callbacks, which lazy charts wait for.
  concurrency: 1,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  middleware: [referenceApi(referenceOrigin), fixtureApi],
  // Lit's dev build stays on (its warnings catch real mistakes); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [
    demoScreenshotPlugin(referenceOrigin),
    {
      name: 'workspace-sources',
      resolveImport: ({ source }) => resolveWorkspace(source),
    },
    reactEsm(),
    {
      // The stories' data module, as Storybook's Vite plugin serves it (storybook/examples.mjs).
      name: 'storybook-examples',
      resolveImport: ({ source }) =>
        source === VIRTUAL_ID ? '/__virtual__/examples.js' : undefined,
      serve: (ctx) =>
        ctx.path === '/__virtual__/examples.js'
          ? { body: examplesModule(), type: 'js' }
          : undefined,
    },
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: 'packages/elements/tsconfig.json',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: chromiumArgs(profile),
      },
    }),
  ],
};
