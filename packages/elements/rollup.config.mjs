// The script-tag bundle: `dist/cdn/success-elements.js` registers every element; the parts each
// element loads on demand (the SDK, the chart runtime with vega, the editor body, the portfolio
// grid, the goal view) stay separate content-hashed chunks, so a page that shows no chart never
// downloads vega and a new release never serves a stale chunk from a cache. Built from tsc's
// output in dist/ (one module per source module), so it bundles exactly what npm users get.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: { 'success-elements': 'dist/define/all.js' },
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  // Lit's production build (no "development" condition), the browser builds of dependencies.
  plugins: [nodeResolve({ browser: true }), terser({ format: { comments: false } })],
};
