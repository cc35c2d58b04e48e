import type { Hono } from 'hono';
import type { Principal } from '../auth.js';
import { isoDay } from '../clock.js';
import { type PortfolioSuccessMetrics, type ReportSection, schemas } from '../contract.js';
import {
  allSummaries,
  customerInScope,
  customerInScopeAt,
  loadCustomerView,
  loadRollup,
} from '../data.js';
import {
  accountGoalOrder,
  accountSuccessMetrics,
  benchmarkInputs,
  benchmarks,
  segmentPeers,
} from '../derive/account.js';
import {
  type Audience,
  audienceOf,
  projectAccount,
  projectCustomerMetrics,
  projectKpis,
} from '../derive/audience.js';
import { customerSuccessMetrics } from '../derive/customer.js';
import {
  accountExplanations,
  customerExplanations,
  type Explanations,
  rollupExplanations,
} from '../derive/explain.js';
import { portfolioOf } from '../derive/portfolio.js';
import type { AppContext, Env } from '../http/context.js';
import { CURSOR_MAX, TEXT_KEY } from '../http/cursor.js';
import { GzipJson, sendGzipJson } from '../http/gzip-json.js';
import type { Reply } from '../http/idempotency.js';
import { idempotentPost } from '../http/idempotent-post.js';
import { ProblemError, validationFailed } from '../problem.js';
import type { ReportFormat, ReportRenderer } from '../report-worker/render.js';
import { checkBrandingLogo, checkUnique, parseBody, pathId, Query } from '../validate.js';
import { loadCustomerHealth } from './health.js';
import { loadCustomerKpis } from './kpis.js';
import {
  compareUtf8,
  familiesOf,
  indexAfter,
  portfolioRows,
  SEGMENTS,
  scopeKey,
  withFamily,
} from './portfolio-scope.js';

/**
 * openapi.yaml `Period`: years 1900-2999. Later ones are no reporting window, and the calendar
 * arithmetic of 9999-Q4 would run past what a date can hold.
 */
export const PERIOD = /^(all|(19[0-9]{2}|2[0-9]{3})(-Q[1-4]|-(0[1-9]|1[0-2]))?)$/;

/**
 * The KPI month of a report over `period`: the latest month with an observation in the period
 * (all of them for `all`, as getCustomerKpis without `period`); without one, the period's last
 * month, whose KPIs say no observation is recorded.
 *
 * @example
 * kpiMonthIn('2026-Q1')(['2025-12', '2026-01', '2026-02', '2026-04']); // '2026-02'
 */
export function kpiMonthIn(period: string): (months: readonly string[]) => string | null {
  return (months) => {
    if (period === 'all') return months.at(-1) ?? null;
    const year = period.slice(0, 4);
    const q = /-Q([1-4])$/.exec(period)?.[1];
    const [first, last] = q
      ? [
          `${year}-${String(Number(q) * 3 - 2).padStart(2, '0')}`,
          `${year}-${String(Number(q) * 3).padStart(2, '0')}`,
        ]
      : period.length === 4
        ? [`${year}-01`, `${year}-12`]
        : [period, period];
    return months.filter((m) => m >= first && m <= last).at(-1) ?? last;
  };
}

/**
 * The audience of a report (openapi.yaml ReportAudience): `customer` unless a manager or CSM asks
 * for `internal`; a customer-facing token asking for it is refused, never quietly downgraded.
 */
export function reportAudience(p: Principal, asked: Audience | undefined): Audience {
  if (asked === 'internal' && audienceOf(p) !== 'internal') {
    throw new ProblemError(
      403,
      'A customer-facing token (viewer, embed token or share link) gets customer-facing reports only: omit audience or send "customer".',
    );
  }
  return asked ?? 'customer';
}

