// Browser tests of @cscx/success-elements, in Debian's Chromium (never a downloaded browser).
// `npx web-test-runner` runs them all; pass file globs to run a subset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
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
  '@cscx/success-sdk': '/packages/sdk/src/index.ts',
};

// The real reference server as well, for the tests that show what a host page sees.
// The server serves the demo host page at / when its bundle exists, as `npm start` builds it.
await buildHostPage();
const referenceOrigin = await startReferenceServer();

export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  // The elements' tests, and the Storybook stories rendered as Storybook shows them.
  files: ['packages/elements/src/**/*.test.ts', 'storybook/stories/**/*.test.ts'],
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
      resolveImport: ({ source }) => workspaceSources[source],
    },
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
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
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
