// <success-trend-chart> in every state storybook/stories/args.ts names for it (`parameters: { element,
// states }`; coverage.test.ts checks none is missing), with its docs page generated from
// custom-elements.json (the meta's `component`). Provider states use the story clients
// (story-clients.ts), answering from openapi.yaml's examples.

import examples from 'virtual:cscx-examples';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { backdrop, type DisplayArgs, displayArgs, displayArgTypes } from './args.js';
import { refreshOnceShown, storyClient } from './story-clients.js';

const meta: Meta<DisplayArgs> = {
  title: 'Elements/Trend chart',
  component: 'success-trend-chart',
  args: displayArgs,
  argTypes: displayArgTypes,
};
export default meta;

type Story = StoryObj<DisplayArgs>;

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
