// The customer's Success tab: the overview and each part it is built from, given data (no
// network), so every state can be looked at and checked.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { storyClient } from './story-clients.js';

const acme = () => structuredClone(examples.customerSuccessMetrics);
const account = () => structuredClone(examples.accountSuccessMetrics);

const meta: Meta<DisplayArgs> = {
  title: 'Dashboard',
  component: 'success-overview',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** Acme Corp as PRD-165 section 7 shows it: $285K delivered on $68K, 4.2x. */
export const Overview: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-overview .data=${acme()} .account=${account()} locale=${locale} theme=${theme}></success-overview>
  </div>`,
};

export const OverviewDark: Story = { ...Overview, args: { theme: 'dark' } };

export const OverviewGerman: Story = { ...Overview, args: { locale: 'de-DE' } };

export const OverviewJapanese: Story = { ...Overview, args: { locale: 'ja-JP' } };

/** Right to left: the layout mirrors (English words, Arabic digits: no catalogue ships). */
export const OverviewArabic: Story = { ...Overview, args: { locale: 'ar-EG' } };

/** The pseudo-locale: every translatable string accented in ⟦…⟧, so one left out stands out. */
export const OverviewPseudoLocale: Story = { ...Overview, args: { locale: 'en-XA' } };

/** A customer whose goals are not defined yet. */
export const OverviewEmpty: Story = {
  render: ({ locale, theme }) => {
    const empty = acme();
    empty.goals = [];
    empty.milestones = [];
    empty.trends = [];
    return html`<div style=${backdrop(theme)}>
      <success-overview .data=${empty} locale=${locale} theme=${theme}></success-overview>
    </div>`;
  },
};

export const GoalsTable: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-goals-table .goals=${acme().goals} locale=${locale} theme=${theme}></success-goals-table>
  </div>`,
};

export const Value: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-value .value=${acme().metrics.value_delivered} locale=${locale} theme=${theme}></success-value>
  </div>`,
};

export const Score: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-score .score=${account().success_score} locale=${locale} theme=${theme}></success-score>
  </div>`,
};

export const Milestones: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-milestones .milestones=${acme().milestones} locale=${locale} theme=${theme}></success-milestones>
  </div>`,
};

export const Benchmarks: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-benchmarks .benchmarks=${examples.schemas.Benchmarks} customer-name="Globex Corp" locale=${locale} theme=${theme}></success-benchmarks>
  </div>`,
};

export const GoalProgress: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-progress .goal=${examples.schemas.SuccessGoal} locale=${locale} theme=${theme}></goal-progress>
  </div>`,
};

/**
 * Acme's resolution time in hours: the y axis fitted to the data and the target, the forecast
 * marker labelled with its date, and "Download SVG" / "Download PNG" under the chart.
 */
export const TrendChart: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-trend-chart .trends=${acme().trends} label="Goal progress over time" locale=${locale} theme=${theme}></success-trend-chart>
  </div>`,
};

/** Five metrics in three units, each forecast to reach its target on its own date. */
const fiveTrends = () => {
  const base = acme().trends[0]!;
  const metrics = [
    { name: 'Average resolution time', unit: 'hours', baseline: 24, target: 12, lower: true },
    { name: 'NPS', unit: 'points', baseline: 30, target: 50, lower: false },
    { name: 'API response time', unit: 'ms', baseline: 480, target: 200, lower: true },
    { name: 'User adoption', unit: '%', baseline: 40, target: 80, lower: false },
    { name: 'Upsell revenue', unit: 'USD', baseline: 0, target: 120000, lower: false },
  ];
  const months = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'];
  return metrics.map((m, i) => ({
    ...base,
    metric_id: `met_story_${i}`,
    name: m.name,
    unit: m.unit,
    direction: m.lower ? ('lower_is_better' as const) : ('higher_is_better' as const),
    baseline: m.baseline,
    target: m.target,
    points: months.map((date, k) => ({
      date,
      value: m.baseline + (m.target - m.baseline) * (0.1 + k * (0.13 + i * 0.015)),
    })),
    forecast_date: ['2026-07-02', '2026-07-20', '2026-06-18', '2026-08-05', '2026-07-09'][i]!,
  }));
};

/**
 * The dashboard's five goals on one progress axis (0 % baseline, 100 % target): one forecast
 * marker per metric on the target line, each labelled with its name and date, none overlapping.
 */
export const TrendChartFiveMetrics: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-trend-chart .trends=${fiveTrends()} label="Goal progress over time" locale=${locale} theme=${theme}></success-trend-chart>
  </div>`,
};

/** The same five metrics on a phone: labels that do not fit are left to the legend. */
export const TrendChartNarrow: Story = {
  render: ({ locale, theme }) => html`<div style=${`${backdrop(theme)}; max-width: 360px`}>
    <success-trend-chart .trends=${fiveTrends()} label="Goal progress over time" locale=${locale} theme=${theme}></success-trend-chart>
  </div>`,
};

/** Acme's health as getCustomerHealth answers it: one observation, 77.5, good. */
export const Health: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-health .data=${structuredClone(examples.schemas.CustomerHealth)} locale=${locale} theme=${theme}></success-health>
  </div>`,
};

