// calc's budgets (DESIGN.md "Performance budgets", decided in issue 12): the portfolio summary of
// 10,000 customers x 5 goals x 3 metrics from their raw metrics (portfolioFromMetrics) in < 50 ms
// and <= 4x a hand-written plain loop over the same data (the per-goal road through goalProgress,
// goalStatus and portfolioSummary is measured beside them); the built main entry `@cscx/success-calc` whole <= 10 KB min+gzip; a consumer that
// imports only `roi` and `formatMultiplier` pays <= 1.5 KB (tree-shaking, as with date-fns).
// Sizes are of the built package (its `exports` and `sideEffects: false`), bundled as a consumer's
// bundler would; so the bench builds calc first and never measures a stale dist/.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  type GoalStatus,
  goalProgress,
  goalStatus,
  type PortfolioCustomer,
  portfolioSummary,
} from '../packages/calc/src/index.js';
import { portfolioFromMetrics } from '../packages/calc/src/portfolio-metrics.js';
import { minGzipSize, prng, type Timing, time, writeResult } from './lib.js';

const CUSTOMERS = 10_000;
const GOALS = 5;
const METRICS = 3;
const DAY = 86_400_000;
const asOf = Date.UTC(2026, 10, 23);

interface RawMetric {
  baseline: number;
  target: number;
  current: number;
}
interface RawGoal {
  startDate: number;
  targetDate: number;
  metrics: RawMetric[];
}
interface RawCustomer {
  id: string;
  investment: number;
  totalValue: number;
  goals: RawGoal[];
}

function makeData(): RawCustomer[] {
  const r = prng(165);
  const out: RawCustomer[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const goals: RawGoal[] = [];
    for (let g = 0; g < GOALS; g++) {
      const metrics: RawMetric[] = [];
      for (let m = 0; m < METRICS; m++) {
        const baseline = 10 + r() * 90;
        const lower = r() < 0.4;
        const target = lower ? baseline * (0.3 + r() * 0.5) : baseline * (1.2 + r());
        const current = baseline + (target - baseline) * (r() * 1.3 - 0.1);
        metrics.push({ baseline, target, current });
      }
      const start = asOf - Math.floor(r() * 400) * DAY;
      goals.push({
        startDate: start,
        targetDate: start + (90 + Math.floor(r() * 500)) * DAY,
        metrics,
      });
    }
    out.push({
      id: `cus_${String(c).padStart(5, '0')}`,
      investment: 20_000 + Math.floor(r() * 200_000),
      totalValue: Math.floor(r() * 800_000),
      goals,
    });
  }
  return out;
}

/** The whole path through calc: metric progress -> goal progress -> goal status -> summary. */
function viaCalc(data: readonly RawCustomer[]) {
  const customers: PortfolioCustomer[] = new Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    const goals: { status: GoalStatus }[] = new Array(c.goals.length);
    for (let j = 0; j < c.goals.length; j++) {
      const g = c.goals[j]!;
      const p = goalProgress({ metrics: g.metrics });
      const s = goalStatus(
        { percent: p.ok ? p.percent : null, startDate: g.startDate, targetDate: g.targetDate },
        { asOf },
      );
      goals[j] = { status: s.status };
    }
    customers[i] = { id: c.id, investment: c.investment, totalValue: c.totalValue, goals };
  }
  return portfolioSummary(customers);
}

/**
 * The same summary from `@cscx/success-calc/portfolio-metrics`, which reads the raw goals as
 * they are (this data's shape) and builds no per-goal result objects.
 */
function viaMetrics(data: readonly RawCustomer[]) {
  return portfolioFromMetrics(data, { asOf });
}

/**
 * The floor: the same formulas written inline in one plain loop, no result objects, no checks
 * beyond what the numbers need. calc may be slower only by what its guarantees cost.
 */
