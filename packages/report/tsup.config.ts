import { defineConfig } from 'tsup';

export default defineConfig({
  // `./html` alone brings no pdfkit, pptxgenjs or Vega (the server's docs page uses its escaper).
  entry: ['src/index.ts', 'src/html.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
