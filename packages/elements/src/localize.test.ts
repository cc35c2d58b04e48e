// Issue 14, "Languages": every UI string of the elements is in a message table, the shipped
// languages are complete, `locale` switches the words (not only the numbers), and the
// pseudo-locale shows at once any string left out of the catalogue.
import { EXPLAIN_MESSAGES, FAILURE_MESSAGES, FORMULA_MESSAGES } from '@cscx/success-calc/explain';
import {
  BAND_MESSAGES,
  type Catalogue,
  HEALTH_BAND_MESSAGES,
  type MessageTable,
  messagesFor,
  PSEUDO_LOCALE,
  RECOMMENDATION_MESSAGES,
  SEGMENT_MESSAGES,
  STATUS_MESSAGES,
  SUMMARY_MESSAGES,
  untranslatedKeys,
} from '@cscx/success-calc/i18n';
import { createSuccessClient } from '@cscx/success-sdk';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import './define/all.js';
import { describeError, PROBLEM_MESSAGES } from './data-controller.js';
import {
  EDITOR_MESSAGES,
  FIELD_MESSAGES,
  MILESTONE_EDITOR_MESSAGES,
  OPTION_MESSAGES,
} from './goal-editor/editor-text.js';
import { EDITOR_SHELL_MESSAGES } from './goal-editor/goal-editor.js';
import { TEMPLATE_MESSAGES } from './goal-editor/template-picker.js';
import { GOAL_PROGRESS_MESSAGES } from './goal-progress/goal-progress.js';
import { GOAL_VIEW_MESSAGES } from './goal-progress/goal-view.js';
import { VALUE_MESSAGES } from './goal-progress/value-rows.js';
import { deDE } from './locales/de-DE.js';
import { esES } from './locales/es-ES.js';
import { frFR } from './locales/fr-FR.js';
import { jaJP } from './locales/ja-JP.js';
import { registerTranslation, whenLocaleReady } from './localize.js';
import { STATE_MESSAGES } from './states.js';
import { ALERTS_MESSAGES, shownText } from './success-alerts/alerts-view.js';
import { ALERTS_SHELL_MESSAGES } from './success-alerts/success-alerts.js';
import { BENCHMARKS_MESSAGES } from './success-benchmarks/success-benchmarks.js';
import { GOALS_TABLE_MESSAGES } from './success-goals-table/success-goals-table.js';
import { HEALTH_MESSAGES } from './success-health/health-view.js';
import { HEALTH_SHELL_MESSAGES } from './success-health/success-health.js';
import { KPIS_MESSAGES } from './success-kpis/kpis-view.js';
import { KPIS_SHELL_MESSAGES } from './success-kpis/success-kpis.js';
import { MILESTONES_MESSAGES } from './success-milestones/success-milestones.js';
import { OVERVIEW_MESSAGES } from './success-overview/overview-view.js';
import {
  COLUMN_MESSAGES,
  CSV_MESSAGES,
  PORTFOLIO_MESSAGES,
} from './success-portfolio/portfolio-model.js';
import type { SuccessPortfolio } from './success-portfolio/success-portfolio.js';
import { SCORE_MESSAGES } from './success-score/success-score.js';
import { TREND_MESSAGES } from './success-trend-chart/trend-text.js';
import { TREND_VIEW_MESSAGES } from './success-trend-chart/trend-view-text.js';
import { PROJECTED_MESSAGES } from './success-value/success-value.js';
import { referenceApi } from './testing/embed-tokens.js';
import {
  acmeFiveGoals,
  acmeMetrics,
  alertsExample,
  benchmarksExample,
  globexAccount,
  goalExample,
  healthInDecline,
  kpisExample,
  scoreExample,
  valueExample,
} from './testing/fixtures.js';
import { deepElements, until } from './testing/helpers.js';
import { describe, it } from './testing/mocha.js';
// The portfolio's virtualiser: its benign ResizeObserver notice is not a failure.
import './testing/resize-notice.js';
import type { CustomerSuccessSummary } from './types.js';

