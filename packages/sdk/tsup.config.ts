import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM only: Node 20.19+ can require() it, bundlers and browsers import it.
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    // The CLI behind bin/cscx-success.js.
    entry: ['src/cli.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
]);
