import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Node-side packages only; browser tests of the elements run in Chromium via @web/test-runner.
// Tests import source, never dist: workspace packages resolve to their src/index.ts.
export default defineConfig({
  resolve: {
    alias: {
      // Before the package itself: an alias also matches as a prefix of longer specifiers.
      '@cscx/success-calc/explain': fileURLToPath(
        new URL('./packages/calc/src/explain.ts', import.meta.url),
      ),
      '@cscx/success-calc/kpi': fileURLToPath(
        new URL('./packages/calc/src/kpi.ts', import.meta.url),
      ),
      '@cscx/success-calc/rollup': fileURLToPath(
        new URL('./packages/calc/src/rollup.ts', import.meta.url),
      ),
      '@cscx/success-calc/portfolio-metrics': fileURLToPath(
        new URL('./packages/calc/src/portfolio-metrics.ts', import.meta.url),
      ),
      '@cscx/success-calc/locales': fileURLToPath(
        new URL('./packages/calc/src/locales', import.meta.url),
      ),
      '@cscx/success-calc/i18n': fileURLToPath(
        new URL('./packages/calc/src/i18n.ts', import.meta.url),
      ),
      '@cscx/success-calc': src('calc'),
      '@cscx/success-sdk': src('sdk'),
      // Before the package itself: an alias also matches as a prefix of longer specifiers.
      '@cscx/success-report/html': fileURLToPath(
        new URL('./packages/report/src/html.ts', import.meta.url),
      ),
      '@cscx/success-report': src('report'),
      '@cscx/success-mcp': src('mcp'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'testing/**/*.test.ts'],
    // The elements' tests need a browser: web-test-runner runs them in Chromium.
    exclude: [...configDefaults.exclude, 'packages/elements/**'],
    // Server tests make real HTTP calls to a real database; on 2 busy cores a test that takes
    // 1 s alone took over vitest's 5 s default. A bound against hangs, not a speed assertion.
    testTimeout: 20_000,
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
