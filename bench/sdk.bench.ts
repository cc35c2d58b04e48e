// The SDK's budgets (issue 4): validating a 10,000-customer portfolio response costs no more
// than JSON.parse of the same body (<= 1x), and the SDK without its CLI is <= 10 KB min+gzip.
import * as v from 'valibot';
import { OPERATIONS } from '../packages/sdk/src/generated/operations.js';
import { PortfolioSuccessMetricsSchema } from '../packages/sdk/src/generated/schemas.js';
import { validateResponse } from '../packages/sdk/src/transport.js';
import { responseExample } from '../testing/openapi-spec.js';
import { minGzipSize, prng, time, writeResult } from './lib.js';

type Row = Record<string, unknown>;
const example = responseExample<{
  customers: Row[];
  top_performers: Row[];
  summary: Row;
  next_cursor: unknown;
}>('getPortfolioSuccessMetrics');
const template = example.customers[0]!;
const r = prng(69);
const customers: Row[] = [];
for (let i = 0; i < 10_000; i++) {
  customers.push({
    ...template,
    customer_id: `cus_${String(i).padStart(5, '0')}`,
    name: `Customer ${i}`,
    goals_total: 5,
    goals_achieved: Math.floor(r() * 6),
    achievement_rate: Math.round(r() * 10_000) / 100,
    total_value: Math.round(r() * 900_000),
  });
}
// The contract pages the portfolio at <= 500 customers, so 10,000 customers arrive as 20 pages:
// the measured work is parsing (and validating) all of them.
const PAGE = 500;
const bodies: string[] = [];
for (let i = 0; i < customers.length; i += PAGE) {
  bodies.push(
    JSON.stringify({
      ...example,
      customers: customers.slice(i, i + PAGE),
      next_cursor: i + PAGE < customers.length ? `p${i + PAGE}` : null,
    }),
  );
}
const bytes = bodies.reduce((n, b) => n + b.length, 0);
for (const b of bodies) {
  const r = v.safeParse(PortfolioSuccessMetricsSchema, JSON.parse(b));
  if (!r.success)
    throw new Error(
      `bench body does not match the contract: ${JSON.stringify(r.issues[0]?.path?.map((p) => p.key))} ${r.issues[0]?.message}`,
    );
}

// What the client does with each page (transport.ts): JSON.parse, then validateResponse with the
// operation's schema and generated guard. Both are timed in this run over the same bodies.
const op = OPERATIONS.getPortfolioSuccessMetrics;
const validate = (data: unknown) => {
  const r = validateResponse(op.responseSchema, op.responseGuard, data);
  if (!r.success) throw new Error('bench body rejected');
  return r.output;
};
const RUNS = { runs: 30, warmup: 5 };
const parse = time(() => bodies.map((b) => JSON.parse(b)), RUNS);
const parsed = bodies.map((b) => JSON.parse(b));
const validateOnly = time(() => parsed.map(validate), RUNS);
// The whole client step, validating pages just parsed rather than objects warmed by earlier
// runs. Its runs alternate with parse-only runs so both see the same load on this shared machine.
const pipeline = { parse: [] as number[], parseAndValidate: [] as number[] };
for (let i = 0; i < RUNS.warmup + RUNS.runs; i++) {
  for (const [key, fn] of [
    ['parse', (b: string) => JSON.parse(b)],
    ['parseAndValidate', (b: string) => validate(JSON.parse(b))],
  ] as const) {
    const t0 = performance.now();
    bodies.map(fn);
    if (i >= RUNS.warmup) pipeline[key].push(performance.now() - t0);
  }
}
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(((s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2) * 1000) / 1000;
};
const parseAndValidate = {
  runs: RUNS.runs,
  median: med(pipeline.parseAndValidate),
  parse_only_median: med(pipeline.parse),
};
// For reference, not the budget: valibot alone, which is what a body the guard does not pass
// costs (a server adding fields this client does not know, whose copy valibot strips them from).
const valibotOnly = time(() => parsed.map((p) => v.parse(PortfolioSuccessMetricsSchema, p)), RUNS);
const withUnknownField = parsed.map((p) => ({ ...p, added_by_a_newer_server: true }));
const slowPath = time(() => withUnknownField.map(validate), RUNS);
const ratio = Math.round((validateOnly.median / parse.median) * 100) / 100;
const r2 = (n: number) => Math.round(n * 100) / 100;

const size = await minGzipSize(new URL('../packages/sdk/src/index.ts', import.meta.url).pathname);
const budgets = { validation_to_parse_ratio: 1, size_gzip_bytes: 10 * 1024 };
const pass = ratio <= budgets.validation_to_parse_ratio && size.gzip <= budgets.size_gzip_bytes;
const file = writeResult('sdk', {
  workload: `portfolio responses: ${customers.length} customers in ${bodies.length} pages, ${(bytes / 1e6).toFixed(2)} MB`,
  json_parse_ms: parse,
  validate_only_ms: validateOnly,
  validation_to_parse_ratio: ratio,
  parse_and_validate_ms: parseAndValidate,
  parse_and_validate_to_parse_ratio: r2(
    parseAndValidate.median / parseAndValidate.parse_only_median,
  ),
  reference: {
    valibot_only_ms: valibotOnly,
    valibot_only_to_parse_ratio: r2(valibotOnly.median / parse.median),
    unknown_field_bodies_ms: slowPath,
    unknown_field_bodies_to_parse_ratio: r2(slowPath.median / parse.median),
  },
  size_bytes_without_cli: size,
  budgets,
  pass,
});
console.log(
  `sdk: JSON.parse ${parse.median} ms, validation ${validateOnly.median} ms (${ratio}x parse), ` +
    `parse+validate ${parseAndValidate.median} ms; valibot alone ${valibotOnly.median} ms, ` +
    `bodies with an unknown field ${slowPath.median} ms; ` +
    `size ${size.gzip} B min+gzip; ${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
);
if (!pass) process.exitCode = 1;
