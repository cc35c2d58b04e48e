// <success-overview> in every state storybook/stories/args.ts names for it (`parameters: { element,
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
  title: 'Elements/Overview',
  component: 'success-overview',
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
