// Clients for the provider states of the stories, with no server: like the element tests'
// clients (packages/elements/src/testing/clients.ts), answering from openapi.yaml's examples.
import examples from 'virtual:cscx-examples';
import { createSuccessClient, type SuccessClient } from '@cscx/success-sdk';

/**
 * What a request gets: the example (`data`), the example with nothing in it (`empty`) or with
 * some values missing (`partial`), the portfolio's first page with more to come (`first-page`),
 * a 500 problem (`failed`), or no answer at all (`pending`).
 */
export type Answer = 'data' | 'empty' | 'partial' | 'first-page' | 'failed' | 'pending';
type Shape = 'data' | 'empty' | 'partial' | 'first-page';

const customer = (shape: Shape) => {
  const m = structuredClone(examples.customerSuccessMetrics);
  if (shape === 'empty') {
    m.goals = [];
    m.milestones = [];
    m.trends = [];
  }
  if (shape === 'partial') {
    // The goals after the first not measured yet: no current value, no trend.
    m.goals = m.goals.map((g, i) => (i === 0 ? g : { ...g, current_value: null }));
    m.trends = m.trends.slice(0, 1);
  }
  return m;
};

const account = (shape: Shape) => {
  const a = structuredClone(examples.accountSuccessMetrics);
  if (shape === 'empty') a.goals = [];
  return a;
};

const portfolio = (shape: Shape) => {
  const p = structuredClone(examples.portfolio);
  if (shape === 'empty') p.customers = [];
  if (shape === 'first-page') p.next_cursor = 'story-page-2';
  if (shape === 'partial') {
    type Row = (typeof examples.portfolio.customers)[number];
    p.customers = p.customers.map((c: Row, i: number) =>
      i === 0 ? c : { ...c, health_score: null, health_band: null },
    );
  }
  return p;
};

const health = (shape: Shape) => {
  const h = structuredClone(examples.schemas.CustomerHealth);
  if (shape === 'partial') h.explanations = {};
  return h;
};

const kpis = (shape: Shape) => {
  const k = structuredClone(examples.customerKpis);
  if (shape === 'empty') {
    return {
      ...k,
      period: null,
      previous_period: null,
      periods: [],
      observation: null,
      note: 'No KPI observation recorded for this customer yet.',
    };
  }
  if (shape === 'partial') {
    for (const name of ['csat', 'csat_percent', 'nps', 'ces'] as const) {
      k.kpis[name] = {
        ...k.kpis[name],
        value: null,
        rating: null,
        trend: null,
        previous_value: null,
        reason: 'No survey answers recorded for 2026-11.',
      };
    }
  }
  return k;
};

/**
 * Three of Acme's alerts on the listAlerts example (a health trigger, a goal at risk someone
 * acknowledged, the example's goal achieved); `empty` has none, `partial` more to come.
 */
export function storyAlerts(shape: Shape = 'data') {
  const list = structuredClone(examples.schemas.AlertList);
  const achieved = list.items[0]!;
  list.next_cursor = shape === 'partial' ? 'story-page-2' : null;
  list.items =
    shape === 'empty'
      ? []
      : [
          {
            ...achieved,
            id: 'alt_story_3',
            goal_id: null,
            type: 'health_entered_critical',
            title: 'Health critical: Acme Corp',
            cause:
              'Health score 45 on 2026-04-30 entered critical (below 50), from 61 on 2026-04-15.',
            created_at: '2026-04-30T09:00:00Z',
          },
          {
            ...achieved,
            id: 'alt_story_2',
            type: 'goal_at_risk',
            title: 'Goal at risk: Increase adoption',
            cause: 'Progress 40% is more than 10 points behind the expected 65%.',
            created_at: '2026-04-29T12:00:00Z',
            state: 'acknowledged',
            acknowledged_at: '2026-04-29T15:30:00Z',
            acknowledged_by: 'csm_riley',
            version: 2,
          },
          achieved,
        ];
  return list;
}

/** An alert of {@link storyAlerts} after acknowledgeAlert or dismissAlert. */
function changedAlert(path: string): unknown {
  const [, , , id, action] = path.split('/');
  const a = storyAlerts().items.find((x) => x.id === id) ?? storyAlerts().items[0]!;
  const at = '2026-04-30T10:00:00Z';
  return action === 'dismiss'
    ? {
        ...a,
        state: 'dismissed',
        dismissed_at: at,
        dismissed_by: 'csm_riley',
        version: a.version + 1,
      }
    : {
        ...a,
        state: 'acknowledged',
        acknowledged_at: at,
        acknowledged_by: 'csm_riley',
        version: a.version + 1,
      };
}

/** The example answer for a request path of openapi.yaml, in the given shape. */
function answerFor(path: string, shape: Shape): unknown {
  if (path === '/api/alerts') return storyAlerts(shape);
  if (path.startsWith('/api/alerts/')) return changedAlert(path);
  if (path === '/api/portfolio/at-risk-goals') {
    return { items: structuredClone(examples.portfolio.summary.goals_at_risk), next_cursor: null };
  }
  if (path.endsWith('/health')) return health(shape);
  if (path.endsWith('/kpis')) return kpis(shape);
  if (path.startsWith('/api/intelligence/')) return account(shape);
  if (path.startsWith('/api/success-goals/')) return structuredClone(examples.schemas.SuccessGoal);
  if (path.startsWith('/api/reports/success-metrics/')) return customer(shape);
  return portfolio(shape);
}

const problem = {
  type: 'about:blank',
  title: 'Internal server error',
  status: 500,
  detail: 'The story server failed on purpose.',
};

/**
 * A client whose requests to each path get `answers` in turn (the last one repeats): with
 * `['data', 'failed']` every endpoint answers once, then fails.
 */
export function storyClient(answers: readonly Answer[]): SuccessClient {
  const calls = new Map<string, number>();
  return createSuccessClient({
    baseUrl: 'https://story.invalid',
    token: 'story',
    retries: 0,
    fetch: (input) => {
      const request = input as Request;
      const path = new URL(request.url).pathname;
      const call = calls.get(path) ?? 0;
      calls.set(path, call + 1);
      const answer = answers[Math.min(call, answers.length - 1)] ?? 'data';
      if (answer === 'failed') {
        return Promise.resolve(
          new Response(JSON.stringify(problem), {
            status: 500,
            headers: { 'content-type': 'application/problem+json' },
          }),
        );
      }
      if (answer === 'pending') {
        return new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason), {
            once: true,
          });
        });
      }
      const body = answerFor(path, answer);
      return Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    },
  });
}

/** An element that can be told to fetch again. */
interface Refreshable extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
  refresh(): Promise<void> | void;
}

/**
 * For the stale stories (a `ref` callback): once the element's first answer is shown (its shadow
 * root holds no busy or alert state), it refreshes, and the client's next answer fails.
 */
export function refreshOnceShown(el: Element | undefined): void {
  if (!(el instanceof HTMLElement) || el.dataset.refreshed) return;
  el.dataset.refreshed = 'yes';
  void customElements.whenDefined(el.localName).then(async () => {
    const r = el as Refreshable;
    const shown = () => {
      const root = r.shadowRoot;
      return (
        !!root && root.childElementCount > 0 && !root.querySelector('.skeleton, [role="alert"]')
      );
    };
    for (let i = 0; i < 200 && !shown(); i++) {
      await r.updateComplete;
      await new Promise((done) => setTimeout(done, 10));
    }
    await r.refresh();
  });
}
