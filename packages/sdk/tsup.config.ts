import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM for browsers and modern Node, CJS for require() callers; types for both.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    entry: ['src/cli.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
  },
]);
