// calc's budgets (DESIGN.md, issue 3): portfolioSummary of 10,000 customers x 5 goals x 3 metrics
// in < 50 ms and within 2x of a hand-written plain loop over the same data; calc whole <= 6 KB
// min+gzip.

import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  type GoalStatus,
  goalProgress,
  goalStatus,
  type PortfolioCustomer,
  portfolioSummary,
} from '../packages/calc/src/index.js';
import { minGzipSize, prng, time, writeResult } from './lib.js';

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
  start: number;
  target: number;
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
      goals.push({ start, target: start + (90 + Math.floor(r() * 500)) * DAY, metrics });
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
        { percent: p.ok ? p.percent : null, startDate: g.start, targetDate: g.target },
        { asOf },
      );
      goals[j] = { status: s.status };
    }
    customers[i] = { id: c.id, investment: c.investment, totalValue: c.totalValue, goals };
  }
  return portfolioSummary(customers);
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
      const end = g.target + DAY;
      if (pct >= 100) {
        achieved++;
        custAchieved++;
      } else if (asOf >= end) missed++;
      else {
        const expected = Math.min(100, Math.max(0, ((asOf - g.start) / (end - g.start)) * 100));
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
const calc = time(() => viaCalc(data), { runs: 40, warmup: 5 });
const floor = time(() => plainLoop(data), { runs: 40, warmup: 5 });
const ratio = Math.round((calc.median / floor.median) * 100) / 100;

// Same answer from both, or the comparison means nothing.
const a = viaCalc(data);
const b = plainLoop(data);
const sameCounts =
  a.goals === b.goals &&
  a.achieved === b.achieved &&
  a.onTrack === b.onTrack &&
  a.atRisk === b.atRisk &&
  a.missed === b.missed;

const srcDir = new URL('../packages/calc/src/', import.meta.url).pathname;
const size = await minGzipSize(`${srcDir}index.ts`);

/**
 * Where the bytes are: per module, its size bundled alone (with what it imports) and its
 * marginal size (the whole bundle minus the bundle of every other module: what leaving its
 * exports out would save; near 0 for modules the others import).
 */
const modules = readdirSync(srcDir)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, '.js'))
  .sort();
const bundleOf = (names: readonly string[]) =>
  minGzipSize({
    contents: names.map((m) => `export * from './${m}';`).join('\n'),
    resolveDir: srcDir,
  });
const sizeByModule: Record<string, { alone: number; marginal: number }> = {};
for (const m of modules) {
  const alone = await bundleOf([m]);
  const others = await bundleOf(modules.filter((o) => o !== m));
  sizeByModule[m.replace(/\.js$/, '')] = { alone: alone.gzip, marginal: size.gzip - others.gzip };
}

// The same bundle with every string literal blanked: how much of the size is code, not text.
const built = await build({
  entryPoints: [`${srcDir}index.ts`],
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

const budgets = { portfolio_ms: 50, ratio_to_floor: 2, size_gzip_bytes: 6 * 1024 };
const pass =
  sameCounts &&
  calc.median < budgets.portfolio_ms &&
  ratio <= budgets.ratio_to_floor &&
  size.gzip <= budgets.size_gzip_bytes;

const file = writeResult('calc', {
  workload: `${CUSTOMERS} customers x ${GOALS} goals x ${METRICS} metrics`,
  portfolio_summary_ms: calc,
  plain_loop_floor_ms: floor,
  ratio_to_floor: ratio,
  same_counts_as_floor: sameCounts,
  size_bytes: size,
  size_gzip_strings_blanked: codeOnlyGzip,
  size_gzip_by_module: sizeByModule,
  budgets,
  pass,
});
console.log(
  `calc portfolio: median ${calc.median} ms, floor ${floor.median} ms, ratio ${ratio}x; ` +
    `size ${size.gzip} B min+gzip (${size.min} B min); ${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
);
if (!pass) process.exitCode = 1;
