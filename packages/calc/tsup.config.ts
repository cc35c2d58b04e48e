import { defineConfig } from 'tsup';

export default defineConfig({
  // `./explain` apart: the derivation texts are for reports, the API and a disclosure opened on
  // demand, not for every page that formats a number (DESIGN.md: calc whole <= 10 KB). `./kpi`
  // apart: the retention and service KPIs and the seeds' threshold table, for KPI views only.
  // `./i18n` and `./locales/*` apart: a page in English loads no catalogue. `./rollup` apart:
  // a parent account's rollup, which the server computes and no page needs. `./portfolio-metrics`
  // apart: the allocation-free portfolio from raw metrics, for large books only.
  entry: [
    'src/index.ts',
    'src/explain.ts',
    'src/kpi.ts',
    'src/rollup.ts',
    'src/portfolio-metrics.ts',
    'src/i18n.ts',
    'src/locales/*.ts',
  ],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
