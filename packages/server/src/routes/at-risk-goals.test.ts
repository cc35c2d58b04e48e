// listAtRiskGoals: every at-risk goal of the portfolio, paged by a keyset cursor, with the
// portfolio's scope; and the portfolio's own customer pages, which walk the same way.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtRiskGoal } from '../contract.js';
import { type Api, apiOf, type CallOptions, type CallResult } from '../testing/api.js';
import { type TestApp, testApp } from '../testing/harness.js';
import { describeBackends } from '../testing/test-db.js';
import { compareUtf8 } from './portfolio-scope.js';

type Query = NonNullable<CallOptions['query']>;

describe('compareUtf8', () => {
  it('orders strings as their UTF-8 bytes do (the database\'s COLLATE "C")', () => {
    // Any code point, and often the ones where UTF-16 and UTF-8 orders part: surrogate pairs
    // against U+E000-FFFF.
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', '\u00e9', '\ud7ff', '\ue000', '\ufffd', '\u{1F600}', '\u{10FFFF}'),
      fc
        .integer({ min: 0, max: 0x10ffff })
        .filter((n) => n < 0xd800 || n > 0xdfff)
        .map((n) => String.fromCodePoint(n)),
    );
    const text = fc.string({ unit, maxLength: 5 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const expected = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(Math.sign(compareUtf8(a, b))).toBe(expected);
      }),
      { numRuns: 1000 },
    );
    expect(Math.sign(compareUtf8('\u{1F600}', '\uFFFD'))).toBe(1);
  });
});