/** Every message table of the elements. */
const TABLES: readonly MessageTable<Catalogue>[] = [
  STATE_MESSAGES,
  OVERVIEW_MESSAGES,
  GOALS_TABLE_MESSAGES,
  PROJECTED_MESSAGES,
  MILESTONES_MESSAGES,
  SCORE_MESSAGES,
  BENCHMARKS_MESSAGES,
  GOAL_PROGRESS_MESSAGES,
  GOAL_VIEW_MESSAGES,
  VALUE_MESSAGES,
  TREND_MESSAGES,
  TREND_VIEW_MESSAGES,
  HEALTH_MESSAGES,
  HEALTH_SHELL_MESSAGES,
  KPIS_MESSAGES,
  KPIS_SHELL_MESSAGES,
  ALERTS_MESSAGES,
  ALERTS_SHELL_MESSAGES,
  COLUMN_MESSAGES,
  PORTFOLIO_MESSAGES,
  EDITOR_SHELL_MESSAGES,
  EDITOR_MESSAGES,
  OPTION_MESSAGES,
  FIELD_MESSAGES,
  MILESTONE_EDITOR_MESSAGES,
  TEMPLATE_MESSAGES,
  PROBLEM_MESSAGES,
  CSV_MESSAGES,
];

const SHIPPED = [deDE, frFR, esES, jaJP];

describe('the shipped translations', () => {
  it('are complete: every domain of the elements, every key, no key English lacks', async () => {
    for (const t of SHIPPED) await whenLocaleReady(t.locale);
    const problems: string[] = [];
    const domains = new Set(TABLES.map((t) => t.domain));
    for (const t of SHIPPED) {
      for (const table of TABLES) {
        const missing = untranslatedKeys(table, t.locale);
        if (missing.length > 0) problems.push(`${t.locale} ${table.domain}: ${missing.join(', ')}`);
        const extra = Object.keys(t.messages[table.domain] ?? {}).filter((k) => !(k in table.en));
        if (extra.length > 0)
          problems.push(`${t.locale} ${table.domain} extra: ${extra.join(', ')}`);
      }
      for (const d of Object.keys(t.messages)) {
        if (!domains.has(d)) problems.push(`${t.locale}: unknown domain ${d}`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('keep every {place} of the English message', () => {
    const places = (m: unknown) =>
      [...JSON.stringify(m).matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    const problems: string[] = [];
    for (const t of SHIPPED) {
      for (const table of TABLES) {
        const messages = t.messages[table.domain] ?? {};
        for (const [key, english] of Object.entries(table.en)) {
          const mine = messages[key];
          if (mine === undefined) continue;
          const want = [...new Set(places(english))];
          const got = [...new Set(places(mine))];
          if (want.join() !== got.join())
            problems.push(`${t.locale} ${table.domain}.${key}: {${got}} for {${want}}`);
        }
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });
});

/** Every string in a fixture: the data's own words (names, units, notes), shown as given. */
function dataStrings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim()) out.add(value);
  } else if (Array.isArray(value)) for (const v of value) dataStrings(v, out);
  else if (value && typeof value === 'object')
    for (const v of Object.values(value)) dataStrings(v, out);
  return out;
}

// What Intl writes in English for any locale it does not know (the pseudo-locale): month
// names, the compact and unit suffixes, ordinals. Numbers and dates are formatted, not
// translated strings.
const INTL_WORDS = new Set<string>([
  ...Array.from({ length: 12 }, (_, m) =>
    ['short', 'long'].map((month) =>
      new Intl.DateTimeFormat('en', { month: month as 'short' | 'long' }).format(
        new Date(Date.UTC(2026, m, 15)),
      ),
    ),
  ).flat(),
  'hr',
  'hrs',
  'min',
  'st',
  'nd',
  'rd',
  'th',
  'US',
]);

/** The texts a person reads or hears under `root`: text nodes and labelling attributes. */
function readTexts(root: Element): string[] {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Element) {
      if (node.localName === 'style' || node.localName === 'script') return;
      for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'alt']) {
        const v = node.getAttribute(a);
        if (v) out.push(v);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        const t = child.textContent?.trim();
        if (t) out.push(t);
      } else visit(child);
    }
  };
  visit(root);
  return out;
}

/** `text` as a whole word or phrase: the unit "h" is data, the "h" in "hrs" is not. */
function asWord(text: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
    'gu',
  );
}