function plainLoop(data: readonly RawCustomer[]) {
  let goals = 0;
  let achieved = 0;
  let onTrack = 0;
  let atRisk = 0;
  let missed = 0;
  let roiSum = 0;
  let roiCount = 0;
  let value = 0;
  const top: { id: string; rate: number; roi: number }[] = [];
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    let custAchieved = 0;
    for (let j = 0; j < c.goals.length; j++) {
      const g = c.goals[j]!;
      let sum = 0;
      for (let k = 0; k < g.metrics.length; k++) {
        const m = g.metrics[k]!;
        sum += ((m.current - m.baseline) / (m.target - m.baseline)) * 100;
      }
      const pct = sum / g.metrics.length;
      goals++;
      // DESIGN.md: the target date's whole day is still in time, so the goal's window ends at
      // the end of that day (dates here are UTC midnights).
      const end = g.targetDate + DAY;
      if (pct >= 100) {
        achieved++;
        custAchieved++;
      } else if (asOf >= end) missed++;
      else {
        const expected = Math.min(
          100,
          Math.max(0, ((asOf - g.startDate) / (end - g.startDate)) * 100),
        );
        if (pct >= expected - 10) onTrack++;
        else atRisk++;
      }
    }
    const roi = c.totalValue / c.investment;
    roiSum += roi;
    roiCount++;
    value += c.totalValue;
    const rate = (custAchieved / c.goals.length) * 100;
    if (top.length < 5 || rate > top[4]!.rate || (rate === top[4]!.rate && roi > top[4]!.roi)) {
      top.push({ id: c.id, rate, roi });
      top.sort((a, b) => b.rate - a.rate || b.roi - a.roi);
      if (top.length > 5) top.pop();
    }
  }
  return { goals, achieved, onTrack, atRisk, missed, averageRoi: roiSum / roiCount, value, top };
}

const data = makeData();
/**
 * calc and the floor timed in alternation, one run of each per round, so a busy moment on a
 * shared machine slows both alike and the ratio stays about the code, not about when each ran.
 */
function timeAlternating(fns: readonly (() => unknown)[], runs: number, warmup: number): Timing[] {
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < warmup + runs; i++) {
    fns.forEach((fn, k) => {
      const t = time(fn, { runs: 1, warmup: 0 }).median;
      if (i >= warmup) samples[k]!.push(t);
    });
  }
  const summary = (xs: number[]): Timing => {
    xs.sort((a, b) => a - b);
    const mid = xs.length >> 1;
    const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
    const round = (n: number) => Math.round(n * 1000) / 1000;
    return { runs, median: round(median), min: round(xs[0]!), max: round(xs.at(-1)!) };
  };
  return samples.map(summary);
}

const [calc, metricsPath, floor] = timeAlternating(
  [() => viaCalc(data), () => viaMetrics(data), () => plainLoop(data)],
  41,
  5,
) as [Timing, Timing, Timing];
const ratioOf = (t: Timing) => Math.round((t.median / floor.median) * 100) / 100;
const ratio = ratioOf(calc);
const metricsRatio = ratioOf(metricsPath);

// Same answer from all three, or the comparison means nothing.
const a = viaCalc(data);
const b = plainLoop(data);
const sameCounts =
  a.goals === b.goals &&
  a.achieved === b.achieved &&
  a.onTrack === b.onTrack &&
  a.atRisk === b.atRisk &&
  a.missed === b.missed &&
  JSON.stringify(viaMetrics(data)) === JSON.stringify(a);

const root = fileURLToPath(new URL('..', import.meta.url));
const calcDir = `${root}packages/calc/`;
const srcDir = `${calcDir}src/`;
const tsup = spawnSync(process.execPath, [`${root}node_modules/tsup/dist/cli-default.js`], {
  cwd: calcDir,
  encoding: 'utf8',
});
if (tsup.status !== 0) throw new Error(`calc build failed:\n${tsup.stdout}\n${tsup.stderr}`);

/** min+gzip of a consumer module that imports from the built package (resolved from the root). */
const consumer = (contents: string) => minGzipSize({ contents, resolveDir: root });

// (a) Everything the main entry exports, as a bundle that cannot drop any of it.
const mainWhole = await consumer(`export * from '@cscx/success-calc';`);
// (b) A page that imports only these two: what tree-shaking leaves of calc.
const roiAndMultiplier = await consumer(
  `export { formatMultiplier, roi } from '@cscx/success-calc';`,
);
// The subpaths, each whole on its own and (for the record) everything calc ships at once.
const subpaths = {
  explain: await consumer(`export * from '@cscx/success-calc/explain';`),
  kpi: await consumer(`export * from '@cscx/success-calc/kpi';`),
};
const allEntries = await consumer(
  ['', '/explain', '/kpi'].map((p) => `export * from '@cscx/success-calc${p}';`).join('\n'),
);

