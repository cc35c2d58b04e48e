// Explain every number (issue 11): `?explain=true` adds `explanations`, keyed by the JSON
// Pointer of each derived figure in the same response, each from calc's one formula registry.
// Fetched through the SDK's typed `explain: true` option from the server on a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSuccessClient, type SuccessClient } from '../../../sdk/src/index.js';
import type { AccountSuccessMetrics, CustomerSuccessMetrics, Explanation } from '../contract.js';
import { type TestApp, TOKENS, testApp } from '../testing/harness.js';
import { type Listening, listen } from '../testing/listen.js';
import { describeBackends } from '../testing/test-db.js';

/** RFC 6901: the value at `pointer` in `doc`, or undefined. */
function at(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Pointers of every number (and status string) under `base`, skipping what is not derived. */
function figures(doc: unknown, base: string, skip: RegExp): string[] {
  const out: string[] = [];
  const walk = (x: unknown, p: string) => {
    if (skip.test(p)) return;
    if (typeof x === 'number') out.push(p);
    else if (Array.isArray(x)) {
      x.forEach((v, i) => {
        walk(v, `${p}/${i}`);
      });
    } else if (x !== null && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) walk(v, `${p}/${k}`);
  };
  walk(at(doc, base), base);
  return out;
}

function same(actual: unknown, stated: Explanation['result']): boolean {
  if (typeof actual === 'number' && typeof stated === 'number')
    return Math.abs(actual - stated) <= 1e-9 * Math.max(1, Math.abs(actual));
  return actual === stated;
}

/** Every key and input pointer resolves in the response, and the figure is the stated result. */
function checkConsistent(body: unknown, explanations: Record<string, Explanation>): string[] {
  const problems: string[] = [];
  for (const [pointer, e] of Object.entries(explanations)) {
    const value = at(body, pointer);
    if (typeof value !== 'number' && typeof value !== 'string' && value !== null)
      problems.push(`${pointer}: resolves to ${JSON.stringify(value)}`);
    else if (!same(value, e.result))
      problems.push(`${pointer}: response ${value}, explanation ${e.result} (${e.text})`);
    for (const i of e.inputs) {
      if (i.pointer !== undefined && at(body, i.pointer) === undefined)
        problems.push(`${pointer}: input ${i.name} points at nothing (${i.pointer})`);
    }
    if (/NaN|Infinity|undefined/.test(e.text)) problems.push(`${pointer}: text ${e.text}`);
  }
  return problems;
}

describeBackends('explain every number (%s)', (backend) => {
  let t: TestApp;
  let server: Listening;
  let client: SuccessClient;
  let metrics: CustomerSuccessMetrics;
  let account: AccountSuccessMetrics;

  beforeAll(async () => {
    t = await testApp(backend);
    server = await listen(t.app);
    client = createSuccessClient({ baseUrl: server.url, token: TOKENS.manager });
    metrics = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme', explain: true });
    account = await client.getAccountSuccessMetrics({
      customerId: 'cus_acme',
      includeBenchmarks: true,
      explain: true,
    });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await t?.t.cleanup();
  });

  describe('getCustomerSuccessMetrics', () => {
    it('is unchanged without explain: no explanations key', async () => {
      const plain = await client.getCustomerSuccessMetrics({ customerId: 'cus_acme' });
      expect('explanations' in plain).toBe(false);
      const { explanations, ...rest } = metrics;
      expect(explanations).toBeDefined();
      expect(rest).toEqual(plain);
    });

    it('resolves every pointer, and each figure equals its explanation result', () => {
      expect(checkConsistent(metrics, metrics.explanations ?? {})).toEqual([]);
    });

    it('explains every number under /metrics and every goal and metric figure', () => {
      const keys = new Set(Object.keys(metrics.explanations ?? {}));
      // The investment is the customer's input, not a derived figure.
      const wanted = figures(metrics, '/metrics', /\/investment$/);
      expect(wanted.length).toBeGreaterThan(15);
      expect(wanted.filter((p) => !keys.has(p))).toEqual([]);
      metrics.goals.forEach((g, i) => {
        for (const f of ['achievement_pct', 'status', 'annual_value', 'projected_value'])
          expect(keys, `/goals/${i}/${f}`).toContain(`/goals/${i}/${f}`);
        g.metrics.forEach((_, j) => {
          expect(keys).toContain(`/goals/${i}/metrics/${j}/progress_pct`);
          expect(keys).toContain(`/goals/${i}/metrics/${j}/status`);
        });
      });
      metrics.trends.forEach((_, i) => {
        expect(keys).toContain(`/trends/${i}/forecast_date`);
      });
    });

    it('explains every number in the whole response except the recorded inputs', () => {
      const keys = new Set(Object.keys(metrics.explanations ?? {}));
      const all = figures(metrics, '', /^\/explanations$/);
      const recorded =
        /(investment|weight|version|baseline_value|target_value|current_value|annual_amount|monthly_amount|hours_per_month|hours_per_unit|units_per_month|hourly_rate|measurements\/\d+\/value|points\/\d+\/value|trends\/\d+\/(target|baseline))$/;
      // A recommendation's cause repeats a figure explained elsewhere: its metric's position,
      // and that metric's progress_pct, rounded (checked here).
      const repeated = /recommendations\/\d+\/causes\/\d+\/(index|percent)$/;
      expect(all.filter((p) => !keys.has(p) && !recorded.test(p) && !repeated.test(p))).toEqual([]);
      let causes = 0;
      for (const g of metrics.goals) {
        for (const r of g.recommendations ?? []) {
          for (const c of r.causes) {
            if (c.kind !== 'lagging' || c.index === undefined) continue;
            causes++;
            const pct = g.metrics[c.index]?.progress_pct;
            expect(c.percent).toBe(pct === null || pct === undefined ? null : Math.round(pct));
          }
        }
      }
      expect(causes).toBeGreaterThan(0);
    });

    it("fills in Acme's own numbers (TC-165.1, TC-165.2)", () => {
      const e = metrics.explanations ?? {};
      const i = metrics.goals.findIndex((g) => g.id === 'goal_acme_ticket_time');
      expect(i).toBeGreaterThanOrEqual(0);
      expect(e[`/goals/${i}/metrics/0/progress_pct`]).toMatchObject({
        formula: 'metric_progress.baseline_relative',
        rule: 'TC-165.1',
        text: '(11.5 − 24) / (12 − 24) × 100 = 104.17 %',
      });
      expect(e['/metrics/value_delivered/roi_multiplier']).toMatchObject({
        formula: 'roi.multiplier',
        rule: 'TC-165.2',
        text: '$285,000 / $68,000 = 4.19 (shown 4.2x)',
        inputs: [
          { name: 'total_value', value: 285_000, pointer: '/metrics/value_delivered/total_value' },
          { name: 'investment', value: 68_000, pointer: '/metrics/value_delivered/investment' },
        ],
      });
      expect(e['/metrics/value_delivered/total_value']?.text).toBe(
        '$0 + $185,000 + $100,000 = $285,000',
      );
    });
  });

  it('stays consistent for every seeded customer and period, computable or not', async () => {
    const problems: string[] = [];
    let customers = 0;
    for await (const c of client.listCustomers.all({})) {
      customers++;
      for (const period of ['all', '2026-Q1', '2025']) {
        const m = await client.getCustomerSuccessMetrics({
          customerId: c.id,
          period,
          explain: true,
        });
        problems.push(...checkConsistent(m, m.explanations ?? {}).map((p) => `${c.id} ${p}`));
        const a = await client.getAccountSuccessMetrics({
          customerId: c.id,
          period,
          includeBenchmarks: true,
          explain: true,
        });
        problems.push(...checkConsistent(a, a.explanations ?? {}).map((p) => `${c.id} ${p}`));
      }
    }
    expect(customers).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  }, 60_000);

  describe('getAccountSuccessMetrics', () => {
    it('resolves every pointer, and each figure equals its explanation result', () => {
      expect(account.explanations).toBeDefined();
      expect(checkConsistent(account, account.explanations ?? {})).toEqual([]);
    });

    it('explains the score, the value summary, ROI and the benchmarks', () => {
      const keys = new Set(Object.keys(account.explanations ?? {}));
      for (const p of [
        '/success_score/score',
        '/executive_summary/annual_value',
        '/value_summary/total_value',
        '/value_summary/roi_multiplier',
      ])
        expect(keys).toContain(p);
      const categories = figures(account, '/value_summary/categories', /$^/);
      expect(categories.filter((p) => !keys.has(p))).toEqual([]);
      expect(account.benchmarks).not.toBeNull();
      account.benchmarks?.rows.forEach((r, i) => {
        expect(keys).toContain(`/benchmarks/rows/${i}/value`);
        if (r.percentile !== null) expect(keys).toContain(`/benchmarks/rows/${i}/percentile`);
        if (r.peer_average !== null) expect(keys).toContain(`/benchmarks/rows/${i}/peer_average`);
      });
    });
  });
});