/** The texts under `root` with English words left once pseudo text, data and Intl are taken out. */
function untranslated(root: Element, data: readonly unknown[]): string[] {
  const given = [...dataStrings(data)].sort((a, b) => b.length - a.length);
  const bad: string[] = [];
  for (const text of readTexts(root)) {
    let t = text;
    // Innermost first: a pseudo message can hold another (`⟦⟦Îɱɱéđîåţé⟧:⟧`).
    for (let before = ''; before !== t; ) {
      before = t;
      t = t.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    }
    for (const d of given) t = t.replace(asWord(d), ' ');
    const words = (t.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !INTL_WORDS.has(w));
    if (words.length > 0) bad.push(`"${text}" (${words.join(' ')})`);
  }
  return bad;
}

/** A client whose every request fails as a network failure: the error state. */
function failingClient() {
  return createSuccessClient({
    baseUrl: 'https://api.example.com',
    token: 'test',
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    retry: false,
  } as Parameters<typeof createSuccessClient>[0]);
}

/** A client whose requests never settle: the loading state. */
function pendingClient() {
  return createSuccessClient({
    baseUrl: location.origin,
    token: 'test',
    fetch: (input) =>
      new Promise<Response>((_, reject) => {
        const signal = (input as Request).signal;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  });
}

/** One template as the API lists it, for a new goal started from a template. */
const TEMPLATES = [
  {
    id: 'tpl_reduce_process_time',
    name: 'Reduce process time',
    description: 'Hours saved by automating a manual process.',
    industry: null,
    shipped: true,
    duration_days: 180,
    goal: {
      name: 'Reduce process time',
      description: 'Save hours every month on a manual process.',
      category: 'efficiency',
      weight: 1,
      metrics: [
        {
          name: 'Hours saved',
          unit: 'hours/month',
          direction: 'higher_is_better',
          baseline_value: 0,
          target_value: 200,
          data_source: 'Time tracking',
          frequency: 'monthly',
          weight: 1,
        },
      ],
      value_drivers: [
        { type: 'time_saved', label: 'Process time saved', hours_per_month: 200, hourly_rate: 50 },
      ],
    },
    milestones: [{ name: 'Baseline measured', offset_days: 0 }],
    version: 1,
    created_at: null,
    updated_at: null,
  },
];

/** A client that lists {@link TEMPLATES} (and nothing else is asked of it). */
function templatesClient() {
  return createSuccessClient({
    baseUrl: 'https://api.example.com',
    token: 'test',
    fetch: async () =>
      new Response(JSON.stringify({ items: TEMPLATES, next_cursor: null }), {
        headers: { 'content-type': 'application/json' },
      }),
  });
}

/** A client that serves Acme's dashboard once, then fails: a refresh leaves stale data. */
function onceClient() {
  let calls = 0;
  const once = <T>(body: T) =>
    calls++ === 0 ? Promise.resolve(body) : Promise.reject(new TypeError('Failed to fetch'));
  return {
    getCustomerSuccessMetrics: () => once(acmeDashboard()),
    getAccountSuccessMetrics: () => Promise.resolve(globexAccount()),
  } as unknown as ReturnType<typeof createSuccessClient>;
}

function acmeDashboard() {
  const m = acmeMetrics();
  m.goals = acmeFiveGoals();
  return m;
}

/** Acme with a goal that lacks data for some metrics: the partial notice. */
function acmePartial() {
  const m = acmeDashboard();
  const g = m.goals[0]!;
  g.progress_note = STATE_MESSAGES.en.partial;
  return m;
}

function portfolio(): CustomerSuccessSummary[] {
  return Array.from({ length: 12 }, (_, i) => ({
    customer_id: `cus_${String(i).padStart(4, '0')}`,
    name: `Customer ${i}`,
    segment: (['enterprise', 'mid_market', 'smb'] as const)[i % 3]!,
    csm_id: 'csm_riley',
    currency: 'USD',
    goals_total: 5,
    goals_achieved: i % 4,
    goals_at_risk: i % 2,
    achievement_rate: ((i % 4) / 5) * 100,
    success_score: 50 + i,
    success_band: i % 3 === 0 ? 'strong' : i % 3 === 1 ? 'moderate' : 'weak',
    health_score: i % 5 === 0 ? null : 40 + i,
    health_band:
      i % 5 === 0 ? null : (['critical', 'at_risk', 'good', 'excellent'] as const)[i % 4]!,
    roi_multiplier: 1 + i,
    total_value: 100_000 + i,
    last_updated: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
    // Customer 1 is a parent account of customer 2 (its disclosure's words are localised too).
    parent_id: i === 2 ? 'cus_0001' : null,
    children_count: i === 1 ? 1 : 0,
  }));
}

interface Case {
  readonly render: (locale: string) => TemplateResult;
  /** The data the case shows, whose strings may appear as given. */
  readonly data: readonly unknown[];
  /** Waits for lazy parts. */
  readonly ready?: (el: Element) => Promise<void>;
  /** Words the server wrote in the request's language: not the page's to translate later. */
  readonly serverWords?: true;
}

const rows = (el: Element) =>
  until(() => deepElements(el).some((e) => e.getAttribute('role') === 'row'), 'rows');
// The chart runtime (vega) is a large lazy chunk: on a busy machine its first load takes a while.
const chart = (el: Element) =>
  until(
    () => deepElements(el).some((e) => e.localName === 'svg' && e.closest('.canvas')),
    'chart',
    15_000,
  );

/**
 * The success score from the reference server (the real API, asked in the element's locale) with
 * its "How is this computed?" disclosure open. `data` gets the response without the
 * explanations' texts: those are the words under test, the rest (names, input names, the seed
 * rule) is data.
 */
function explainedScore(): Case {
  const data: unknown[] = [];
  return {
    render: (l) =>
      html`<success-provider base-url=${referenceApi} token="demo-csm-token"><success-score locale=${l} customer-id="cus_acme"></success-score></success-provider>`,
    data,
    ready: async (el) => {
      const button = () =>
        deepElements(el).find((e) => e.classList.contains('explain-toggle')) as
          | HTMLButtonElement
          | undefined;
      await until(() => button() !== undefined, 'the explanation button', 15_000);
      button()!.click();
      await until(
        () => deepElements(el).some((e) => e.classList.contains('explain-text')),
        'the explanation open',
      );
      const r = await fetch(`${referenceApi}/api/reports/success-metrics/cus_acme?explain=true`, {
        headers: { authorization: 'Bearer demo-csm-token' },
      });
      const body = (await r.json()) as { explanations: Record<string, { text?: string }> };
      for (const e of Object.values(body.explanations)) delete e.text;
      data.push(body);
    },
    serverWords: true,
  };
}

/** The open explanation's sentence. */
const explanationText = (el: Element) =>
  deepElements(el)
    .find((e) => e.classList.contains('explain-text'))
    ?.textContent?.trim() ?? '';

const CASES: Record<string, Case> = {
  'success-score from the API, its explanation open': explainedScore(),
  'success-overview': {
    render: (l) =>
      html`<success-overview locale=${l} .data=${acmeDashboard()} .account=${globexAccount()}></success-overview>`,
    data: [acmeDashboard(), globexAccount()],
  },
  'success-overview, stale after a failed refresh': {
    render: (l) =>
      html`<success-provider .client=${onceClient()}><success-overview locale=${l} customer-id="cus_acme"></success-overview></success-provider>`,
    data: [acmeDashboard(), globexAccount(), location.origin],
    ready: async (el) => {
      await until(() => deepElements(el).some((e) => e.getAttribute('part') === 'at-risk'), 'data');
      await (el as HTMLElement & { refresh(): Promise<void> }).refresh().catch(() => {});
      await until(
        () =>
          deepElements(el).some(
            (e) => e.classList.contains('notice') && e.classList.contains('danger'),
          ),
        'the stale notice',
      );
    },
  },
  'goal-editor, read-only': {
    render: (l) => html`<goal-editor locale=${l} readonly .goal=${goalExample()}></goal-editor>`,
    data: [goalExample()],
    ready: (el) =>
      until(() => deepElements(el).some((e) => e.classList.contains('readonly')), 'note'),
  },
  'success-overview, partial data': {
    render: (l) => html`<success-overview locale=${l} .data=${acmePartial()}></success-overview>`,
    data: [acmePartial()],
  },
  'success-overview, empty': {
    render: (l) => {
      const m = acmeMetrics();
      m.goals = [];
      m.metrics.goals.total = 0;
      return html`<success-overview locale=${l} .data=${m}></success-overview>`;
    },
    data: [acmeMetrics()],
  },
  'success-overview, loading': {
    render: (l) =>
      html`<success-provider .client=${pendingClient()}><success-overview locale=${l} customer-id="cus_acme"></success-overview></success-provider>`,
    data: [],
  },
  'success-overview, error': {
    render: (l) =>
      html`<success-provider .client=${failingClient()}><success-overview locale=${l} customer-id="cus_acme"></success-overview></success-provider>`,
    data: ['https://api.example.com', location.origin],
    ready: (el) =>
      until(() => deepElements(el).some((e) => e.getAttribute('role') === 'alert'), 'error'),
  },
  'goal-progress': {
    render: (l) => html`<goal-progress locale=${l} .goal=${goalExample()}></goal-progress>`,
    data: [goalExample()],
    ready: chart,
  },
  'goal-progress, several metrics': {
    render: (l) => html`<goal-progress locale=${l} .goal=${acmeFiveGoals()[1]}></goal-progress>`,
    data: [acmeFiveGoals()],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'article'), 'goal'),
  },
  'success-goals-table': {
    render: (l) =>
      html`<success-goals-table locale=${l} .goals=${acmeFiveGoals()}></success-goals-table>`,
    data: [acmeFiveGoals()],
  },
  'success-goals-table, empty': {
    render: (l) => html`<success-goals-table locale=${l} .goals=${[]}></success-goals-table>`,
    data: [],
  },
  'success-value': {
    render: (l) =>
      html`<success-value locale=${l} currency="USD" .value=${valueExample()}></success-value>`,
    data: [valueExample()],
  },
  'success-milestones': {
    render: (l) =>
      html`<success-milestones locale=${l} .milestones=${globexAccount().upcoming_milestones}></success-milestones>`,
    data: [globexAccount()],
  },
  'success-milestones, empty': {
    render: (l) => html`<success-milestones locale=${l} .milestones=${[]}></success-milestones>`,
    data: [],
  },
  'success-score': {
    render: (l) => html`<success-score locale=${l} .score=${scoreExample()}></success-score>`,
    data: [scoreExample()],
  },
  'success-benchmarks': {
    render: (l) =>
      html`<success-benchmarks locale=${l} .benchmarks=${benchmarksExample()}></success-benchmarks>`,
    data: [benchmarksExample()],
  },
  'success-trend-chart': {
    render: (l) =>
      html`<success-trend-chart locale=${l} .trends=${acmeMetrics().trends}></success-trend-chart>`,
    data: [acmeMetrics().trends],
    ready: chart,
  },
  'success-trend-chart, empty': {
    render: (l) => html`<success-trend-chart locale=${l} .trends=${[]}></success-trend-chart>`,
    data: [],
  },
  'success-health': {
    render: (l) => html`<success-health locale=${l} .data=${healthInDecline()}></success-health>`,
    data: [healthInDecline()],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'table'), 'view'),
  },
  'success-kpis': {
    render: (l) => html`<success-kpis locale=${l} .data=${kpisExample()}></success-kpis>`,
    data: [kpisExample()],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'li'), 'tiles'),
  },
  'success-alerts': {
    render: (l) => html`<success-alerts locale=${l} .data=${alertsExample()}></success-alerts>`,
    // The titles and causes as shown: their dates with non-breaking hyphens.
    data: [
      alertsExample(),
      alertsExample().items.flatMap((a) => [shownText(a.title), shownText(a.cause)]),
    ],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'li'), 'alerts'),
  },
  'success-alerts, empty': {
    render: (l) =>
      html`<success-alerts locale=${l} .data=${{ ...alertsExample(), items: [] }}></success-alerts>`,
    data: [],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'p'), 'empty'),
  },
  'success-portfolio': {
    render: (l) =>
      html`<success-portfolio locale=${l} .customers=${portfolio()}></success-portfolio>`,
    data: [portfolio()],
    ready: rows,
  },
  'success-portfolio, a parent expanded': {
    render: (l) =>
      html`<success-portfolio locale=${l} .customers=${portfolio()}></success-portfolio>`,
    data: [portfolio()],
    ready: async (el) => {
      await rows(el);
      (el as SuccessPortfolio).toggleChildren('cus_0001', true);
      await until(
        () => deepElements(el).some((e) => e.classList?.contains('child')),
        'the child row',
      );
    },
  },
  'goal-editor, new goal': {
    render: (l) => html`<goal-editor locale=${l} customer-id="cus_acme"></goal-editor>`,
    data: [],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'form'), 'form'),
  },
  'goal-editor, from a template': {
    render: (l) =>
      html`<success-provider .client=${templatesClient()}><goal-editor locale=${l} customer-id="cus_localize_template" template-id="tpl_reduce_process_time"></goal-editor></success-provider>`,
    data: [TEMPLATES],
    ready: (el) =>
      until(
        () => deepElements(el).some((e) => e.classList.contains('template-origin')),
        'the template applied',
      ),
  },
  'goal-editor, a goal': {
    render: (l) => html`<goal-editor locale=${l} .goal=${goalExample()}></goal-editor>`,
    data: [goalExample()],
    ready: (el) => until(() => deepElements(el).some((e) => e.localName === 'form'), 'form'),
  },
};