/**
 * Where the main entry's bytes are: per module it re-exports, its size bundled alone (with what
 * it imports) and its marginal size (the main entry minus a bundle of every other module: what
 * leaving its exports out would save; near 0 for modules the others import). From source, which
 * the build bundles unchanged.
 */
const mainModules = [
  ...readFileSync(`${srcDir}index.ts`, 'utf8').matchAll(/^export \* from '\.\/(.+)\.js';$/gm),
].map((m) => m[1]!);
const bundleOf = (names: readonly string[]) =>
  minGzipSize({
    contents: names.map((m) => `export * from './${m}.js';`).join('\n'),
    resolveDir: srcDir,
  });
const mainFromSource = await bundleOf(mainModules);
const sizeByModule: Record<string, { alone: number; marginal: number }> = {};
for (const m of mainModules) {
  const alone = await bundleOf([m]);
  const others = await bundleOf(mainModules.filter((o) => o !== m));
  sizeByModule[m] = { alone: alone.gzip, marginal: mainFromSource.gzip - others.gzip };
}

// The main entry with every string literal blanked: how much of the size is code, not text.
const built = await build({
  stdin: { contents: `export * from '@cscx/success-calc';`, resolveDir: root, loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
});
const literal = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g;
const codeOnlyGzip = gzipSync(built.outputFiles[0]!.text.replace(literal, '""'), {
  level: 9,
}).byteLength;

const budgets = {
  portfolio_ms: 50,
  ratio_to_floor: 4,
  main_entry_gzip_bytes: 10 * 1024,
  roi_and_format_multiplier_gzip_bytes: 1536,
};
const passes = {
  same_counts_as_floor: sameCounts,
  portfolio_ms: metricsPath.median < budgets.portfolio_ms,
  ratio_to_floor: metricsRatio <= budgets.ratio_to_floor,
  main_entry_gzip_bytes: mainWhole.gzip <= budgets.main_entry_gzip_bytes,
  roi_and_format_multiplier_gzip_bytes:
    roiAndMultiplier.gzip <= budgets.roi_and_format_multiplier_gzip_bytes,
};
const pass = Object.values(passes).every(Boolean);

const file = writeResult('calc', {
  workload: `${CUSTOMERS} customers x ${GOALS} goals x ${METRICS} metrics`,
  // The budgets apply to portfolioFromMetrics, calc's road for a whole book of raw metrics; the
  // per-goal road (goalProgress and goalStatus objects per goal, then portfolioSummary) is kept
  // for the record: what a caller building the objects itself pays.
  portfolio_from_metrics_ms: metricsPath,
  ratio_to_floor: metricsRatio,
  per_goal_path_ms: calc,
  per_goal_path_ratio_to_floor: ratio,
  plain_loop_floor_ms: floor,
  same_counts_as_floor: sameCounts,
  size_main_entry_bytes: mainWhole,
  size_roi_and_format_multiplier_bytes: roiAndMultiplier,
  size_subpath_bytes: subpaths,
  size_all_entries_bytes: allEntries,
  size_main_gzip_strings_blanked: codeOnlyGzip,
  size_main_gzip_by_module: sizeByModule,
  budgets,
  passes,
  pass,
});
console.log(
  `calc portfolio: portfolioFromMetrics median ${metricsPath.median} ms (${metricsRatio}x), ` +
    `per-goal path ${calc.median} ms (${ratio}x), floor ${floor.median} ms; ` +
    `main entry ${mainWhole.gzip} B min+gzip, roi + formatMultiplier ${roiAndMultiplier.gzip} B; ` +
    `${
      pass
        ? 'within budget'
        : `OVER BUDGET (${Object.keys(passes)
            .filter((k) => !passes[k as keyof typeof passes])
            .join(', ')})`
    } -> ${file}`,
);
if (!pass) process.exitCode = 1;