/** `acme-corp-success-report-all.html`: the customer's name in lower-case kebab form. */
export function reportFileName(name: string, period: string, ext: string): string {
  const kebab = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${kebab || 'customer'}-success-report-${period}.${ext}`;
}

/**
 * The report operations. `reports` renders the files: a {@link ReportPool} in the server
 * (`npm start`), so a PDF never holds up the metrics requests this same thread answers.
 */
export function registerReports(app: Hono<Env>, ctx: AppContext, reports: ReportRenderer): void {
  // getPortfolioSuccessMetrics: summary and top performers over the whole filtered scope.
  app.get('/api/reports/success-metrics', async (c) => {
    const q = new Query(c.req.url, ['csm_id', 'segment', 'cursor', 'limit']);
    const csmId = q.id('csm_id');
    const segment = q.enum('segment', SEGMENTS);
    const limit = q.limit();
    const cursor = q.string('cursor', { max: CURSOR_MAX });
    const filters = { op: 'portfolio', csmId, segment };
    const after = ctx.cursors.decode(cursor, filters, [TEXT_KEY, TEXT_KEY]) as
      | readonly [string, string]
      | undefined;
    const p = c.get('principal');
    const now = ctx.clock();
    const rev = await ctx.cache.totalRev();
    const key = `portfolio:${isoDay(now)}:${scopeKey(p)}:${csmId}:${segment}:${cursor}:${limit}`;
    let cached = ctx.cache.get<GzipJson>(key, rev);
    if (cached === undefined) {
      const all = await allSummaries(ctx);
      const rows = portfolioRows(all, p, { csmId, segment });
      const families = familiesOf(all, p);
      const { summary, top } = portfolioOf(rows);
      const start = after
        ? indexAfter(
            rows,
            after,
            (r, [name, id]) => compareUtf8(r.customer.name, name) || compareUtf8(r.customer.id, id),
          )
        : 0;
      const page = rows.slice(start, start + limit);
      const last = page.at(-1);
      const body: PortfolioSuccessMetrics = {
        summary,
        customers: page.map((r) => withFamily(r, families)),
        top_performers: top.map((w) => {
          const r = all.get(w.customer_id);
          return r ? withFamily(r, families) : w;
        }),
        next_cursor:
          start + limit < rows.length && last
            ? ctx.cursors.encode([last.customer.name, last.customer.id], filters)
            : null,
      };
      cached = new GzipJson(JSON.stringify(body));
      ctx.cache.set(key, rev, cached);
    }
    return sendGzipJson(c, cached);
  });

  // getCustomerSuccessMetrics: the hot path of the dashboard, served from the read cache.
  app.get('/api/reports/success-metrics/:customerId', async (c) => {
    const q = new Query(c.req.url, ['period', 'explain']);
    const id = pathId('customerId', c.req.param('customerId'));
    const period = q.string('period', { max: 7, pattern: PERIOD }) ?? 'all';
    const explain = q.boolean('explain') ?? false;
    const p = c.get('principal');
    const { customer, rev } = await customerInScopeAt(ctx, p, id);
    const audience = audienceOf(p);
    const now = ctx.clock();
    // A parent's rollup covers the children the token sees: a CSM's may differ from others'.
    const scope = p.role === 'csm' ? `csm:${p.csmId}` : p.role === 'share' ? 'share' : 'all';
    // The explanations' texts are in the request's language: one entry per language with them.
    const locale = c.get('locale');
    const words = explain ? `explain=${locale}` : 'plain';
    const key = `metrics:${id}:${period}:${words}:${audience}:${isoDay(now)}:${scope}`;
    let cached = ctx.cache.get<GzipJson>(key, rev);
    if (cached === undefined) {
      const view = await loadCustomerView(ctx, customer, period);
      const plain = customerSuccessMetrics(view, now);
      const rollup = await loadRollup(
        ctx,
        p,
        view,
        {
          totalValue: plain.metrics.value_delivered.total_value,
          score: plain.metrics.success_score.score,
        },
        rev,
      );
      // Absent, not null, without children (rollup) or `explain`: the response stays as it was.
      const body = projectCustomerMetrics(rollup ? { ...plain, rollup } : plain, audience);
      let explanations: Explanations | undefined;
      if (explain) {
        explanations = customerExplanations(view, locale);
        if (rollup)
          rollupExplanations(
            explanations,
            rollup,
            {
              name: customer.name,
              currency: customer.currency,
              investment: customer.investment,
              value: plain.metrics.value_delivered.total_value,
              score: plain.metrics.success_score.score,
            },
            locale,
          );
      }
      cached = new GzipJson(JSON.stringify(explanations ? { ...body, explanations } : body));
      ctx.cache.set(key, rev, cached);
    }
    return sendGzipJson(c, cached);
  });

  // generateSuccessReport: the report file as HTML, PDF or PowerPoint, from the same numbers
  // the metrics endpoints serve.
  idempotentPost(
    app,
    ctx,
    '/api/reports/success-metrics/:customerId/generate',
    'customerId',
    async ({ id, body, key, principal: p, save }) => {
      const customer = await customerInScope(ctx, p, id);
      const request = parseBody(schemas.ReportRequestSchema, body.value);
      checkUnique(request.include_sections, '/include_sections');
      checkBrandingLogo(request.branding?.logo, '/branding/logo');
      const period = request.period ?? 'all';
      const audience = reportAudience(p, request.audience);
      const internalSection = request.include_sections?.indexOf('recommendations') ?? -1;
      if (audience === 'customer' && internalSection >= 0) {
        throw validationFailed([
          {
            field: `/include_sections/${internalSection}`,
            message:
              'The recommendations are internal to the CS team: a customer-facing report (audience "customer", the default) has no recommendations section.',
            code: 'internal_section',
          },
        ]);
      }
      // Null: the report package's default sections (it is not loaded in this thread): every
      // section, `rollup` only for a parent, `health` only for a customer with health or KPI data.
      const sections: readonly ReportSection[] | null = request.include_sections ?? null;
      const now = ctx.clock();
      // The report's words, its explanations' included, are in the report's locale.
      const locale = request.locale ?? 'en-US';
      const view = await loadCustomerView(ctx, customer, period);
      const summaries =
        sections === null || sections.includes('benchmarks') ? await allSummaries(ctx) : null;
      const self = summaries?.get(customer.id);
      const bench = summaries && self ? benchmarks(self, summaries.values()) : null;
      // Projected before anything reads it: a customer-facing report holds no internal text, in
      // its sections or its explanations (the package drops the recommendations section when
      // the account's recommendations are null).
      const plain = projectAccount(accountSuccessMetrics(view, now, bench), audience);
      // The report explains its numbers with the derivations `?explain=true` serves (PDF
      // appendix, PPTX notes, HTML details), so they read as the API and the dashboard do.
      const account = {
        ...plain,
        explanations: accountExplanations(
          view,
          accountGoalOrder(view.goals),
          summaries && self && bench?.benchmarks
            ? benchmarkInputs(self, segmentPeers(self, summaries.values()))
            : null,
          plain.value_summary.categories,
          locale,
        ),
      };
      // Health and KPIs as getCustomerHealth and getCustomerKpis answer them (the same loaders),
      // when the section is asked for or may be in the default set.
      const withHealth = sections === null || sections.includes('health');
      const health = withHealth ? await loadCustomerHealth(ctx, customer, locale) : undefined;
      const kpis = withHealth
        ? projectKpis(
            await loadCustomerKpis(ctx, customer, undefined, kpiMonthIn(period), locale),
            audience,
          )
        : undefined;
      // A parent's rollup as getCustomerSuccessMetrics gives it (the children the token sees),
      // explained, for the `rollup` section: asked for, or in the default set of a parent.
      const ownMetrics = customerSuccessMetrics(view, now);
      const metricsExplanations = customerExplanations(view, locale);
      const rollup =
        sections === null || sections.includes('rollup')
          ? await loadRollup(ctx, p, view, {
              totalValue: ownMetrics.metrics.value_delivered.total_value,
              score: ownMetrics.metrics.success_score.score,
            })
          : null;
      if (rollup)
        rollupExplanations(
          metricsExplanations,
          rollup,
          {
            name: customer.name,
            currency: customer.currency,
            investment: customer.investment,
            value: ownMetrics.metrics.value_delivered.total_value,
            score: ownMetrics.metrics.success_score.score,
          },
          locale,
        );
      const rendered = await reports.render({
        format: request.format,
        input: {
          metrics: projectCustomerMetrics(
            {
              ...ownMetrics,
              ...(rollup ? { rollup } : {}),
              explanations: metricsExplanations,
            },
            audience,
          ),
          account,
          ...(health ? { health } : {}),
          ...(kpis ? { kpis } : {}),
          locale,
          generatedAt: now,
          ...(request.branding ? { branding: request.branding } : {}),
        },
        sections,
      });
      const file = FILES[request.format];
      const r: Reply = {
        status: 200,
        headers: {
          'content-type': file.type,
          'content-language': locale,
          'content-disposition': `attachment; filename="${reportFileName(customer.name, period, file.ext)}"`,
          ...file.headers,
        },
        body: rendered,
      };
      if (key !== null) await ctx.db.transaction((tx) => save(tx, r));
      return r;
    },
  );
}

interface ReportFile {
  readonly type: string;
  readonly ext: string;
  readonly headers: Record<string, string>;
}

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

const FILES: Readonly<Record<ReportFormat, ReportFile>> = {
  pdf: { type: 'application/pdf', ext: 'pdf', headers: {} },
  // `ppt` names the format PRD-165 asks for; the file is the OOXML deck (.pptx).
  ppt: { type: PPTX_TYPE, ext: 'pptx', headers: {} },
  html: {
    type: 'text/html; charset=utf-8',
    ext: 'html',
    // The report is a document: its own styles only, nothing fetched, no scripts.
    headers: {
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
    },
  },
};