describeBackends('at-risk goals (%s)', (backend) => {
  let t: TestApp;
  let call: Api;
  beforeAll(async () => {
    t = await testApp(backend);
    call = apiOf(t.app);
  }, 180_000);
  afterAll(() => t?.t.cleanup());

  /** Every page of listAtRiskGoals, checking each against the contract on the way. */
  async function walk(
    options: { token?: string; query?: Query } = {},
    between?: (page: number) => Promise<void>,
  ): Promise<{ goals: AtRiskGoal[]; pages: number }> {
    const goals: AtRiskGoal[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r: CallResult<'listAtRiskGoals'> = await call(
        'listAtRiskGoals',
        {},
        {
          ...(options.token ? { token: options.token } : {}),
          query: { ...options.query, ...(cursor ? { cursor } : {}) },
        },
      );
      expect(r.status).toBe(200);
      goals.push(...r.json.items);
      cursor = r.json.next_cursor;
      pages++;
      if (cursor && between) await between(pages);
    } while (cursor);
    return { goals, pages };
  }

  /** The portfolio's customers, all pages: the independent count of at-risk goals per customer. */
  async function portfolio(token = 'manager', query: Query = {}) {
    const first = await call('getPortfolioSuccessMetrics', {}, { token, query: { ...query } });
    const customers = [...first.json.customers];
    let cursor = first.json.next_cursor;
    while (cursor) {
      const r = await call(
        'getPortfolioSuccessMetrics',
        {},
        { token, query: { ...query, cursor } },
      );
      customers.push(...r.json.customers);
      cursor = r.json.next_cursor;
    }
    return { summary: first.json.summary, customers };
  }

  const keyOf = (g: AtRiskGoal) => `${g.customer_id}/${g.goal_id}`;

  it("reaches every at-risk goal of the manager's portfolio by paging, each once, in key order", async () => {
    const { summary, customers } = await portfolio();
    expect(summary.at_risk).toBeGreaterThan(100);
    const { goals, pages } = await walk({ query: { limit: 7 } });
    expect(pages).toBe(Math.ceil(summary.at_risk / 7));
    expect(goals).toHaveLength(summary.at_risk);
    expect(new Set(goals.map(keyOf)).size).toBe(goals.length);
    // Per customer, exactly the count its portfolio row gives.
    const perCustomer = new Map<string, number>();
    for (const g of goals)
      perCustomer.set(g.customer_id, (perCustomer.get(g.customer_id) ?? 0) + 1);
    for (const c of customers) expect(perCustomer.get(c.customer_id) ?? 0).toBe(c.goals_at_risk);
    // The summary's 20 furthest behind are among them, with the same numbers.
    const byKey = new Map(goals.map((g) => [keyOf(g), g]));
    for (const g of summary.goals_at_risk) expect(byKey.get(keyOf(g))).toEqual(g);
    const sorted = [...goals].sort(
      (a, b) =>
        compareUtf8(a.customer_name, b.customer_name) ||
        compareUtf8(a.customer_id, b.customer_id) ||
        compareUtf8(a.goal_id, b.goal_id),
    );
    expect(goals).toEqual(sorted);
  });

  it('serves 50 per page by default and up to 500 in one page', async () => {
    const { summary } = await portfolio();
    const first = await call('listAtRiskGoals');
    expect(first.json.items).toHaveLength(50);
    expect(first.json.next_cursor).toEqual(expect.any(String));
    const one = await call('listAtRiskGoals', {}, { query: { limit: 500 } });
    expect(one.json.items).toHaveLength(summary.at_risk);
    expect(one.json.next_cursor).toBeNull();
    const exact = await call('listAtRiskGoals', {}, { query: { limit: summary.at_risk } });
    expect(exact.json.next_cursor, 'a full last page says it is the last').toBeNull();
  });

  it('rejects limits outside 1-500 and a non-integer limit with a 400 naming query.limit', async () => {
    for (const limit of ['0', '501', '-1', '2.5', 'ten']) {
      const r = await call('listAtRiskGoals', {}, { query: { limit } });
      expect(r.status, limit).toBe(400);
      expect(r.problem.errors?.[0]?.field).toBe('query.limit');
    }
  });

  it('rejects altered, forged, foreign and cross-filter cursors with a 400 naming query.cursor', async () => {
    const first = await call('listAtRiskGoals', {}, { query: { limit: 3 } });
    const cursor = first.json.next_cursor!;
    const [payload, mac] = cursor.split('.') as [string, string];
    const portfolioCursor = (await call('getPortfolioSuccessMetrics', {}, { query: { limit: 3 } }))
      .json.next_cursor!;
    const forgedKey = Buffer.from('["A","cus_a","goal_a"]').toString('base64url');
    const bad: [string, Query][] = [
      [`${payload}x.${mac}`, {}],
      [`${forgedKey}.${mac}`, {}],
      [`${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, {}],
      ['not-a-cursor', {}],
      [portfolioCursor, {}],
      [cursor, { segment: 'smb' }],
      [cursor, { csm_id: 'csm_riley' }],
    ];
    for (const [c, query] of bad) {
      const r = await call('listAtRiskGoals', {}, { query: { limit: 3, ...query, cursor: c } });
      expect(r.status, c).toBe(400);
      expect(r.problem.errors?.[0]).toMatchObject({ field: 'query.cursor', code: 'invalid' });
    }
    // The cursor itself is good: its page follows the first.
    const next = await call('listAtRiskGoals', {}, { query: { limit: 3, cursor } });
    expect(next.status).toBe(200);
    expect(next.json.items.map(keyOf)).not.toContain(keyOf(first.json.items[2]!));
  });

  it("scopes to the token as the portfolio does: a CSM's own, a viewer's one customer, filters within", async () => {
    const own = await walk({ token: 'csm', query: { limit: 500 } });
    const csmPortfolio = await portfolio('csm', { limit: 500 });
    expect(own.goals).toHaveLength(csmPortfolio.summary.at_risk);
    const ownIds = new Set(csmPortfolio.customers.map((c) => c.customer_id));
    expect(own.goals.every((g) => ownIds.has(g.customer_id))).toBe(true);
    expect(csmPortfolio.customers.every((c) => c.csm_id === 'csm_riley')).toBe(true);

    const viewer = await walk({ token: 'viewer' });
    expect(new Set(viewer.goals.map((g) => g.customer_id))).toEqual(new Set(['cus_acme']));
    expect(viewer.goals.length).toBeGreaterThan(0);

    const outside = await call(
      'listAtRiskGoals',
      {},
      { token: 'csm', query: { csm_id: 'csm_morgan' } },
    );
    expect(outside.status).toBe(200);
    expect(outside.json).toEqual({ items: [], next_cursor: null });

    const managerOfMorgan = await walk({ query: { csm_id: 'csm_morgan', segment: 'enterprise' } });
    const morgan = await portfolio('manager', { csm_id: 'csm_morgan', segment: 'enterprise' });
    expect(managerOfMorgan.goals).toHaveLength(morgan.summary.at_risk);
    const morganIds = new Set(morgan.customers.map((c) => c.customer_id));
    expect(managerOfMorgan.goals.every((g) => morganIds.has(g.customer_id))).toBe(true);
  });

  it('pages without repeats or gaps while writes take at-risk goals off the list on both sides of the cursor', async () => {
    const before = (await walk({ query: { limit: 500 } })).goals;
    const changed = new Set<string>();
    /** Records every metric of a goal at its target: the goal is achieved, no longer at risk. */
    const achieve = async (g: AtRiskGoal) => {
      const goal = await call('getSuccessGoal', { goalId: g.goal_id });
      for (const m of goal.json.metrics) {
        const r = await call(
          'recordMeasurement',
          { goalId: g.goal_id },
          { body: { metric_id: m.id, value: m.target_value, measured_at: '2026-04-29T12:00:00Z' } },
        );
        expect(r.status).toBe(201);
      }
      changed.add(keyOf(g));
    };
    const seen: AtRiskGoal[] = [];
    const walked = await walk({ query: { limit: 10 } }, async (page) => {
      const read = page * 10;
      // One goal already served (an offset would now skip one) and one still to come.
      const behind = before[read - 5];
      const ahead = before[read + 7];
      if (behind && !changed.has(keyOf(behind))) await achieve(behind);
      if (ahead && !changed.has(keyOf(ahead))) await achieve(ahead);
    });
    seen.push(...walked.goals);
    expect(changed.size).toBeGreaterThan(10);
    const keys = seen.map(keyOf);
    expect(new Set(keys).size, 'no goal twice').toBe(keys.length);
    const after = new Set((await walk({ query: { limit: 500 } })).goals.map(keyOf));
    // Every goal at risk before and after the walk was served.
    for (const g of before) if (after.has(keyOf(g))) expect(keys).toContain(keyOf(g));
    // The goals achieved ahead of the cursor were no longer at risk when their page came.
    for (const k of changed) if (!keys.includes(k)) expect(after.has(k)).toBe(false);
    expect(after.size).toBe(before.length - changed.size);
  });
});