/**
 * A customer falling through the bands: excellent, good, a 23-point drop into at risk, then
 * critical after three declines in a row, with its active triggers.
 */
export const HealthCritical: Story = {
  render: ({ locale, theme }) => {
    const h = structuredClone(examples.schemas.CustomerHealth);
    const days = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'] as const;
    const scores = [92, 84, 61, 45] as const;
    const bands = ['excellent', 'good', 'at_risk', 'critical'] as const;
    const point = (i: 0 | 1 | 2 | 3) => ({ at: days[i], score: scores[i], band: bands[i] });
    const critical = {
      type: 'entered_critical' as const,
      at: days[3],
      from: point(2),
      to: point(3),
      drop: 16,
      cause: 'Entered critical on 2026-04-30: 45, from at risk (61).',
    };
    const declines = {
      type: 'consecutive_decline' as const,
      at: days[3],
      from: point(0),
      to: point(3),
      drop: 47,
      cause: 'Three declines in a row, from 92 on 2026-01-31 to 45 on 2026-04-30.',
    };
    const data = {
      ...h,
      score: 45,
      band: 'critical' as const,
      components: h.components.map((c) => ({ ...c, score: 45 })),
      history: days.map((d, i) => ({
        observed_on: d,
        score: scores[i] ?? 0,
        band: bands[i] ?? 'critical',
        components: { usage: 45, outcomes: 45, relationship: 45, growth: 45 },
      })),
      triggers: [critical, declines],
      active_triggers: [critical, declines],
      explanations: {},
    };
    return html`<div style=${backdrop(theme)}>
      <success-health .data=${data} locale=${locale} theme=${theme}></success-health>
    </div>`;
  },
};

export const HealthCriticalDark: Story = { ...HealthCritical, args: { theme: 'dark' } };

const kpis = () => structuredClone(examples.customerKpis);

/** Acme's KPIs for November 2026: every rating, trends each way, CLV and CAC payback unrated. */
export const Kpis: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-kpis .data=${kpis()} locale=${locale} theme=${theme}></success-kpis>
  </div>`,
};

export const KpisDark: Story = { ...Kpis, args: { theme: 'dark' } };

export const KpisGerman: Story = { ...Kpis, args: { locale: 'de-DE' } };

/** A month with no survey answers: CSAT, NPS and CES read "Not measured" with the reason. */
export const KpisPartial: Story = {
  render: ({ locale, theme }) => {
    const k = kpis();
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
    return html`<div style=${backdrop(theme)}>
      <success-kpis .data=${k} locale=${locale} theme=${theme}></success-kpis>
    </div>`;
  },
};

/** A customer with no KPI observation yet: the API's note. */
export const KpisEmpty: Story = {
  render: ({ locale, theme }) => {
    const k = {
      ...kpis(),
      period: null,
      previous_period: null,
      periods: [],
      observation: null,
      note: 'No KPI observation recorded for this customer yet.',
    };
    return html`<div style=${backdrop(theme)}>
      <success-kpis .data=${k} locale=${locale} theme=${theme}></success-kpis>
    </div>`;
  },
};

/** Inside a provider, while the first answer is on its way. */
export const KpisLoading: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** Inside a provider, when the request failed: the problem's title and Retry. */
export const KpisError: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** The KPIs shown, then a refresh that failed: the earlier data stays, marked, with Retry. */
export const KpisStale: Story = {
  render: ({ locale, theme }) => {
    const refreshOnce = (el: Element | undefined) => {
      if (!(el instanceof HTMLElement) || el.dataset.refreshed) return;
      el.dataset.refreshed = 'yes';
      const kpisEl = el as HTMLElementTagNameMap['success-kpis'];
      void customElements.whenDefined('success-kpis').then(async () => {
        // The first answer shown, then the refresh that fails.
        while (kpisEl.kpis.value === undefined) {
          await kpisEl.updateComplete;
          await kpisEl.kpis.settled;
          await new Promise((r) => setTimeout(r, 10));
        }
        await kpisEl.refresh();
      });
    };
    return html`<div style=${backdrop(theme)}>
      <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
        <success-kpis customer-id="cus_acme" ${ref(refreshOnce)}></success-kpis>
      </success-provider>
    </div>`;
  },
};

/** Acme's viewer (a read-only token): the same tiles, and nothing to edit, as for every role. */
export const KpisReadOnly: Story = {
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme" heading="Acme Corp KPIs (read-only)"></success-kpis>
    </success-provider>
  </div>`,
};