async function show(c: Case, locale: string): Promise<Element> {
  const wrap = await fixture<HTMLDivElement>(html`<div>${c.render(locale)}</div>`);
  const el = wrap.querySelector(':scope > :not(success-provider), success-provider > *')!;
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  await c.ready?.(el);
  // The parts inside (tables, charts) render in their own updates.
  for (const e of deepElements(el)) {
    await (e as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  }
  return el;
}

describe('the pseudo-locale', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: every word on screen is translated, data, or a formatted number or date`, async () => {
      const el = await show(c, PSEUDO_LOCALE);
      expect(untranslated(el, c.data)).to.deep.equal([]);
    });
  }
});

// The share page and a host's own language: the element draws first in English, and the words
// arrive later. Every part must then re-render its text, none keep what it cached in English.
describe('a language that arrives after the first render', () => {
  const calcTables: readonly MessageTable<Catalogue>[] = [
    STATUS_MESSAGES,
    BAND_MESSAGES,
    HEALTH_BAND_MESSAGES,
    SEGMENT_MESSAGES,
    SUMMARY_MESSAGES,
    RECOMMENDATION_MESSAGES,
    FORMULA_MESSAGES,
    EXPLAIN_MESSAGES,
    FAILURE_MESSAGES,
  ];
  let n = 0;
  for (const [name, c] of Object.entries(CASES).filter(([, c]) => !c.serverWords)) {
    it(`${name}: every word is translated once its language is registered`, async () => {
      // A private-use language per case (qaa, qab, …): never registered before this test.
      const locale = `qa${String.fromCharCode(97 + n++)}`;
      const el = await show(c, locale);
      const messages: Record<string, Catalogue> = {};
      for (const table of [...TABLES, ...calcTables]) {
        messages[table.domain] = messagesFor(table, PSEUDO_LOCALE);
      }
      registerTranslation({ locale, name: 'Late', messages });
      for (const e of [el, ...deepElements(el)]) {
        await (e as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      }
      expect(untranslated(el, c.data)).to.deep.equal([]);
    });
  }
});

/** A message as a pattern of what it reads with its places filled. */
function shape(message: string): RegExp {
  const parts = message.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`, 's');
}

