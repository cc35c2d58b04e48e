import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM only: Node 20.19+ can require() it.
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
  {
    // The stdio server behind bin/cscx-success-mcp.js.
    entry: ['src/cli.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
  },
]);
