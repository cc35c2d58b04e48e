// Every state of every element, as storybook/stories/args.ts names them: each story says in
// `parameters` which element and state it shows, and coverage.test.ts checks none is missing.
// Provider states use the story clients (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { refreshOnceShown, storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'States',
  component: 'success-provider',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

/** <success-overview> inside a provider, while the first answer is on its way. */
export const OverviewLoading: Story = {
  parameters: { element: 'success-overview', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** <success-overview> fetched for a customer with nothing recorded yet. */
export const OverviewEmpty: Story = {
  parameters: { element: 'success-overview', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** <success-overview> when the request failed: the problem's title and Retry. */
export const OverviewError: Story = {
  parameters: { element: 'success-overview', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** <success-overview> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const OverviewStale: Story = {
  parameters: { element: 'success-overview', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme" ${ref(refreshOnceShown)}></success-overview>
    </success-provider>
  </div>`,
};

/** <success-overview> with some values missing (not measured yet). */
export const OverviewPartial: Story = {
  parameters: { element: 'success-overview', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** <success-overview> given its data as a property: no client, nothing fetched, nothing to change. */
export const OverviewReadOnly: Story = {
  parameters: { element: 'success-overview', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-overview .data=${examples.customerSuccessMetrics} .account=${examples.accountSuccessMetrics} locale=${locale} theme=${theme}></success-overview>
  </div>`,
};

/** <success-overview> fetching through <success-provider>, which sets its locale and theme. */
export const OverviewInProvider: Story = {
  parameters: { element: 'success-overview', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** <success-value> inside a provider, while the first answer is on its way. */
export const ValueLoading: Story = {
  parameters: { element: 'success-value', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> fetched for a customer with nothing recorded yet. */
export const ValueEmpty: Story = {
  parameters: { element: 'success-value', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> when the request failed: the problem's title and Retry. */
export const ValueError: Story = {
  parameters: { element: 'success-value', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const ValueStale: Story = {
  parameters: { element: 'success-value', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme" ${ref(refreshOnceShown)}></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> with some values missing (not measured yet). */
export const ValuePartial: Story = {
  parameters: { element: 'success-value', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-value> given its data as a property: no client, nothing fetched, nothing to change. */
export const ValueReadOnly: Story = {
  parameters: { element: 'success-value', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-value .value=${examples.customerSuccessMetrics.metrics.value_delivered} locale=${locale} theme=${theme}></success-value>
  </div>`,
};

/** <success-value> fetching through <success-provider>, which sets its locale and theme. */
export const ValueInProvider: Story = {
  parameters: { element: 'success-value', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-value customer-id="cus_acme"></success-value>
    </success-provider>
  </div>`,
};

/** <success-goals-table> inside a provider, while the first answer is on its way. */
export const GoalsTableLoading: Story = {
  parameters: { element: 'success-goals-table', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> fetched for a customer with nothing recorded yet. */
export const GoalsTableEmpty: Story = {
  parameters: { element: 'success-goals-table', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> when the request failed: the problem's title and Retry. */
export const GoalsTableError: Story = {
  parameters: { element: 'success-goals-table', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const GoalsTableStale: Story = {
  parameters: { element: 'success-goals-table', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme" ${ref(refreshOnceShown)}></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> with some values missing (not measured yet). */
export const GoalsTablePartial: Story = {
  parameters: { element: 'success-goals-table', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-goals-table> given its data as a property: no client, nothing fetched, nothing to change. */
export const GoalsTableReadOnly: Story = {
  parameters: { element: 'success-goals-table', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-goals-table .goals=${examples.customerSuccessMetrics.goals} locale=${locale} theme=${theme}></success-goals-table>
  </div>`,
};

/** <success-goals-table> fetching through <success-provider>, which sets its locale and theme. */
export const GoalsTableInProvider: Story = {
  parameters: { element: 'success-goals-table', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-goals-table customer-id="cus_acme"></success-goals-table>
    </success-provider>
  </div>`,
};

/** <success-milestones> inside a provider, while the first answer is on its way. */
export const MilestonesLoading: Story = {
  parameters: { element: 'success-milestones', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> fetched for a customer with nothing recorded yet. */
export const MilestonesEmpty: Story = {
  parameters: { element: 'success-milestones', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> when the request failed: the problem's title and Retry. */
export const MilestonesError: Story = {
  parameters: { element: 'success-milestones', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const MilestonesStale: Story = {
  parameters: { element: 'success-milestones', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme" ${ref(refreshOnceShown)}></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> with some values missing (not measured yet). */
export const MilestonesPartial: Story = {
  parameters: { element: 'success-milestones', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-milestones> given its data as a property: no client, nothing fetched, nothing to change. */
export const MilestonesReadOnly: Story = {
  parameters: { element: 'success-milestones', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-milestones .milestones=${examples.customerSuccessMetrics.milestones} locale=${locale} theme=${theme}></success-milestones>
  </div>`,
};

/** <success-milestones> fetching through <success-provider>, which sets its locale and theme. */
export const MilestonesInProvider: Story = {
  parameters: { element: 'success-milestones', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-milestones customer-id="cus_acme"></success-milestones>
    </success-provider>
  </div>`,
};

/** <success-score> inside a provider, while the first answer is on its way. */
export const ScoreLoading: Story = {
  parameters: { element: 'success-score', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> fetched for a customer with nothing recorded yet. */
export const ScoreEmpty: Story = {
  parameters: { element: 'success-score', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> when the request failed: the problem's title and Retry. */
export const ScoreError: Story = {
  parameters: { element: 'success-score', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const ScoreStale: Story = {
  parameters: { element: 'success-score', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme" ${ref(refreshOnceShown)}></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> with some values missing (not measured yet). */
export const ScorePartial: Story = {
  parameters: { element: 'success-score', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-score> given its data as a property: no client, nothing fetched, nothing to change. */
export const ScoreReadOnly: Story = {
  parameters: { element: 'success-score', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-score .score=${examples.accountSuccessMetrics.success_score} locale=${locale} theme=${theme}></success-score>
  </div>`,
};

/** <success-score> fetching through <success-provider>, which sets its locale and theme. */
export const ScoreInProvider: Story = {
  parameters: { element: 'success-score', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-score customer-id="cus_acme"></success-score>
    </success-provider>
  </div>`,
};

/** <success-health> inside a provider, while the first answer is on its way. */
export const HealthLoading: Story = {
  parameters: { element: 'success-health', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> fetched for a customer with nothing recorded yet. */
export const HealthEmpty: Story = {
  parameters: { element: 'success-health', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> when the request failed: the problem's title and Retry. */
export const HealthError: Story = {
  parameters: { element: 'success-health', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const HealthStale: Story = {
  parameters: { element: 'success-health', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme" ${ref(refreshOnceShown)}></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> with some values missing (not measured yet). */
export const HealthPartial: Story = {
  parameters: { element: 'success-health', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-health> given its data as a property: no client, nothing fetched, nothing to change. */
export const HealthReadOnly: Story = {
  parameters: { element: 'success-health', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-health .data=${examples.schemas.CustomerHealth} locale=${locale} theme=${theme}></success-health>
  </div>`,
};

/** <success-health> fetching through <success-provider>, which sets its locale and theme. */
export const HealthInProvider: Story = {
  parameters: { element: 'success-health', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-health customer-id="cus_acme"></success-health>
    </success-provider>
  </div>`,
};

/** <success-kpis> inside a provider, while the first answer is on its way. */
export const KpisLoading: Story = {
  parameters: { element: 'success-kpis', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> fetched for a customer with nothing recorded yet. */
export const KpisEmpty: Story = {
  parameters: { element: 'success-kpis', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> when the request failed: the problem's title and Retry. */
export const KpisError: Story = {
  parameters: { element: 'success-kpis', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const KpisStale: Story = {
  parameters: { element: 'success-kpis', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme" ${ref(refreshOnceShown)}></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> with some values missing (not measured yet). */
export const KpisPartial: Story = {
  parameters: { element: 'success-kpis', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-kpis> given its data as a property: no client, nothing fetched, nothing to change. */
export const KpisReadOnly: Story = {
  parameters: { element: 'success-kpis', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-kpis .data=${examples.customerKpis} locale=${locale} theme=${theme}></success-kpis>
  </div>`,
};

/** <success-kpis> fetching through <success-provider>, which sets its locale and theme. */
export const KpisInProvider: Story = {
  parameters: { element: 'success-kpis', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme"></success-kpis>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> inside a provider, while the first answer is on its way. */
export const BenchmarksLoading: Story = {
  parameters: { element: 'success-benchmarks', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> fetched for a customer with nothing recorded yet. */
export const BenchmarksEmpty: Story = {
  parameters: { element: 'success-benchmarks', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> when the request failed: the problem's title and Retry. */
export const BenchmarksError: Story = {
  parameters: { element: 'success-benchmarks', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const BenchmarksStale: Story = {
  parameters: { element: 'success-benchmarks', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme" ${ref(refreshOnceShown)}></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> with some values missing (not measured yet). */
export const BenchmarksPartial: Story = {
  parameters: { element: 'success-benchmarks', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-benchmarks> given its data as a property: no client, nothing fetched, nothing to change. */
export const BenchmarksReadOnly: Story = {
  parameters: { element: 'success-benchmarks', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-benchmarks .benchmarks=${examples.schemas.Benchmarks} customer-name="Globex Corp" locale=${locale} theme=${theme}></success-benchmarks>
  </div>`,
};

/** <success-benchmarks> fetching through <success-provider>, which sets its locale and theme. */
export const BenchmarksInProvider: Story = {
  parameters: { element: 'success-benchmarks', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-benchmarks customer-id="cus_acme"></success-benchmarks>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> inside a provider, while the first answer is on its way. */
export const TrendChartLoading: Story = {
  parameters: { element: 'success-trend-chart', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time"></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> fetched for a customer with nothing recorded yet. */
export const TrendChartEmpty: Story = {
  parameters: { element: 'success-trend-chart', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time"></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> when the request failed: the problem's title and Retry. */
export const TrendChartError: Story = {
  parameters: { element: 'success-trend-chart', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time"></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> shown, then a refresh that failed: the data stays, marked stale, with Retry. */
export const TrendChartStale: Story = {
  parameters: { element: 'success-trend-chart', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time" ${ref(refreshOnceShown)}></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> with some values missing (not measured yet). */
export const TrendChartPartial: Story = {
  parameters: { element: 'success-trend-chart', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time"></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-trend-chart> given its data as a property: no client, nothing fetched, nothing to change. */
export const TrendChartReadOnly: Story = {
  parameters: { element: 'success-trend-chart', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-trend-chart .trends=${examples.customerSuccessMetrics.trends} label="Goal progress over time" locale=${locale} theme=${theme}></success-trend-chart>
  </div>`,
};

/** <success-trend-chart> fetching through <success-provider>, which sets its locale and theme. */
export const TrendChartInProvider: Story = {
  parameters: { element: 'success-trend-chart', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-trend-chart customer-id="cus_acme" label="Goal progress over time"></success-trend-chart>
    </success-provider>
  </div>`,
};

/** <success-portfolio> inside a provider, while the first answer is on its way. */
export const PortfolioLoading: Story = {
  parameters: { element: 'success-portfolio', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> fetched for a customer with nothing recorded yet. */
export const PortfolioEmpty: Story = {
  parameters: { element: 'success-portfolio', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['empty'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> when the request failed: the problem's title and Retry. */
export const PortfolioError: Story = {
  parameters: { element: 'success-portfolio', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/**
 * <success-portfolio> has no stale banner (refresh() starts over, without the old rows): its
 * nearest state is the first page shown and a later page failing, the rows kept, with Retry.
 */
export const PortfolioStale: Story = {
  parameters: { element: 'success-portfolio', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['first-page', 'failed'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> with some values missing (not measured yet). */
export const PortfolioPartial: Story = {
  parameters: { element: 'success-portfolio', states: ['partial'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['partial'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <success-portfolio> given its data as a property: no client, nothing fetched, nothing to change. */
export const PortfolioReadOnly: Story = {
  parameters: { element: 'success-portfolio', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-portfolio .data=${examples.portfolio} locale=${locale} theme=${theme}></success-portfolio>
  </div>`,
};

/** <success-portfolio> fetching through <success-provider>, which sets its locale and theme. */
export const PortfolioInProvider: Story = {
  parameters: { element: 'success-portfolio', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <success-portfolio ></success-portfolio>
    </success-provider>
  </div>`,
};

/** <goal-progress goal-id> inside a provider, while the goal is on its way. */
export const GoalProgressLoading: Story = {
  parameters: { element: 'goal-progress', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};

/** <goal-progress goal-id> when the request failed. */
export const GoalProgressError: Story = {
  parameters: { element: 'goal-progress', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed', 'data'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};

/** <goal-progress goal-id> fetched through the provider. */
export const GoalProgressInProvider: Story = {
  parameters: { element: 'goal-progress', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <goal-progress goal-id="${examples.schemas.SuccessGoal.id}"></goal-progress>
    </success-provider>
  </div>`,
};

/** A new goal for Acme: the empty form. */
export const GoalEditorEmpty: Story = {
  parameters: { element: 'goal-editor', states: ['empty'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor customer-id="cus_acme" locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};

/** TC-165.1 for a viewer: the fields read-only, no Save, Add or Remove. */
export const GoalEditorReadOnly: Story = {
  parameters: { element: 'goal-editor', states: ['read-only'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <goal-editor readonly customer-id="cus_acme" .goal=${examples.schemas.SuccessGoal} locale=${locale} theme=${theme}></goal-editor>
  </div>`,
};

/** Editing TC-165.1 inside a provider: saving goes through the provider's client. */
export const GoalEditorInProvider: Story = {
  parameters: { element: 'goal-editor', states: ['inside-a-provider'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data'])} locale=${locale} theme=${theme}>
      <goal-editor customer-id="cus_acme" .goal=${examples.schemas.SuccessGoal}></goal-editor>
    </success-provider>
  </div>`,
};

/** The provider while its elements' first answers are on their way. */
export const ProviderLoading: Story = {
  parameters: { element: 'success-provider', states: ['loading'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['pending'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** The provider's client failing: each element inside shows the problem and Retry. */
export const ProviderError: Story = {
  parameters: { element: 'success-provider', states: ['error'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['failed'])} locale=${locale} theme=${theme}>
      <success-overview customer-id="cus_acme"></success-overview>
    </success-provider>
  </div>`,
};

/** The provider's data shown, then a refresh that failed: kept, marked stale. */
export const ProviderStale: Story = {
  parameters: { element: 'success-provider', states: ['stale'] },
  render: ({ locale, theme }) => html`<div style=${backdrop(theme)}>
    <success-provider .client=${storyClient(['data', 'failed'])} locale=${locale} theme=${theme}>
      <success-kpis customer-id="cus_acme" ${ref(refreshOnceShown)}></success-kpis>
    </success-provider>
  </div>`,
};
