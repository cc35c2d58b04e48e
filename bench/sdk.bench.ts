// The SDK's budgets (issue 4): validating a 10,000-customer portfolio response costs no more
// than JSON.parse of the same body (<= 1x), and the SDK without its CLI is <= 10 KB min+gzip.
import * as v from 'valibot';
import { PortfolioSuccessMetricsSchema } from '../packages/sdk/src/generated/schemas.js';
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

const parse = time(() => bodies.map((b) => JSON.parse(b)), { runs: 30, warmup: 5 });
const parsed = bodies.map((b) => JSON.parse(b));
const validateOnly = time(() => parsed.map((p) => v.parse(PortfolioSuccessMetricsSchema, p)), {
  runs: 30,
  warmup: 5,
});
const ratio = Math.round((validateOnly.median / parse.median) * 100) / 100;

const size = await minGzipSize(new URL('../packages/sdk/src/index.ts', import.meta.url).pathname);
const budgets = { validation_to_parse_ratio: 1, size_gzip_bytes: 10 * 1024 };
const pass = ratio <= budgets.validation_to_parse_ratio && size.gzip <= budgets.size_gzip_bytes;
const file = writeResult('sdk', {
  workload: `portfolio responses: ${customers.length} customers in ${bodies.length} pages, ${(bytes / 1e6).toFixed(2)} MB`,
  json_parse_ms: parse,
  validate_only_ms: validateOnly,
  validation_to_parse_ratio: ratio,
  size_bytes_without_cli: size,
  budgets,
  pass,
});
console.log(
  `sdk: JSON.parse ${parse.median} ms, validation ${validateOnly.median} ms (${ratio}x parse); ` +
    `size ${size.gzip} B min+gzip; ${pass ? 'within budget' : 'OVER BUDGET'} -> ${file}`,
);
if (!pass) process.exitCode = 1;