/**
 * Texts under `root` that read as an English message of the tables, the data's own words taken
 * out first (a goal named "Revenue from upsell" is not the English "{trend} from {previous}").
 * A message German writes the same ("ROI", "Status") is not counted.
 */
function englishLeft(root: Element, data: readonly unknown[]): string[] {
  const german = new Set<string>();
  for (const table of TABLES) {
    for (const m of Object.values(messagesFor(table, 'de-DE'))) {
      for (const f of typeof m === 'string' ? [m] : Object.values(m)) german.add(f as string);
    }
  }
  const english: RegExp[] = [];
  for (const table of TABLES) {
    for (const m of Object.values(table.en)) {
      const forms = typeof m === 'string' ? [m] : Object.values(m);
      for (const f of forms) {
        if (german.has(f)) continue;
        if (!/[A-Za-z]{3,}/.test(f.replace(/\{\w+\}/g, ''))) continue;
        english.push(shape(f));
      }
    }
  }
  const given = [...dataStrings(data)].sort((a, b) => b.length - a.length);
  return readTexts(root)
    .map((t) => given.reduce((s, d) => s.replace(asWord(d), '§'), t))
    .filter((t) => english.some((r) => r.test(t)));
}

describe('de-DE', () => {
  it('heads the portfolio CSV export in German', async () => {
    await whenLocaleReady('de-DE');
    const el = (await show(CASES['success-portfolio']!, 'de-DE')) as HTMLElement & {
      toCsv(): string;
    };
    const header = el.toCsv().split('\r\n')[0]!;
    expect(header.startsWith('"Kunden-ID","Kunde","Segment","Erreichte Ziele"')).to.equal(true);
    expect(header).to.not.include('Customer');
  });

  it("says the API's standard problem titles in German, and a server's own words as they came", async () => {
    await whenLocaleReady('de-DE');
    const el = await fixture<HTMLElement & { localize<R>(fn: () => R): R }>(
      html`<success-milestones locale="de-DE" .milestones=${[]}></success-milestones>`,
    );
    const title = (type: string, words: string) =>
      el.localize(
        () =>
          describeError({ name: 'SuccessApiError', status: 404, problem: { type, title: words } })
            .title,
      );
    expect(title('/problems/not-found', 'Not found')).to.equal('Nicht gefunden');
    expect(title('/problems/rate-limited', 'Too many requests')).to.equal('Zu viele Anfragen');
    expect(title('/problems/not-found', 'Customer archived')).to.equal('Customer archived');
    expect(title('https://other.example/problems/x', 'Not found')).to.equal('Not found');
  });

  it('the overview reads German, without one English label', async () => {
    await whenLocaleReady('de-DE');
    const el = await show(CASES['success-overview']!, 'de-DE');
    const text = readTexts(el).join(' | ');
    for (const words of [
      'Erfolgskennzahlen: Acme Corp',
      'Bericht erstellen',
      'Erreichte Ziele',
      'Erbrachter Mehrwert',
      'Aktive Ziele',
      'Gefährdete Ziele',
      'Erreichte Meilensteine',
      'Fortschritt im Zeitverlauf',
      'Benchmark-Vergleich',
      'Übertroffen',
    ]) {
      expect(text).to.include(words);
    }
    expect(englishLeft(el, CASES['success-overview']!.data)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it("opens the score's explanation in German: the API's words in the element's language", async () => {
    await whenLocaleReady('de-DE');
    const c = explainedScore();
    const el = await show(c, 'de-DE');
    const text = explanationText(el);
    expect(text).to.match(/^\(.+\) \/ [\d,]+ = [\d,]+ von 100: (stark|mittel|schwach)$/);
    expect(text).to.not.match(/\b(of|strong|moderate|weak)\b/);
    expect(englishLeft(el, c.data)).to.deep.equal([]);
  });

  it('loads German by itself: English first, German once the language has arrived', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<success-milestones locale="de-AT" .milestones=${[]}></success-milestones>`,
    );
    await whenLocaleReady('de-AT');
    await el.updateComplete;
    expect(readTexts(el)).to.include('Noch keine Meilensteine.');
  });

  for (const name of ['success-portfolio', 'goal-progress', 'goal-editor, a goal']) {
    it(`${name} reads German, without one English label`, async () => {
      await whenLocaleReady('de-DE');
      const el = await show(CASES[name]!, 'de-DE');
      expect(englishLeft(el, CASES[name]!.data)).to.deep.equal([]);
    });
  }

  it('a locale from the provider switches the words of the elements inside it', async () => {
    await whenLocaleReady('fr-FR');
    const wrap = await fixture<HTMLElement>(
      html`<success-provider locale="fr-FR"><success-milestones .milestones=${[]}></success-milestones></success-provider>`,
    );
    const el = wrap.querySelector('success-milestones')! as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await el.updateComplete;
    expect(readTexts(el)).to.include('Aucun jalon pour l’instant.');
    // Left to right writes no attribute: the element inherits the page's direction.
    expect(el.getAttribute('dir')).to.equal(null);
  });
});

describe('text direction', () => {
  it('an Arabic locale mirrors the element, unless the author set dir', async () => {
    const el = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<success-milestones locale="ar-EG" .milestones=${[]}></success-milestones>`,
    );
    expect(el.getAttribute('dir')).to.equal('rtl');
    const own = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<success-milestones dir="ltr" locale="ar-EG" .milestones=${[]}></success-milestones>`,
    );
    expect(own.getAttribute('dir')).to.equal('ltr');
    el.setAttribute('locale', 'en-US');
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal(null);
  });
});
