import type { Hono } from 'hono';
import { assertCanWrite } from '../auth.js';
import { isoDay } from '../clock.js';
import { schemas } from '../contract.js';
import {
  allSummaries,
  customerInScope,
  customerInScopeAt,
  loadCustomerView,
  loadRollup,
  segmentSummaries,
} from '../data.js';
import {
  accountGoalOrder,
  accountSuccessMetrics,
  benchmarkInputs,
  benchmarks,
  segmentPeers,
} from '../derive/account.js';
import { audienceOf, projectAccount } from '../derive/audience.js';
import {
  accountExplanations,
  type BenchmarkInputs,
  type Explanations,
  rollupExplanations,
} from '../derive/explain.js';
import type { AppContext, Env } from '../http/context.js';
import { GzipJson, sendGzipJson } from '../http/gzip-json.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { etag } from '../http/preconditions.js';
import { jsonReply } from '../http/respond.js';
import { parseBody, pathId, Query } from '../validate.js';
import { fromAccount } from '../write/goal-input.js';
import { createGoal } from '../write/goals.js';
import { writeForCustomer } from '../write/tx.js';
import { PERIOD } from './reports.js';

export function registerIntelligence(app: Hono<Env>, ctx: AppContext): void {
  // getAccountSuccessMetrics: PRD-069's account view, optionally benchmarked against peers.
  app.get('/api/intelligence/success-metrics/:customerId', async (c) => {
    const q = new Query(c.req.url, ['period', 'includeBenchmarks', 'explain']);
    const id = pathId('customerId', c.req.param('customerId'));
    const period = q.string('period', { max: 7, pattern: PERIOD }) ?? 'all';
    const withBenchmarks = q.boolean('includeBenchmarks') ?? false;
    const explain = q.boolean('explain') ?? false;
    const p = c.get('principal');
    const { customer, rev: own } = await customerInScopeAt(ctx, p, id);
    const audience = audienceOf(p);
    const now = ctx.clock();
    // Benchmarks read every peer, so any write anywhere invalidates them.
    const rev = withBenchmarks ? await ctx.cache.totalRev() : own;
    // A parent's rollup covers the children the token sees: a CSM's may differ from others'.
    const scope = p.role === 'csm' ? `csm:${p.csmId}` : p.role === 'share' ? 'share' : 'all';
    // The explanations' texts are in the request's language: one entry per language with them.
    const locale = c.get('locale');
    const words = explain ? `explain=${locale}` : 'plain';
    const key = `account:${id}:${period}:${withBenchmarks}:${words}:${audience}:${isoDay(now)}:${scope}`;
    let cached = ctx.cache.get<GzipJson>(key, rev);
    if (cached === undefined) {
      const view = await loadCustomerView(ctx, customer, period);
      let bench = null;
      let inputs: BenchmarkInputs | null = null;
      if (withBenchmarks) {
        const summaries = await allSummaries(ctx);
        const self = summaries.get(id);
        if (self) {
          // The segment's members only: the peer set is kept per segment by the store.
          const members = await segmentSummaries(ctx, self.customer.segment);
          bench = benchmarks(self, members);
          if (explain && bench.benchmarks)
            inputs = benchmarkInputs(self, segmentPeers(self, members));
        }
      }
      const plain = projectAccount(accountSuccessMetrics(view, now, bench), audience);
      // The same rollup getCustomerSuccessMetrics gives: the parent's own delivered value and
      // score are the ones this view shows.
      const rollup = await loadRollup(
        ctx,
        p,
        view,
        { totalValue: plain.value_summary.total_value, score: plain.success_score.score },
        own,
      );
      // Absent, not null, without children (rollup) or `explain`: the response stays as it was.
      const body = rollup ? { ...plain, rollup } : plain;
      let out: typeof body & { explanations?: Explanations } = body;
      if (explain) {
        const explanations = accountExplanations(
          view,
          accountGoalOrder(view.goals),
          inputs,
          body.value_summary.categories,
          locale,
        );
        if (rollup)
          rollupExplanations(
            explanations,
            rollup,
            {
              name: customer.name,
              currency: customer.currency,
              investment: customer.investment,
              value: plain.value_summary.total_value,
              score: plain.success_score.score,
              pointers: {
                value: '/value_summary/total_value',
                investment: '/value_summary/investment',
                score: '/success_score/score',
              },
            },
            locale,
          );
        out = { ...body, explanations };
      }
      cached = new GzipJson(JSON.stringify(out));
      ctx.cache.set(key, rev, cached);
    }
    return sendGzipJson(c, cached);
  });

  // createAccountGoal: PRD-069's camelCase body, stored as the same SuccessGoal.
  idempotentPost(
    app,
    ctx,
    '/api/intelligence/success-metrics/:customerId/goals',
    'customerId',
    async ({ id, body, principal: p, save }) => {
      const customer = await customerInScope(ctx, p, id);
      assertCanWrite(p);
      const input = parseBody(schemas.AccountGoalInputSchema, body.value);
      const now = ctx.clock().getTime();
      const fields = fromAccount(input, isoDay(now));
      return writeForCustomer(ctx, customer.id, async (tx) => {
        const w = await createGoal(tx, customer, fields, now);
        const r = jsonReply(201, w.goal.wire, {
          etag: etag(w.goal.wire.version),
          location: `/api/success-goals/${w.goal.wire.id}`,
        });
        await save(tx, r);
        return r;
      });
    },
  );
}
